// Answers to the Google Form as a respondent gives them: keyed by question ID, with the
// option labels the form shows. Tests change one answer at a time.
import { QUESTIONS } from '../../shared/domain/form';
import { ca } from '../../shared/i18n/ca';

export const qid = (key: string): string => {
  const q = QUESTIONS.find((x) => x.key === key);
  if (!q) throw new Error(`no question ${key}`);
  return q.formQuestionId;
};

export function formAnswers(overrides: Record<string, string[] | undefined> = {}): Record<string, string[]> {
  const base: Record<string, string[] | undefined> = {
    municipality: ['Ajuntament de Manresa'],
    contactName: ['Anna Serra'],
    contactRole: ['Tècnica de promoció econòmica'],
    contactEmail: ['anna.serra@example.cat'],
    serviceType: [ca.choices.serviceType.advisory],
    topic: ['Energia'],
    need: ['Volem impulsar una comunitat energètica local.'],
    expectedImpact: ['Vint llars i cinc cooperatives hi participarien.'],
    transferability: ['El model d’ordenança es pot replicar.'],
    alignment: ['Reforça l’economia social al territori.'],
    priorityTheme: [ca.choices.yes],
    trackRecord: [ca.choices.trackRecord.starting],
    modality: [ca.choices.modality.remote],
    availability: [ca.commitments.availability],
    shareLearning: [ca.commitments.shareLearning],
    provideInformation: [ca.commitments.provideInformation],
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).flatMap(([k, v]) => (v ? [[qid(k), v]] : [])));
}

/** The same answers in the Forms API's response shape. */
export function apiAnswers(answers: Record<string, string[]>) {
  return Object.fromEntries(
    Object.entries(answers).map(([questionId, values]) => [questionId, { questionId, textAnswers: { answers: values.map((value) => ({ value })) } }]),
  );
}
