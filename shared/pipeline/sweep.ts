// One sweep: read the workspace (≤ 2 calls), decide (pure), record every intent in one
// write, send, record the results and digest markers in one more write. Sweeps never run
// concurrently in one process (and production runs one instance, one request at a time):
// Sheets has no compare-and-set, so two sweeps racing could both see "not sent yet".
import { localStamp } from '../domain/dates';
import { digestEmail } from '../emails/digest';
import type { Logger } from '../log';
import type { Mailer, SweepStore } from '../ports';
import { planSweep, type SweepOptions } from '../sweep/plan';
import type { SweepState } from '../sweep/state';
import type { LogEntry } from '../workspace/log-entry';

export interface SweepDeps extends SweepOptions {
  store: SweepStore;
  mailer: Mailer;
  logger: Logger;
  now?: () => Date;
  /**
   * Extra steps run inside the sweep's lock (the Forms watch and reconciliation), given the
   * workspace as this sweep read it, so they need no read of their own; what they add
   * (a reconciled row) is the next sweep's to plan.
   */
  extras?: Array<(state: SweepState) => Promise<string[]>>;
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
  return () => {
    const run = chain.then(() => sweepOnce(deps, now));
    chain = run.catch(() => undefined);
    return run;
  };
}

async function sweepOnce(deps: SweepDeps, now: () => Date): Promise<SweepResult> {
  const started = Date.now();
  const extraNotes: string[] = [];
  const state = await deps.store.readSweepState();
  for (const extra of deps.extras ?? []) {
    try {
      extraNotes.push(...(await extra(state)));
    } catch (error) {
      deps.logger.log('WARNING', 'sweep: extra step failed', { error });
    }
  }
  const plan = planSweep(state, now(), deps);
  const stamp = () => localStamp(now());
  const entry = (e: Omit<LogEntry, 'at'>): LogEntry => ({ ...e, at: stamp() });

  if (plan.sends.length) {
    await deps.store.appendLog(
      plan.sends.map((s) => entry({ requestId: s.requestId, kind: s.kind, state: 'pendent', key: s.key, detail: `intent ${s.attempt}` })),
    );
  }
  const results: LogEntry[] = plan.marks.map((m) => entry({ ...m, state: 'registrat' }));
  let sent = 0;
  let failed = 0;
  const failures: string[] = [];
  for (const s of plan.sends) {
    try {
      const { messageId } = await deps.mailer.send(s.email);
      sent++;
      results.push(entry({ requestId: s.requestId, kind: s.kind, state: 'enviat', key: s.key, detail: s.kind === 'decisio' ? JSON.stringify({ ...JSON.parse(s.sentDetail), messageId }) : `${s.sentDetail} · missatge ${messageId}` }));
    } catch (error) {
      failed++;
      failures.push(s.key);
      results.push(entry({ requestId: s.requestId, kind: s.kind, state: 'error', key: s.key, detail: `intent ${s.attempt}: ${(error as Error).message}` }));
    }
  }
  const items = [...plan.digest.map((d) => d.text), ...extraNotes, ...failures.map((k) => `Error en enviar ${k}`)];
  const digest = digestEmail(items, deps.staff);
  if (digest) {
    try {
      await deps.mailer.send(digest);
      for (const d of plan.digest) results.push(entry({ requestId: '', kind: 'resum', state: 'registrat', key: `resum:${d.key}`, detail: d.text }));
    } catch (error) {
      deps.logger.log('WARNING', 'sweep: digest not sent', { error });
    }
  }
  if (results.length) await deps.store.appendLog(results);
  const result = { sent, failed, digest: digest ? items.length : 0, ms: Date.now() - started };
  deps.logger.log('INFO', 'sweep: done', { ...result });
  return result;
}
