// The evaluation Google Form, from its definition (shared/domain/evaluation.ts) through the
// same Forms door as the request form: the plan, a link that fills in the request's
// reference, and a response read back by question ID.
import { EVALUATION_QUESTIONS, SCALE, type EvaluationAnswer, type EvaluationQuestion, type ScaleValue } from '../domain/evaluation';
import type { PrivacySettings } from '../domain/privacy';
import { privacyText } from '../emails/privacy-notice';
import { caEvaluation as t } from '../i18n/ca-evaluation';
import type { FormDoc, FormItem, FormResponse } from './form-source';
import { definitionPlan, type FormPlan } from './google-form';
import { publishPlanned } from './publish';
import type { FormSource } from '../ports';

function evaluationItem(q: EvaluationQuestion): FormItem {
  const text = t.questions[q.key];
  const base = { questionId: q.formQuestionId, required: q.required };
  const question =
    q.kind === 'scale'
      ? { ...base, choiceQuestion: { type: 'RADIO', options: SCALE.map((v) => ({ value: t.scale[v] })) } }
      : { ...base, textQuestion: { paragraph: q.kind === 'text' } };
  return { title: text.title, description: text.help, questionItem: { question } };
}

export const evaluationTitle = { title: t.form.title, documentTitle: t.form.documentTitle };

export function evaluationFormPlan(current: FormDoc = {}, privacy?: PrivacySettings): FormPlan {
  return definitionPlan(
    current,
    { title: t.form.title, description: [t.form.description, privacyText(privacy)].join('\n\n') },
    EVALUATION_QUESTIONS.map((q) => ({ questionId: q.formQuestionId, item: evaluationItem(q) })),
  );
}

/**
 * The form's address with the reference already filled in. Google's pre-filled links name a
 * question as `entry.<its ID in decimal>` (the Forms API gives the ID in hexadecimal).
 */
export function evaluationLink(responderUri: string, reference: string): string {
  const q = EVALUATION_QUESTIONS.find((x) => x.key === 'reference')!;
  const url = new URL(responderUri);
  url.searchParams.set('usp', 'pp_url');
  url.searchParams.set(`entry.${parseInt(q.formQuestionId, 16)}`, reference);
  return url.toString();
}

const byId = new Map(EVALUATION_QUESTIONS.map((q) => [q.formQuestionId.toLowerCase(), q.key]));
const scaleOf = (label: string): ScaleValue | undefined => SCALE.find((v) => t.scale[v] === label);

/** A response as the Avaluacions tab keeps it; a scale answer Google would not send is left empty. */
export function evaluationAnswer(r: FormResponse): EvaluationAnswer {
  const text: Partial<Record<string, string>> = {};
  for (const [qid, a] of Object.entries(r.answers ?? {})) {
    const key = byId.get(qid.toLowerCase());
    const values = (a?.textAnswers?.answers ?? []).map((x) => x?.value ?? '').filter(Boolean);
    if (key) text[key] = values.join('; ').trim();
  }
  return {
    responseId: r.responseId ?? '',
    at: r.createTime ?? '',
    reference: text.reference ?? '',
    usefulness: scaleOf(text.usefulness ?? ''),
    impact: scaleOf(text.impact ?? ''),
    share: text.share ?? '',
    comments: text.comments ?? '',
  };
}

/** Creates (without formId) or updates the evaluation form, and leaves it published. */
export function publishEvaluationForm(source: Pick<FormSource, 'create' | 'get' | 'batchUpdate' | 'setPublishSettings'>, opts: { formId?: string; privacy?: PrivacySettings }) {
  return publishPlanned(source, { formId: opts.formId, title: evaluationTitle, plan: (current) => evaluationFormPlan(current, opts.privacy) });
}
