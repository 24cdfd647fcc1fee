// The form, as code: one list of questions from which the intake schema, the Google
// Form, the local form page and the request sheet's columns are all derived. Change a
// question here and every door changes with it.

export type QuestionKind =
  | 'line' // single-line text
  | 'email'
  | 'text' // multi-line text
  | 'choice' // one of fixed choices
  | 'topic' // one of the call's thematic areas, or "other"
  | 'yesNo'
  | 'commitment'; // a box that must be ticked

export interface Question {
  /** Key in the public intake JSON contract. */
  readonly key: string;
  readonly kind: QuestionKind;
  readonly required: boolean;
  /** Maximum length in characters, after normalisation. */
  readonly max?: number;
  readonly choices?: readonly string[];
  /**
   * Stable Google Forms question ID (8 hex digits, as Google generates). Fixed here so a
   * re-created or updated form maps its answers to the same keys without guessing.
   */
  readonly formQuestionId: string;
}

export const SERVICE_TYPES = ['mentoring', 'advisory', 'either'] as const;
export const TRACK_RECORDS = ['starting', 'developing', 'established'] as const;
export const MODALITIES = ['in_person', 'remote', 'either'] as const;
export const COMMITMENTS = ['availability', 'shareLearning', 'provideInformation'] as const;
export const TOPIC_OTHER = 'other';

export type ServiceType = (typeof SERVICE_TYPES)[number];
export type TrackRecord = (typeof TRACK_RECORDS)[number];
export type Modality = (typeof MODALITIES)[number];
export type Commitment = (typeof COMMITMENTS)[number];

const q = (
  key: string,
  kind: QuestionKind,
  formQuestionId: string,
  opts: { required?: boolean; max?: number; choices?: readonly string[] } = {},
): Question => ({ key, kind, formQuestionId, required: opts.required ?? true, ...opts });

export const QUESTIONS: readonly Question[] = [
  q('municipality', 'line', '1a000001', { max: 200 }),
  q('contactName', 'line', '1a000002', { max: 200 }),
  q('contactRole', 'line', '1a000003', { max: 200 }),
  q('contactEmail', 'email', '1a000004', { max: 254 }),
  q('contactPhone', 'line', '1a000005', { required: false, max: 40 }),
  q('serviceType', 'choice', '1a000006', { choices: SERVICE_TYPES }),
  q('topic', 'topic', '1a000007', { max: 200 }),
  q('topicOther', 'line', '1a000008', { required: false, max: 200 }),
  q('need', 'text', '1a000009', { max: 4000 }),
  q('expectedImpact', 'text', '1a00000a', { max: 4000 }),
  q('transferability', 'text', '1a00000b', { max: 4000 }),
  q('alignment', 'text', '1a00000c', { max: 4000 }),
  q('priorityTheme', 'yesNo', '1a00000d'),
  q('priorityThemeDetail', 'text', '1a00000e', { required: false, max: 2000 }),
  q('trackRecord', 'choice', '1a00000f', { choices: TRACK_RECORDS }),
  q('modality', 'choice', '1a000010', { choices: MODALITIES }),
  q('involvement', 'text', '1a000011', { required: false, max: 2000 }),
  q('preferredDates', 'text', '1a000012', { required: false, max: 500 }),
  q('availability', 'commitment', '1a000013'),
  q('shareLearning', 'commitment', '1a000014'),
  q('provideInformation', 'commitment', '1a000015'),
];
