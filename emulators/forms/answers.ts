// Checks a simulated submission against the form, the way the Forms UI would refuse it:
// unknown questions, unanswered required ones, and values the question could not produce
// (e.g. a RADIO answer that is not one of its options). Everything found is reported at
// once so a failing test names every problem.
import { ApiError, isObj } from './http';
import { questionsOf } from './model';
import type { FormRecord, Question } from './model';

export interface AnswerProblem { field: string; message: string }

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validDate(v: string, q: NonNullable<Question['dateQuestion']>): boolean {
  // Formats documented for TextAnswer.value: [YYYY-]MM-DD[ HH:MM].
  const re = new RegExp(`^${q.includeYear ? '(\\d{4})-' : '()'}(\\d{2})-(\\d{2})${q.includeTime ? ' (\\d{2}):(\\d{2})' : ''}$`);
  const m = re.exec(v);
  if (!m) return false;
  const [year, month, day] = [Number(m[1] || 2000), Number(m[2]), Number(m[3])]; // 2000: leap year, so 02-29 passes without a year
  const d = new Date(Date.UTC(year, month - 1, day));
  const timeOk = !q.includeTime || (Number(m[4]) < 24 && Number(m[5]) < 60);
  return timeOk && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function checkValues(q: Question, values: string[], columns?: Question['choiceQuestion']): string | undefined {
  const choice = columns ?? q.choiceQuestion;
  const single = !choice || choice.type !== 'CHECKBOX';
  if (single && values.length !== 1) return `expects exactly one value, got ${values.length}`;
  if (new Set(values).size !== values.length) return 'repeats a value';
  if (choice) {
    const allowed = new Set(choice.options.map((o) => o.value));
    const hasOther = choice.options.some((o) => o.isOther === true);
    const foreign = values.filter((v) => !allowed.has(v));
    // An "other" option accepts free text, but only one such value per answer.
    if (foreign.length > (hasOther ? 1 : 0)) return `has values that are not options: ${JSON.stringify(foreign)}`;
    return undefined;
  }
  const v = values[0] ?? '';
  if (q.dateQuestion && !validDate(v, q.dateQuestion)) {
    return `is not a date in the format ${q.dateQuestion.includeYear ? 'YYYY-' : ''}MM-DD${q.dateQuestion.includeTime ? ' HH:MM' : ''}`;
  }
  if (q.timeQuestion && !/^\d{2}:[0-5]\d$/.test(v)) return 'is not a time in the format HH:MM';
  if (q.scaleQuestion) {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < q.scaleQuestion.low || n > q.scaleQuestion.high) return `is not an integer from ${q.scaleQuestion.low} to ${q.scaleQuestion.high}`;
  }
  if (q.ratingQuestion) {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < 1 || n > q.ratingQuestion.ratingScaleLevel) return `is not a rating from 1 to ${q.ratingQuestion.ratingScaleLevel}`;
  }
  return undefined;
}

export function collectsEmail(form: FormRecord): boolean {
  const t = form.settings.emailCollectionType;
  return t === 'VERIFIED' || t === 'RESPONDER_INPUT';
}

/** Returns the answers with unanswered optional questions dropped, or throws a 400 listing every problem. */
export function checkAnswers(form: FormRecord, answers: unknown, respondentEmail: unknown): Record<string, string[]> {
  const missing: string[] = [];
  const unknown: string[] = [];
  const invalid: AnswerProblem[] = [];
  const given: Record<string, unknown> = isObj(answers) ? answers : {};
  if (!isObj(answers)) invalid.push({ field: 'answers', message: 'must be an object mapping question IDs to arrays of strings' });

  const byId = new Map<string, { q: Question; columns?: Question['choiceQuestion'] }>();
  for (const item of form.items) {
    const columns = item.questionGroupItem?.grid.columns;
    for (const q of questionsOf(item)) byId.set(q.questionId, columns ? { q, columns } : { q });
  }
  const out: Record<string, string[]> = {};
  for (const [qid, raw] of Object.entries(given)) {
    const known = byId.get(qid);
    if (!known) {
      unknown.push(qid);
      continue;
    }
    if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string' || v === '')) {
      invalid.push({ field: qid, message: 'must be an array of non-empty strings' });
      continue;
    }
    if (raw.length === 0) continue; // treated as unanswered; the required check below decides
    const problem = checkValues(known.q, raw as string[], known.columns);
    if (problem) invalid.push({ field: qid, message: `answer ${problem}` });
    else out[qid] = [...(raw as string[])];
  }
  for (const [qid, { q }] of byId) {
    if (q.required && !(qid in out) && !invalid.some((p) => p.field === qid)) missing.push(qid);
  }

  // Forms only records an address when the form collects one, and then always does.
  if (collectsEmail(form)) {
    if (typeof respondentEmail !== 'string' || !EMAIL_RE.test(respondentEmail)) {
      invalid.push({ field: 'respondentEmail', message: `required: the form collects email addresses (${form.settings.emailCollectionType})` });
    }
  } else if (respondentEmail !== undefined) {
    invalid.push({ field: 'respondentEmail', message: 'not allowed: the form does not collect email addresses (set settings.emailCollectionType)' });
  }

  if (missing.length || unknown.length || invalid.length) {
    const detail = JSON.stringify({ missing, unknown, invalid });
    throw new ApiError('INVALID_ARGUMENT', `The response does not match the form: ${detail}`, { missing, unknown, invalid });
  }
  return out;
}
