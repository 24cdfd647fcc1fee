// Sweep time over a workspace of N requests with reviews and sessions (loaded by
// workspace-load.ts). The timed sweep sends the same 10 decisions whatever N, so its
// growth is the cost of reading and planning over more rows. The emulator's own
// recalculation after a write (the bulk load, a sweep's log writes) is waited out before
// each timed sweep, and the first one reported apart: it is the local stand-in's cost.
import { SheetsWorkspace } from '../shared/adapters/sheets';
import { planSweep } from '../shared/sweep/plan';
import { startTestStack } from '../tests/support/stack';
import { isMain, serve } from './child';
import { loadWorkspace } from './workspace-load';

export interface SweepScaleResult {
  requests: number;
  loadS: number;
  settleS: number;
  sweepMs: number;
  sent: number;
  sheetsCalls: number;
  quietSweepMs: number;
  readMs: number;
  planMs: number;
}

export async function sweepScale(n: number, pending = 10): Promise<SweepScaleResult> {
  const stack = await startTestStack();
  const rootUrl = `${stack.url}/`;
  let t = performance.now();
  await loadWorkspace(stack.api, rootUrl, n, pending);
  const loadS = (performance.now() - t) / 1000;
  const store = new SheetsWorkspace({ spreadsheetId: 'local-workspace', rootUrl });
  t = performance.now();
  await store.readSweepState();
  const settleS = (performance.now() - t) / 1000;

  const sweep = async () => {
    const started = performance.now();
    const res = await fetch(`${stack.url}/sweep`, { method: 'POST' });
    const body = (await res.json()) as { sent?: number };
    if (res.status !== 200) throw new Error(`sweep answered ${res.status}`);
    return { ms: performance.now() - started, sent: body.sent ?? 0 };
  };
  stack.sheets.resetCounters();
  const timed = await sweep();
  const sheetsCalls = stack.sheets.counters().total;
  await store.readSweepState(); // the emulator recalculates after the sweep's writes
  const quiet = await sweep();

  t = performance.now();
  const state = await store.readSweepState();
  const readMs = performance.now() - t;
  t = performance.now();
  planSweep(state, new Date(), { staff: ['secretaria@xmess.local'] });
  const planMs = performance.now() - t;
  await stack.close();
  return { requests: n, loadS, settleS, sweepMs: timed.ms, sent: timed.sent, sheetsCalls, quietSweepMs: quiet.ms, readMs, planMs };
}

if (isMain(import.meta.url)) void serve(() => sweepScale(Number(process.argv[2] ?? 1000)));
