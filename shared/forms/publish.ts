// Creating or updating the Google Form is the same plan applied to a different starting
// form: an empty one just created, or the form as it is now. Either way the form ends
// published and accepting responses: forms created through the API since 30 June 2026 are
// unpublished and take no responses until setPublishSettings says so. The script and the
// local stack both come through here, so the local form is built the production way.
import { isOpenOn, type Call } from '../domain/calls';
import type { PrivacySettings } from '../domain/privacy';
import { localDay } from '../domain/dates';
import { QUESTIONS } from '../domain/form';
import type { FormSource } from '../ports';
import type { FormDoc, FormRequest, PublishState } from './form-source';
import { formTitle, type PoolHours } from './form-text';
import { formPlan, storedQuestionIds } from './google-form';

export interface PublishedForm {
  formId: string;
  responderUri: string;
  created: boolean;
  /** Contract key → question ID, read back from the form after the write. */
  questionIds: Map<string, string>;
  /** Keys whose question ID the form did not keep (should be empty). */
  renumbered: string[];
  removed: string[];
  /** As forms.get reads it back after the run; undefined for a legacy form (no publishSettings). */
  publishState: PublishState | undefined;
  /** What this run did to it: published a closed form, or found it open already. */
  publishing: 'published' | 'already' | 'legacy';
}

export const OPEN = { isPublished: true, isAcceptingResponses: true } as const;

/** Published and taking responses; a legacy form (no publishSettings) cannot tell, so it is not. */
export const isOpen = (state: PublishState | null | undefined): boolean => state?.isPublished === true && state.isAcceptingResponses === true;

export async function publishForm(
  source: Pick<FormSource, 'create' | 'get' | 'batchUpdate' | 'setPublishSettings'>,
  opts: { call: Call; pools: readonly PoolHours[]; formId?: string; privacy?: PrivacySettings },
): Promise<PublishedForm> {
  const done = await publishPlanned(source, { formId: opts.formId, title: formTitle(opts.call), plan: (current) => formPlan(opts.call, opts.pools, current, opts.privacy) });
  const questionIds = storedQuestionIds(done.after);
  const renumbered = QUESTIONS.filter((q) => questionIds.get(q.key)?.toLowerCase() !== q.formQuestionId.toLowerCase()).map((q) => q.key);
  const { after: _, ...rest } = done;
  return { ...rest, questionIds, renumbered };
}

/** Creates (or reads) a form, applies its plan, then publishes it: any form built from a definition. */
export async function publishPlanned(
  source: Pick<FormSource, 'create' | 'get' | 'batchUpdate' | 'setPublishSettings'>,
  opts: { formId?: string; title: { title: string; documentTitle: string }; plan: (current: FormDoc) => { requests: FormRequest[]; removed: string[] } },
): Promise<Omit<PublishedForm, 'questionIds' | 'renumbered'> & { after: FormDoc }> {
  let formId = opts.formId;
  let current: FormDoc;
  if (formId) current = await source.get(formId);
  else {
    current = await source.create(opts.title);
    formId = current.formId ?? '';
    if (!formId) throw new Error('forms.create answered without a formId');
  }
  const plan = opts.plan(current);
  await source.batchUpdate(formId, plan.requests);
  // Published last, so no one can answer a half-built form. A legacy form has no publish
  // settings for the API to change: the admin checks it in the Forms editor instead.
  const before = current.publishSettings?.publishState;
  const legacy = !current.publishSettings;
  if (!legacy && !isOpen(before)) await source.setPublishSettings(formId, OPEN);
  const after = await source.get(formId);
  return {
    formId,
    responderUri: after.responderUri ?? '',
    created: !opts.formId,
    removed: plan.removed,
    publishState: after.publishSettings?.publishState ?? undefined,
    publishing: legacy ? 'legacy' : isOpen(before) ? 'already' : 'published',
    after,
  };
}

/**
 * The call a form is for: the one asked for; else the one open today (the latest to open
 * if several are); else the latest to open, so a form can be prepared before a call opens.
 */
export function chooseCall(calls: readonly Call[], opts: { id?: string; now?: Date } = {}): Call | undefined {
  if (opts.id) return calls.find((c) => c.id === opts.id);
  const today = localDay((opts.now ?? new Date()).toISOString());
  const byOpening = [...calls].sort((a, b) => b.opens.localeCompare(a.opens));
  return byOpening.find((c) => isOpenOn(c, today)) ?? byOpening[0];
}
