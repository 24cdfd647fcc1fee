// The Sheets adapter against the emulator, over HTTP: rows follow their headers when the
// Commission inserts or moves columns, nothing below the table is overwritten, and the
// number of API calls per submission stays within budget.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readRequests, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

async function sheetId(title: string): Promise<number> {
  const meta = await stack.api.spreadsheets.get({ spreadsheetId: 'local-workspace', fields: 'sheets(properties(sheetId,title))' });
  return meta.data.sheets!.find((s) => s.properties?.title === title)!.properties!.sheetId!;
}

describe('Sheets adapter', () => {
  test('a submission costs one read and two writes; a burst shares them', async () => {
    stack.sheets.resetCounters();
    expect((await stack.post(validBody({ submissionId: 'calls-1' }))).status).toBe(201);
    expect(stack.sheets.counters()).toMatchObject({ reads: 1, writes: 2 });
    stack.sheets.resetCounters();
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => stack.post(validBody({ submissionId: `calls-b${i}` }))));
    expect(burst.every((r) => r.status === 201)).toBe(true);
    // The first request starts a flush at once; all that arrive meanwhile share the next one
    // or two. One append per submission would be 36 calls.
    expect(stack.sheets.counters().total).toBeLessThanOrEqual(9);
  });

  test('rows are placed by header after the Commission inserts a column and types below the table', async () => {
    const id = await sheetId('Sol·licituds');
    await stack.api.spreadsheets.batchUpdate({
      spreadsheetId: 'local-workspace',
      requestBody: { requests: [{ insertDimension: { range: { sheetId: id, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 } } }] },
    });
    await stack.api.spreadsheets.values.update({
      spreadsheetId: 'local-workspace',
      range: "'Sol·licituds'!A1",
      valueInputOption: 'RAW',
      requestBody: { values: [['Nota de la Comissió']] },
    });
    const before = await readRequests(stack.api);
    const below = before.length + 5; // a note typed a few rows below the last request
    await stack.api.spreadsheets.values.update({
      spreadsheetId: 'local-workspace',
      range: `'Sol·licituds'!C${below}`,
      valueInputOption: 'RAW',
      requestBody: { values: [['no ho esborreu']] },
    });
    expect((await stack.post(validBody({ submissionId: 'moved-1', contactName: 'Pau Vidal' }))).status).toBe(201);
    const rows = await readRequests(stack.api);
    const row = rows.find((r) => r.ID === 'moved-1');
    expect(row).toMatchObject({ 'Persona de contacte': 'Pau Vidal', 'Nota de la Comissió': '' });
    const note = await stack.api.spreadsheets.values.get({ spreadsheetId: 'local-workspace', range: "'Sol·licituds'!A:C" });
    expect(JSON.stringify(note.data.values)).toContain('no ho esborreu');
  });
});
