// The yearly view prepares figures and breakdown lists on its first YEARLY_SHOWN_ROWS rows
// only; the mirrors of the request rows go on to YEARLY_ROWS. A workspace set up by an older
// version carries figure formulas further down: setup empties those cells (formulas it wrote,
// never a person's value), keeps the mirrors, and plans nothing the second time.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setupWorkspace } from '../../shared/adapters/sheets-setup';
import { columnLetter } from '../../shared/workspace/tabs';
import { workspaceSpec } from '../../shared/workspace/workspace-spec';
import { YEARLY_HEADERS, YEARLY_ROWS, YEARLY_SHOWN_ROWS, YEARLY_TAB } from '../../shared/workspace/yearly-view';
import { demoSeed } from '../../emulators/demo';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
const SHEET = 'local-workspace';
const tab = `'${YEARLY_TAB}'`;
const letter = (h: string) => columnLetter(YEARLY_HEADERS.indexOf(h));
const setup = (dryRun = false) => setupWorkspace({ spreadsheetId: SHEET, rootUrl: `${stack.url}/`, spec: workspaceSpec(demoSeed()), dryRun });
const formulasOf = async (h: string) =>
  ((await stack.api.spreadsheets.values.get({ spreadsheetId: SHEET, range: `${tab}!${letter(h)}2:${letter(h)}${YEARLY_ROWS + 1}`, valueRenderOption: 'FORMULA' })).data.values ?? []).map((r) => String(r[0] ?? ''));

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

describe('the yearly view’s prepared rows', () => {
  test('figures and lists stop at the shown rows; the mirrors reach every request row read', async () => {
    const figure = await formulasOf('Sol·licituds');
    expect(figure.filter((f) => f.startsWith('='))).toHaveLength(YEARLY_SHOWN_ROWS);
    expect(figure.slice(YEARLY_SHOWN_ROWS).every((f) => f === '')).toBe(true);
    expect((await formulasOf('Sol·licituds per comarca')).filter((f) => f.startsWith('='))).toHaveLength(YEARLY_SHOWN_ROWS);
    expect((await formulasOf('Origen: any')).filter((f) => f.startsWith('='))).toHaveLength(YEARLY_ROWS);
  });

  test('an older layout’s figures below the shown rows are emptied by setup, once', async () => {
    // What an older setup left: a figure formula on a prepared row past the shown ones.
    const row = YEARLY_SHOWN_ROWS + 10;
    const old = `=IF($A${row}="";"";COUNTIFS('Sol·licituds'!$A:$A;"<>"))`;
    await stack.api.spreadsheets.values.update({
      spreadsheetId: SHEET,
      range: `${tab}!${letter('Sol·licituds')}${row}:${letter('Acceptades')}${row}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [[old, old]] },
    });
    const planned = await setup(true);
    expect(planned.steps.map((s) => (s.kind === 'formulas' ? [s.header, s.cells] : s.kind))).toEqual([
      ['Sol·licituds', [{ row, formula: '' }]],
      ['Acceptades', [{ row, formula: '' }]],
    ]);
    await setup();
    expect((await formulasOf('Sol·licituds'))[row - 2] ?? '').toBe('');
    expect((await formulasOf('Acceptades'))[row - 2] ?? '').toBe('');
    expect((await setup(true)).steps).toEqual([]);
  });
});
