// Criteria weights are found by key, not by row: the Commission may sort the Criteris tab,
// and a criterion added in a later version is appended by setup under the rows already there.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setupWorkspace } from '../../shared/adapters/sheets-setup';
import { CRITERIA } from '../../shared/workspace/criteria';
import { workspaceSpec } from '../../shared/workspace/workspace-spec';
import { demoSeed } from '../../emulators/demo';
import { Commission } from '../support/commission';
import { startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

let stack: TestStack;
let commission: Commission;
const SHEET = 'local-workspace';

async function criteria(): Promise<unknown[][]> {
  return (await stack.api.spreadsheets.values.get({ spreadsheetId: SHEET, range: 'Criteris!A2:D', valueRenderOption: 'UNFORMATTED_VALUE' })).data.values ?? [];
}
async function writeCriteria(rows: unknown[][]) {
  await stack.api.spreadsheets.values.clear({ spreadsheetId: SHEET, range: 'Criteris!A2:D' });
  await stack.api.spreadsheets.values.update({ spreadsheetId: SHEET, range: 'Criteris!A2', valueInputOption: 'RAW', requestBody: { values: rows } });
}
async function scores(): Promise<unknown[]> {
  await commission.refresh();
  const got = await stack.api.spreadsheets.values.batchGet({
    spreadsheetId: SHEET,
    ranges: [commission.cell('k-1', 'Puntuació criteris'), commission.cell('k-1', 'Punts de prioritat')],
    valueRenderOption: 'UNFORMATTED_VALUE',
  });
  return (got.data.valueRanges ?? []).map((r) => r.values?.[0]?.[0]);
}

beforeAll(async () => {
  stack = await startTestStack();
  commission = new Commission(stack.api);
  const res = await stack.post(validBody({ submissionId: 'k-1', submittedAt: new Date().toISOString(), municipality: 'Manresa', trackRecord: 'starting' }));
  expect(res.status).toBe(201);
  await commission.type('k-1', { 'Punt. Necessitat i impacte': 5, 'Punt. Transferibilitat': 1, 'Punt. Alineació': 3, 'Implicació (0–3)': 2 });
});
afterAll(() => stack.close());

describe('criteria weights by key', () => {
  test('sorting the Criteris tab changes no score; changing a weight does', async () => {
    const before = await scores();
    const rows = await criteria();
    await writeCriteria([...rows].reverse());
    expect(await scores()).toEqual(before);

    const reversed = await criteria();
    const need = reversed.findIndex((r) => r[0] === 'necessitat');
    reversed[need]![2] = 3; // need weighs three times the others now
    await writeCriteria(reversed);
    const [criteriaScore] = await scores();
    expect(criteriaScore).toBeCloseTo((5 * 3 + 1 + 3) / 5, 2);
  });

  test('a criterion missing from the tab is appended by setup with its key, and rows people kept stay', async () => {
    const rows = await criteria();
    const kept = rows.filter((r) => r[0] !== 'trajectoria');
    await writeCriteria(kept);
    const [, without] = await scores();
    await setupWorkspace({ spreadsheetId: SHEET, rootUrl: `${stack.url}/`, spec: workspaceSpec(demoSeed()) });
    const after = await criteria();
    expect(after.slice(0, kept.length)).toEqual(kept);
    expect(after.slice(kept.length).map((r) => r[0])).toEqual(['trajectoria']);
    expect(after).toHaveLength(CRITERIA.length);
    const [, withIt] = await scores();
    expect(Number(withIt) - Number(without)).toBeCloseTo(0.5, 2); // the track-record weight counts again
  });
});
