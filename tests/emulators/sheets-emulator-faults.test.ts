// Fault injection, latency, the per-minute write quota and "applied, then 503".
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, newSpreadsheet, startSheets } from '../support/sheets-harness';
import type { Harness } from '../support/sheets-harness';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

/** A `random` that returns the given draws in order (then 0.99: no fault). */
function draws(...values: number[]): () => number {
  return () => values.shift() ?? 0.99;
}

async function harness(opts: Parameters<typeof startSheets>[0]): Promise<Harness> {
  const h = await startSheets(opts);
  open.push(h);
  return h;
}

describe('faultRate', () => {
  // Draw 1 < faultRate fails the call; draw 2 picks the answer (<1/3 → 429, <2/3 → 500, else 503).
  const cases: [number, number, string][] = [
    [0.0, 429, 'RESOURCE_EXHAUSTED'],
    [0.4, 500, 'INTERNAL'],
    [0.9, 503, 'UNAVAILABLE'],
  ];
  it.each(cases)('pick %s answers %s %s before doing anything, and counts the call', async (pick, status, text) => {
    const h = await harness({ random: draws(0.1, pick), faultRate: 0.5 });
    h.emulator.ensureSpreadsheet('s', 'S');
    const e = await apiError(
      h.api.spreadsheets.values.update({ spreadsheetId: 's', range: 'A1', valueInputOption: 'RAW', requestBody: { values: [['x']] } }),
    );
    expect(e.status).toBe(status);
    expect(e.error.status).toBe(text);
    expect(h.emulator.counters()).toMatchObject({ total: 1, writes: 1, byMethod: { 'values.update': 1 } });
    h.emulator.setFaults({ faultRate: 0 });
    const got = await h.api.spreadsheets.values.get({ spreadsheetId: 's', range: 'A1' });
    expect(got.data.values).toBeUndefined(); // nothing was applied
  });

  it('lets a call through when the draw is at or above the rate', async () => {
    const h = await harness({ random: draws(0.5), faultRate: 0.5 });
    h.emulator.ensureSpreadsheet('s', 'S');
    const ok = await h.api.spreadsheets.values.get({ spreadsheetId: 's', range: 'A1' });
    expect(ok.status).toBe(200);
  });
});

describe('latencyMs', () => {
  it('delays every answer', async () => {
    const h = await harness({ latencyMs: 150 });
    const t0 = Date.now();
    await newSpreadsheet(h.api);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    h.emulator.setFaults({ latencyMs: 0 });
    const t1 = Date.now();
    await newSpreadsheet(h.api);
    expect(Date.now() - t1).toBeLessThan(140);
  });
});

describe('writeQuotaPerMinute', () => {
  it('answers 429 RESOURCE_EXHAUSTED past N writes a minute per spreadsheet, reads unaffected', async () => {
    let now = 1_000_000;
    const h = await harness({ writeQuotaPerMinute: 2, now: () => now });
    h.emulator.ensureSpreadsheet('a', 'A');
    h.emulator.ensureSpreadsheet('b', 'B');
    const write = (id: string) =>
      h.api.spreadsheets.values.append({ spreadsheetId: id, range: 'A1', valueInputOption: 'RAW', requestBody: { values: [['x']] } });
    await write('a');
    now += 10_000;
    await write('a');
    const e = await apiError(write('a'));
    expect(e.status).toBe(429);
    expect(e.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(e.error.message).toMatch(/^Quota exceeded for quota metric 'Write requests'/);
    await write('b'); // another spreadsheet has its own window
    await h.api.spreadsheets.values.get({ spreadsheetId: 'a', range: 'A:A' }); // reads are not limited
    now += 50_001; // the first write leaves the 60 s window
    await write('a');
    await expect(write('a')).rejects.toThrow();
    const got = await h.api.spreadsheets.values.get({ spreadsheetId: 'a', range: 'A:A' });
    expect(got.data.values).toEqual([['x'], ['x'], ['x']]);
  });
});

describe('failAfterApplyRate', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('applies and persists the write, then answers 503', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sheets-faults-'));
    const stateFile = join(dir, 'sheets.json');
    const h = await harness({ stateFile, random: draws(0.2), failAfterApplyRate: 0.5 });
    h.emulator.ensureSpreadsheet('s', 'S');
    const e = await apiError(
      h.api.spreadsheets.values.append({ spreadsheetId: 's', range: 'A1', valueInputOption: 'RAW', requestBody: { values: [['applied']] } }),
    );
    expect(e).toEqual({ status: 503, error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } });
    expect(readFileSync(stateFile, 'utf8')).toContain('applied');
    // The next draw (0.99) lets the read through; reads never fail after apply.
    const got = await h.api.spreadsheets.values.get({ spreadsheetId: 's', range: 'A1' });
    expect(got.data.values).toEqual([['applied']]);
  });
});
