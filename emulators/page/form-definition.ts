// The request form as the local page renders it: the one definition (shared/domain/form.ts)
// joined with its Catalan texts and the open call's thematic areas, served as JSON so the
// page never keeps a copy of the questions.
import type { Call } from '../../shared/domain/calls';
import { QUESTIONS, TOPIC_OTHER, type QuestionKind } from '../../shared/domain/form';
import { ca } from '../../shared/i18n/ca';
import { caForms } from '../../shared/i18n/ca-forms';
import type { PrivacySettings } from '../../shared/domain/privacy';
import { privacyLines } from '../../shared/emails/privacy-notice';

export interface PageChoice {
  /** The intake contract's value. */
  value: string;
  label: string;
  /** The option's text on the Google Form, which is what a Forms response carries. */
  formValue: string;
}

export interface PageQuestion {
  key: string;
  kind: QuestionKind;
  required: boolean;
  max?: number;
  formQuestionId: string;
  label: string;
  help: string;
  choices?: PageChoice[];
  /** Commitments: the text of the one checkbox option on the Google Form. */
  formValue?: string;
}

/**
 * Where the page sends a response: the Forms emulator once the stack has a form (and whether
 * that form takes responses now, as its publish state says), the signed intake before.
 */
export type PageDoor = { kind: 'forms'; action: string; accepting: boolean } | { kind: 'intake'; action: string };

export interface PageForm {
  call: { id: string; title: string; deadline: string; priorityTheme: string; late: boolean; basesUrl?: string } | null;
  door: PageDoor;
  commitments: { label: string; help: string };
  questions: PageQuestion[];
  /** The data-protection notice, as the Google Form's description ends: title, then one line per element. */
  privacy: string[];
}

const fieldText = (key: string): { label: string; help: string } =>
  (ca.fields as Record<string, { label: string; help: string } | undefined>)[key] ?? { label: key, help: '' };

const CHOICE_LABELS: Record<string, Record<string, string>> = {
  serviceType: ca.choices.serviceType,
  trackRecord: ca.choices.trackRecord,
  modality: ca.choices.modality,
};

function choicesFor(key: string, kind: QuestionKind, fixed: readonly string[] | undefined, call: Call | undefined): PageChoice[] | undefined {
  switch (kind) {
    case 'choice':
      return (fixed ?? []).map((value) => {
        const label = CHOICE_LABELS[key]?.[value] ?? value;
        return { value, label, formValue: label };
      });
    case 'topic':
      // A call with no configured areas accepts any topic: the page then offers a text box.
      if (!call?.topics.length) return undefined;
      return [
        ...call.topics.map((t) => ({ value: t, label: t, formValue: t.trim() })),
        { value: TOPIC_OTHER, label: ca.choices.topicOther, formValue: ca.choices.topicOther },
      ];
    case 'yesNo':
      return [
        { value: 'true', label: ca.choices.yes, formValue: ca.choices.yes },
        { value: 'false', label: ca.choices.no, formValue: ca.choices.no },
      ];
    default:
      return undefined;
  }
}

export function pageForm(placement: { call: Call; late: boolean } | undefined, door: PageDoor, privacy?: PrivacySettings): PageForm {
  const call = placement?.call;
  return {
    call: call
      ? { id: call.id, title: call.title, deadline: call.deadline ?? '', priorityTheme: call.priorityTheme, late: placement.late, ...(call.basesUrl ? { basesUrl: call.basesUrl } : {}) }
      : null,
    door,
    privacy: privacyLines(privacy),
    commitments: fieldText('commitments'),
    questions: QUESTIONS.map((q) => {
      const text =
        q.kind === 'commitment'
          ? { label: (ca.commitments as Record<string, string>)[q.key] ?? q.key, help: '' }
          : q.kind === 'yesNo' && call
            ? { ...fieldText(q.key), help: caForms.form.priorityThemeHelp(call.priorityTheme) } // as the Google Form asks it
            : fieldText(q.key);
      const choices = choicesFor(q.key, q.kind, q.choices, call);
      return {
        key: q.key,
        kind: q.kind,
        required: q.required,
        ...(q.max !== undefined ? { max: q.max } : {}),
        formQuestionId: q.formQuestionId,
        label: text.label,
        help: text.help,
        ...(choices ? { choices } : {}),
        ...(q.kind === 'commitment' ? { formValue: text.label } : {}),
      };
    }),
  };
}
