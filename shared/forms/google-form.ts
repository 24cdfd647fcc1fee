// The Google Form as Forms API batchUpdate requests, derived from the one form definition
// (shared/domain/form.ts) and a call: one item per question, with the definition's fixed
// question ID, so answers map back to contract keys by ID and never by title or position.
import type { Call } from '../domain/calls';
import type { PrivacySettings } from '../domain/privacy';
import { QUESTIONS, TOPIC_OTHER, type Question } from '../domain/form';
import { foldForMatch } from '../domain/text';
import { ca } from '../i18n/ca';
import { caForms } from '../i18n/ca-forms';
import { codecLabels } from './answer-codecs';
import type { FormDoc, FormItem, FormQuestion, FormRequest } from './form-source';
import { formDescription, formTitle, type PoolHours } from './form-text';

const fieldText = (key: string): { label: string; help: string } =>
  (ca.fields as Record<string, { label: string; help: string }>)[key] ?? { label: key, help: '' };

/** The call's thematic areas as options, each once, then "Altres". */
export function topicOptions(call: Call): string[] {
  const seen = new Set([foldForMatch(ca.choices.topicOther), foldForMatch(TOPIC_OTHER)]);
  const out: string[] = [];
  for (const t of call.topics.map((s) => s.trim()).filter(Boolean)) {
    if (seen.has(foldForMatch(t))) continue;
    seen.add(foldForMatch(t));
    out.push(t);
  }
  return [...out, ca.choices.topicOther];
}

function questionBody(q: Question, call: Call): FormQuestion {
  const base = { questionId: q.formQuestionId, required: q.required };
  const choice = (type: 'RADIO' | 'CHECKBOX' | 'DROP_DOWN', values: string[]): FormQuestion => ({
    ...base,
    choiceQuestion: { type, options: values.map((value) => ({ value })) },
  });
  switch (q.kind) {
    case 'line':
    case 'email':
      return { ...base, textQuestion: { paragraph: false } };
    case 'text':
      return { ...base, textQuestion: { paragraph: true } };
    case 'choice':
      return choice('RADIO', Object.keys(codecLabels(q)));
    case 'topic':
      // A call with no configured areas accepts any (calls.ts): then the area is typed.
      return call.topics.length ? choice('DROP_DOWN', topicOptions(call)) : { ...base, textQuestion: { paragraph: false } };
    case 'yesNo':
      return choice('RADIO', [ca.choices.yes, ca.choices.no]);
    case 'commitment':
      return choice('CHECKBOX', Object.keys(codecLabels(q)));
  }
}

/** The item for one question, without itemId (the caller adds the existing one). */
export function questionItem(q: Question, call: Call): FormItem {
  const titles = caForms.commitmentTitles as Record<string, string>;
  const title = q.kind === 'commitment' ? (titles[q.key] ?? q.key) : fieldText(q.key).label;
  const description =
    q.kind === 'commitment' ? caForms.commitmentHelp : q.kind === 'yesNo' ? caForms.form.priorityThemeHelp(call.priorityTheme) : fieldText(q.key).help;
  return { title, ...(description ? { description } : {}), questionItem: { question: questionBody(q, call) } };
}

const questionIdOf = (item: FormItem): string | undefined => item.questionItem?.question?.questionId?.toLowerCase() ?? undefined;
const hasQuestions = (item: FormItem): boolean => Boolean(item.questionItem || item.questionGroupItem);

/** Sorted keys, no false or empty values: proto3 JSON omits defaults, so compare without them. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v === null || typeof v !== 'object') return v;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined && x !== null && x !== false && x !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries.map(([k, x]) => [k, canonical(x)]));
}

/** The part of an item we own, to skip updates that would change nothing. */
const comparable = (item: FormItem) =>
  JSON.stringify(canonical({ t: item.title, d: item.description, q: item.questionItem?.question }));

export interface FormPlan {
  requests: FormRequest[];
  /** Question IDs of items that are not in the definition, deleted by this plan. */
  removed: string[];
}

/**
 * The requests that make `current` (an empty form after forms.create, or the form as it
 * is now) match the definition and the call, in one all-or-nothing batchUpdate. Existing
 * questions are updated in place: updateItem with mask "*" replaces the whole item, so the
 * item ID and question ID are always sent, or Forms would hand out new ones.
 */
export function formPlan(call: Call, pools: readonly PoolHours[], current: FormDoc = {}, privacy?: PrivacySettings): FormPlan {
  return definitionPlan(
    current,
    { title: formTitle(call).title, description: formDescription(call, pools, privacy) },
    QUESTIONS.map((q) => ({ questionId: q.formQuestionId, item: questionItem(q, call) })),
  );
}

/**
 * The plan for any form built from a definition (the request form, the evaluation form):
 * its title and description, no email collection, and exactly the definition's questions,
 * in order, each under its fixed question ID.
 */
export function definitionPlan(current: FormDoc, info: { title: string; description: string }, wanted: ReadonlyArray<{ questionId: string; item: FormItem }>): FormPlan {
  const ours = new Set(wanted.map((w) => w.questionId.toLowerCase()));
  const items = [...(current.items ?? [])];
  const requests: FormRequest[] = [
    { updateFormInfo: { info, updateMask: 'title,description' } },
    // Respondents need no Google account: the contact email is a question of the form.
    { updateSettings: { settings: { emailCollectionType: 'DO_NOT_COLLECT' }, updateMask: 'emailCollectionType' } },
  ];
  // Answers to questions the definition does not know could never be mapped to the
  // contract (every response would be refused), so such questions go; text, images and
  // page breaks stay.
  const removed: string[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    const qid = questionIdOf(item);
    if (hasQuestions(item) && !(qid && ours.has(qid))) {
      requests.push({ deleteItem: { location: { index: i } } });
      removed.push(qid ?? item.itemId ?? String(i));
      items.splice(i, 1);
    }
  }
  wanted.forEach(({ questionId, item: want }, index) => {
    const at = items.findIndex((it) => questionIdOf(it) === questionId.toLowerCase());
    if (at === -1) {
      requests.push({ createItem: { item: want, location: { index } } });
      items.splice(index, 0, want);
      return;
    }
    const existing = items[at]!;
    if (at !== index) {
      requests.push({ moveItem: { originalLocation: { index: at }, newLocation: { index } } });
      items.splice(at, 1);
      items.splice(index, 0, existing);
    }
    const item = { itemId: existing.itemId, ...want };
    if (comparable(existing) !== comparable(item)) requests.push({ updateItem: { item, location: { index }, updateMask: '*' } });
  });
  return { requests, removed };
}

/** Contract key → question ID as the form stores it (to check nothing was renumbered). */
export function storedQuestionIds(doc: FormDoc): Map<string, string> {
  const byId = new Map(QUESTIONS.map((q) => [q.formQuestionId.toLowerCase(), q.key]));
  const out = new Map<string, string>();
  for (const item of doc.items ?? []) {
    const qid = item.questionItem?.question?.questionId;
    const key = qid ? byId.get(qid.toLowerCase()) : undefined;
    if (key && qid) out.set(key, qid);
  }
  return out;
}
