// What each option label of the Google Form means in the intake contract, per question ID:
// one table that builds the form's options, maps API responses back (answers.ts) and fills
// the Apps Script relay's map, so the two doors cannot drift apart.
import { QUESTIONS, TOPIC_OTHER, type Question, type QuestionKind } from '../domain/form';
import { ca } from '../i18n/ca';

export type AnswerValue = string | boolean;

/** How the answers to one question go back to the contract: option label → value. */
export interface AnswerCodec {
  key: string;
  kind: QuestionKind;
  questionId: string;
  /** Labels the form offers; any other text passes through as typed (and validation judges it). */
  labels: Record<string, AnswerValue>;
}

const CHOICE_LABELS: Record<string, Record<string, string>> = {
  serviceType: ca.choices.serviceType,
  trackRecord: ca.choices.trackRecord,
  modality: ca.choices.modality,
};

/** The option label a respondent sees for a contract value. */
export const choiceLabel = (key: string, value: string): string => CHOICE_LABELS[key]?.[value] ?? value;

export function codecLabels(q: Question): Record<string, AnswerValue> {
  switch (q.kind) {
    case 'choice':
      return Object.fromEntries((q.choices ?? []).map((v) => [choiceLabel(q.key, v), v]));
    case 'topic':
      return { [ca.choices.topicOther]: TOPIC_OTHER };
    case 'yesNo':
      return { [ca.choices.yes]: true, [ca.choices.no]: false };
    case 'commitment':
      return { [(ca.commitments as Record<string, string>)[q.key] ?? q.key]: true };
    default:
      return {};
  }
}

/** One codec per question, keyed by question ID (lower case: Forms IDs are hex). */
export function answerCodecs(): Map<string, AnswerCodec> {
  return new Map(
    QUESTIONS.map((q) => [q.formQuestionId.toLowerCase(), { key: q.key, kind: q.kind, questionId: q.formQuestionId, labels: codecLabels(q) }]),
  );
}
