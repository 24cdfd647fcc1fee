// What the sweep does for the Google Form: keep the RESPONSES watch alive (watches last
// seven days; an expired one cannot be renewed, only recreated), reconcile, so every
// response the Forms API lists has a row whatever happened to the notifications, and tell
// staff when the form of an open call takes no responses.
import { isOpenOn, type Call } from '../domain/calls';
import { localDay, localStamp } from '../domain/dates';
import { UpstreamError } from '../errors';
import type { FormResponse, FormWatch } from '../forms/form-source';
import { isOpen } from '../forms/publish';
import type { FormSource } from '../ports';
import { caForms } from '../i18n/ca-forms';
import type { Logger } from '../log';
import { digestKey, mark, outboxKey } from '../outbox';
import type { FormsJournal, KnownState, ResponseIntake, TakeCounts } from './form-responses';

const t = caForms.watch;
export const RENEW_WITHIN_MS = 48 * 60 * 60 * 1000;

/** A staff-facing note; `key` lets a standing condition be reported once a day, not every sweep. */
export interface WatchNote {
  key: string;
  text: string;
}

export interface WatchReport {
  action: 'none' | 'created' | 'renewed' | 'recreated' | 'failed';
  watch?: FormWatch;
  notes: WatchNote[];
}

export interface FormsWatchDeps {
  source: Pick<FormSource, 'get' | 'listWatches' | 'createWatch' | 'renewWatch' | 'deleteWatch' | 'listResponses'>;
  formId: string;
  /** projects/{project}/topics/{topic}; without it there is no watch, only reconciliation. */
  topicName?: string;
  intake: ResponseIntake;
  journal: Pick<FormsJournal, 'readKnown' | 'appendLog'>;
  logger: Logger;
  now?: () => Date;
}

export interface FormsWatch {
  ensureWatch(): Promise<WatchReport>;
  reconcile(known?: KnownState): Promise<TakeCounts>;
  /** A note for staff when the form is unpublished or closed to responses; none when it is open or legacy. */
  publishCheck(): Promise<string[]>;
  /**
   * All three, as one sweep step: staff notes for the digest, each standing watch note once
   * a day, the publish note in every sweep while it lasts. `known` is what the sweep already
   * read (without it the workspace is read when needed); with `calls`, the publish state is
   * only checked while one of them is open, since outside a call a closed form turns no one away.
   */
  sweepStep(known?: KnownState, calls?: readonly Call[]): Promise<string[]>;
}

const topicOf = (w: FormWatch) => w.target?.topic?.topicName ?? '';

export function createFormsWatch(deps: FormsWatchDeps): FormsWatch {
  const now = deps.now ?? (() => new Date());
  const day = () => localDay(now().toISOString());
  // Transient faults are thrown (the next sweep tries again); a refusal is a note for staff.
  const refused = (e: unknown): WatchReport => {
    if (!(e instanceof UpstreamError) || e.transient) throw e;
    deps.logger.log('ERROR', 'forms watch: refused', { error: e });
    return { action: 'failed', notes: [{ key: digestKey.formsWatchFailed(day()), text: t.failed(e.message) }] };
  };

  async function create(topicName: string, action: 'created' | 'recreated', notes: WatchNote[]): Promise<WatchReport> {
    const watch = await deps.source.createWatch(deps.formId, topicName);
    if (action === 'recreated') notes.push({ key: digestKey.formsWatchRecreated(watch.id ?? ''), text: t.recreated });
    deps.logger.log('INFO', `forms watch: ${action}`, { watchId: watch.id, expireTime: watch.expireTime });
    return { action, watch, notes };
  }

  async function ensureWatch(): Promise<WatchReport> {
    const topicName = deps.topicName;
    if (!topicName) return { action: 'none', notes: [] };
    const notes: WatchNote[] = [];
    try {
      const all = (await deps.source.listWatches(deps.formId)).filter((w) => w.eventType === 'RESPONSES');
      // One RESPONSES watch per form and project: one on another topic (the configuration
      // changed) would keep the right one from being created.
      for (const w of all) if (topicOf(w) !== topicName && w.id) await deps.source.deleteWatch(deps.formId, w.id);
      const watch = all.find((w) => topicOf(w) === topicName);
      // Expired watches vanish from the list: none may also mean "expired unnoticed".
      if (!watch?.id) return await create(topicName, 'created', notes);
      if (watch.state === 'SUSPENDED') {
        const reason = t.reasons[watch.errorType ?? ''] ?? watch.errorType ?? '';
        try {
          // Documented: renewing a suspended watch reactivates it once the cause is gone.
          const renewed = await deps.source.renewWatch(deps.formId, watch.id);
          if (!renewed) return await create(topicName, 'recreated', notes);
          notes.push({ key: digestKey.formsWatchReactivated(watch.id, renewed.expireTime ?? ''), text: `${t.suspended(reason)} ${t.reactivated}` });
          return { action: 'renewed', watch: renewed, notes };
        } catch (e) {
          if (!(e instanceof UpstreamError) || e.transient) throw e;
          notes.push({ key: digestKey.formsWatchSuspended(watch.errorType ?? '', day()), text: `${t.suspended(reason)} ${t.stillSuspended}` });
          return { action: 'failed', watch, notes };
        }
      }
      const left = Date.parse(watch.expireTime ?? '') - now().getTime();
      if (!(left > RENEW_WITHIN_MS)) {
        const renewed = await deps.source.renewWatch(deps.formId, watch.id);
        if (!renewed) return await create(topicName, 'recreated', notes); // expired between list and renew
        deps.logger.log('INFO', 'forms watch: renewed', { watchId: renewed.id, expireTime: renewed.expireTime });
        return { action: 'renewed', watch: renewed, notes };
      }
      return { action: 'none', watch, notes };
    } catch (e) {
      return refused(e);
    }
  }

  async function takeAll(known: KnownState | undefined, responses?: FormResponse[]) {
    const all = responses ?? (await deps.source.listResponses(deps.formId));
    const counts = await deps.intake.take(all, { known: known ?? (await deps.journal.readKnown()) });
    deps.logger.log('INFO', 'forms reconcile: done', { ...counts });
    return counts;
  }

  async function publishCheck(): Promise<string[]> {
    let state;
    try {
      const form = await deps.source.get(deps.formId);
      // A legacy form has no publishSettings: the API cannot tell whether it takes responses.
      if (!form.publishSettings) return [];
      state = form.publishSettings.publishState;
    } catch (error) {
      deps.logger.log('WARNING', 'forms publish state: not checked', { error });
      return [];
    }
    if (isOpen(state)) return [];
    deps.logger.log('WARNING', 'forms publish state: closed', { formId: deps.formId, ...state });
    return [state?.isPublished ? t.notAccepting(deps.formId) : t.notPublished(deps.formId)];
  }

  async function sweepStep(given?: KnownState, calls?: readonly Call[]): Promise<string[]> {
    const today = day();
    // Not remembered in the log like the watch notes: every sweep says it until someone acts,
    // since each sweep while the call is open is five more minutes of municipalities turned away.
    const publish = !calls || calls.some((c) => isOpenOn(c, today)) ? await publishCheck() : [];
    let watch: WatchReport;
    try {
      watch = await ensureWatch();
    } catch (error) {
      // A passing fault: the next sweep tries again, and reconciliation still runs now.
      deps.logger.log('WARNING', 'forms watch: not checked', { error });
      watch = { action: 'failed', notes: [] };
    }
    let responses: FormResponse[];
    try {
      responses = await deps.source.listResponses(deps.formId);
    } catch (e) {
      if (!(e instanceof UpstreamError) || e.transient) throw e;
      // Refused (the form deleted, or no longer shared with us): no response reaches the sheet
      // by this door until someone acts, which staff must hear; the watch notes say responses
      // still arrive with each sweep, so they wait until that is true again.
      deps.logger.log('ERROR', 'forms reconcile: refused', { error: e });
      watch = { action: 'failed', notes: [{ key: digestKey.formsListRefused(day()), text: t.listRefused(e.message) }] };
      responses = [];
    }
    // A form with no responses and a healthy watch costs the sweep no Sheets call.
    if (!responses.length && !watch.notes.length) return publish;
    const known = given ?? (await deps.journal.readKnown());
    const counts = await takeAll(known, responses);
    const fresh = watch.notes.filter((n) => !known.keys.has(outboxKey.reported(n.key).key));
    if (fresh.length) {
      // Marked as the sweep marks its own digest items; a standing condition's key carries
      // the day, so tomorrow's sweep reminds staff again.
      const at = localStamp(now());
      await deps.journal.appendLog(fresh.map((n) => mark({ requestId: '', at, ...outboxKey.reported(n.key), detail: n.text })));
    }
    return [...publish, ...fresh.map((n) => n.text), ...(counts.created ? [t.reconciled(counts.created)] : [])];
  }

  return { ensureWatch, reconcile: (known?: KnownState) => takeAll(known), publishCheck, sweepStep };
}
