// One sweep: read the workspace (≤ 2 calls), decide (pure), record every intent in one
// write, send, record the results and digest markers in one more write. Sheets has no
// compare-and-set, so two sweeps racing could both see "not sent yet": the read, the plan
// and the intents' write run under the write lease every door takes (in one process, a
// queue as well). Once the intents are written, any later sweep sees them in flight, so the
// sends, the digest and the results need no lease — and the Forms reconciliation, which
// takes the lease itself through the intake pipeline, runs after it is released.
import { localStamp } from '../domain/dates';
import { digestEmail } from '../emails/digest';
import type { Logger } from '../log';
import { LOG_KIND, type LogEntry } from '../domain/log-entry';
import type { SweepState } from '../domain/workspace-state';
import { intent, mark, outboxKey, recipientTag, sendResult, type SendOutcome } from '../outbox';
import type { Mailer, SweepStore } from '../ports';
import type { WriteGuard } from '../lease/guard';
import { planSweep, type SweepOptions } from '../sweep/plan';
import { evaluationStep, type EvaluationDoor } from './evaluations';

export interface SweepDeps extends SweepOptions {
  store: SweepStore;
  /** The lease around read → plan → intents (the intake's: one sweep or flush at a time). */
  guard: WriteGuard;
  mailer: Mailer;
  logger: Logger;
  now?: () => Date;
  /**
   * Extra steps run after the lease is released (the Forms watch and reconciliation, which
   * take it themselves), given the workspace as this sweep read it, so they need no read of
   * their own; what they add (a reconciled row) is the next sweep's to plan.
   */
  extras?: Array<(state: SweepState) => Promise<string[]>>;
  /** The evaluation form (EVALUATION_FORM_ID); unset: no evaluation is asked or collected. */
  evaluation?: EvaluationDoor;
}

export interface SweepResult {
  sent: number;
  failed: number;
  digest: number;
  ms: number;
}

export function createSweep(deps: SweepDeps): () => Promise<SweepResult> {
  let chain: Promise<unknown> = Promise.resolve();
  const now = deps.now ?? (() => new Date());
  const unwritten: Unwritten = { entries: [] };
  return () => {
    const run = chain.then(() => sweepOnce(deps, now, unwritten));
    chain = run.catch(() => undefined);
    return run;
  };
}

/**
 * Results this process could not write after its sends (Sheets failing past its retries).
 * The next sweep writes them before it reads, or the open intents would be sent again once
 * they time out; only a process that dies with them leaves the documented window.
 */
interface Unwritten {
  entries: LogEntry[];
}

async function sweepOnce(deps: SweepDeps, now: () => Date, unwritten: Unwritten): Promise<SweepResult> {
  const started = Date.now();
  if (unwritten.entries.length) {
    await deps.store.appendLog(unwritten.entries);
    unwritten.entries = [];
  }
  const at = () => localStamp(now());
  const { state, plan, evaluation } = await deps.guard.run(async (fence) => {
    const state = await deps.store.readSweepState();
    const evaluation = await evaluationStep(deps.evaluation, state, deps.logger);
    const plan = planSweep(state, now(), { ...deps, evaluationUri: evaluation.uri });
    // The digest's items are intents too: a sweep that reads before this one's digest is
    // recorded sees them on their way instead of telling staff a second time.
    const intents = [
      ...plan.sends.map((s) => intent({ requestId: s.requestId, kind: s.kind, key: s.key, at: at(), attempt: s.attempt })),
      ...(deps.staff.length ? plan.digest.map((d) => intent({ requestId: '', ...outboxKey.reported(d.key), at: at(), attempt: 1 })) : []),
    ];
    if (intents.length) {
      const timeoutMs = await fence(); // LeaseLost: nothing written, the scheduler calls again
      await deps.store.appendLog(intents, [], Number.isFinite(timeoutMs) ? { timeoutMs } : {});
    }
    return { state, plan, evaluation };
  });
  const extraNotes: string[] = [];
  for (const extra of deps.extras ?? []) {
    try {
      extraNotes.push(...(await extra(state)));
    } catch (error) {
      deps.logger.log('WARNING', 'sweep: extra step failed', { error });
    }
  }

  const results: LogEntry[] = [];
  let sent = 0;
  let failed = 0;
  for (const s of plan.sends) {
    let outcome: SendOutcome;
    try {
      outcome = { messageId: (await deps.mailer.send(s.email)).messageId };
      sent++;
    } catch (error) {
      outcome = { error };
      failed++;
    }
    // A decision keeps its values with the message ID: the next correction is planned from them.
    const kept = (messageId: string) => (s.kind === LOG_KIND.decision ? JSON.stringify({ ...JSON.parse(s.sentDetail), messageId }) : `${s.sentDetail} · missatge ${messageId}`);
    results.push(sendResult({ requestId: s.requestId, kind: s.kind, key: s.key, at: at(), attempt: s.attempt, outcome, sent: kept, recipients: recipientTag(s.email) }));
  }
  // A failed send is not news yet: it is retried, and staff hear of it once, when it stops.
  const items = [...plan.digest.map((d) => d.text), ...extraNotes];
  const digest = digestEmail(items, deps.staff);
  if (digest) {
    try {
      await deps.mailer.send(digest);
      // A mark (an alert, a held-back acceptance) is a digest item too: it says staff were
      // told, so it is written once the digest went out, else the next sweep would stay silent.
      results.push(...plan.marks.map((m) => mark({ ...m, at: at() })));
      for (const d of plan.digest) results.push(mark({ requestId: '', at: at(), ...outboxKey.reported(d.key), detail: d.text }));
    } catch (error) {
      deps.logger.log('WARNING', 'sweep: digest not sent', { error });
      // Not told: the next sweep reports these items again.
      for (const d of plan.digest) results.push(sendResult({ requestId: '', ...outboxKey.reported(d.key), at: at(), attempt: 1, outcome: { error } }));
    }
  }
  // Evaluation answers ride on the results' write; they are idempotent by response ID, so a
  // write lost here is made by the next sweep.
  if (results.length || evaluation.rows.length) {
    try {
      await deps.store.appendLog(results, evaluation.rows);
    } catch (error) {
      unwritten.entries = results;
      throw error;
    }
  }
  const result = { sent, failed, digest: digest ? items.length : 0, ms: Date.now() - started };
  deps.logger.log('INFO', 'sweep: done', { ...result });
  return result;
}
