// The evaluation a municipality is asked for once its service is over, on the 2020 work
// plan's own scale: usefulness ("is it useful for the members? does it meet the
// expectation?") and impact, each "poc", "suficient" or "molt"; what they will share with
// the other members (the bases' commitment); and comments. Like the request form, a
// definition with fixed Google Forms question IDs drives the form and the answers' reading.
import type { Call } from './calls';

export const SCALE = ['poc', 'suficient', 'molt'] as const;
export type ScaleValue = (typeof SCALE)[number];
/** Points for averages: 1 poc, 2 suficient, 3 molt. */
export const scalePoints = (v: ScaleValue): number => SCALE.indexOf(v) + 1;

export type EvaluationKey = 'reference' | 'usefulness' | 'impact' | 'share' | 'comments';

export interface EvaluationQuestion {
  readonly key: EvaluationKey;
  readonly kind: 'line' | 'scale' | 'text';
  readonly required: boolean;
  readonly formQuestionId: string;
}

export const EVALUATION_QUESTIONS: readonly EvaluationQuestion[] = [
  { key: 'reference', kind: 'line', required: true, formQuestionId: '2e000001' },
  { key: 'usefulness', kind: 'scale', required: true, formQuestionId: '2e000002' },
  { key: 'impact', kind: 'scale', required: true, formQuestionId: '2e000003' },
  { key: 'share', kind: 'text', required: true, formQuestionId: '2e000004' },
  { key: 'comments', kind: 'text', required: false, formQuestionId: '2e000005' },
];

export interface EvaluationAnswer {
  responseId: string;
  /** When it was first sent (RFC 3339). */
  at: string;
  reference: string;
  usefulness: ScaleValue | undefined;
  impact: ScaleValue | undefined;
  share: string;
  comments: string;
}

/**
 * Whether an accepted request's service is over: all its hours done (the sheet's own
 * "Hores restants" at or below zero after some hours), or its call's sessions window ended.
 */
export function serviceOver(r: { hoursDone?: number; hoursLeft?: number }, call: Pick<Call, 'sessionsTo'> | undefined, today: string): boolean {
  const allDone = (r.hoursDone ?? 0) > 0 && r.hoursLeft !== undefined && r.hoursLeft <= 0;
  return allDone || Boolean(call?.sessionsTo && today > call.sessionsTo);
}
