// Burst: 300 signed submissions, 50 at a time, while the Sheets emulator enforces Google's
// quota of 60 write requests per minute. One append per submission could not finish in
// under five minutes; the write queue flushes everything pending in one append, each flush
// under the cross-process lease (three Cloud Storage calls), as in production.
import { readRequests, startTestStack } from '../tests/support/stack';
import { validBody } from '../tests/support/submissions';
import { isMain, serve } from './child';

export interface BurstResult {
  submissions: number;
  wave: number;
  seconds: number;
  answers: Record<string, number>;
  rows: number;
  duplicateRows: number;
  sheetsWrites: number;
  sheetsCalls: number;
  /** Flushes (one workspace read each) and the lease's Cloud Storage calls for them. */
  flushes: number;
  leaseCalls: number;
}

export async function burst(total = 300, wave = 50, quota = 60): Promise<BurstResult> {
  const stack = await startTestStack();
  stack.sheets.setFaults({ writeQuotaPerMinute: quota });
  const members = ['Manresa', 'Celrà', 'Barcelona', 'La Garriga', 'Sant Cugat del Vallès'];
  const answers: Record<string, number> = {};
  stack.sheets.resetCounters();
  stack.storage.resetCounters();
  const started = performance.now();
  for (let w = 0; w < total; w += wave) {
    const statuses = await Promise.all(
      Array.from({ length: Math.min(wave, total - w) }, async (_, k) => {
        const i = w + k;
        const res = await stack.post(validBody({ submissionId: `burst-${i}`, contactEmail: `burst-${i}@example.cat`, municipality: members[i % members.length] }));
        await res.arrayBuffer();
        return res.status;
      }),
    );
    for (const s of statuses) answers[s] = (answers[s] ?? 0) + 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const { writes, total: sheetsCalls, byMethod } = stack.sheets.counters();
  const leaseCalls = stack.storage.counters().total;
  stack.sheets.setFaults({ writeQuotaPerMinute: 0 });
  const ids = (await readRequests(stack.api)).map((r) => String(r.ID)).filter((id) => id.startsWith('burst-'));
  await stack.close();
  return { submissions: total, wave, seconds, answers, rows: new Set(ids).size, duplicateRows: ids.length - new Set(ids).size, sheetsWrites: writes, sheetsCalls, flushes: byMethod['spreadsheets.get'] ?? 0, leaseCalls };
}

if (isMain(import.meta.url)) void serve(() => burst());
