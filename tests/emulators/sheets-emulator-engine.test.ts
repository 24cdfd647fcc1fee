// The emulator's live formula engine (kept in step with each edit instead of rebuilt) must
// give exactly what an engine built from scratch gives. Each step edits a spreadsheet through
// the API, then compares every cell (effective and formatted values) with a second emulator
// that loads the same state file and so builds its engines afresh — and checks that the step
// itself did not fall back to a rebuild.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineBuilds } from '../../emulators/sheets/engine';
import { apiError, newSpreadsheet, startSheets } from '../support/sheets-harness';
import type { Harness } from '../support/sheets-harness';

let dir: string;
let stateFile: string;
let h: Harness;
let id: string;
const sheetIds = new Map<string, number>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sheets-engine-'));
  stateFile = join(dir, 'sheets.json');
  h = await startSheets({ stateFile });
  id = await newSpreadsheet(h.api, 'Live', ['Dades', 'Calc', 'Small', 'One']);
  const got = await h.api.spreadsheets.get({ spreadsheetId: id });
  for (const s of got.data.sheets ?? []) sheetIds.set(s.properties?.title ?? '', s.properties?.sheetId ?? 0);
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const grid = async (api: Harness['api']) => (await api.spreadsheets.get({ spreadsheetId: id, includeGridData: true })).data.sheets;

/** Every cell read through the live engine equals a fresh build from the state file. */
async function sameAsFresh(): Promise<void> {
  const live = await grid(h.api);
  const fresh = await startSheets({ stateFile });
  try {
    expect(live).toEqual(await grid(fresh.api));
  } finally {
    await fresh.close();
  }
}

/** Runs a step, reads everything back, and returns how many engines it built. */
async function step(run: () => Promise<unknown>): Promise<number> {
  const before = engineBuilds();
  await run();
  await grid(h.api);
  const built = engineBuilds() - before;
  await sameAsFresh();
  return built;
}

const put = (range: string, values: unknown[][]) =>
  h.api.spreadsheets.values.update({ spreadsheetId: id, range, valueInputOption: 'USER_ENTERED', requestBody: { values } });
const batch = (...requests: object[]) => h.api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } });
const sid = (title: string) => sheetIds.get(title) as number;
const append = (range: string, values: unknown[][], insertDataOption = 'OVERWRITE') =>
  h.api.spreadsheets.values.append({ spreadsheetId: id, range, valueInputOption: 'USER_ENTERED', insertDataOption, requestBody: { values } });

describe('the live engine matches a fresh build', () => {
  it('after formulas over open-ended, whole-column, explicit and cross-sheet ranges', async () => {
    await batch(
      { updateSheetProperties: { properties: { sheetId: sid('Small'), gridProperties: { rowCount: 3, columnCount: 3 } }, fields: 'gridProperties' } },
      { updateSheetProperties: { properties: { sheetId: sid('One'), gridProperties: { rowCount: 1, columnCount: 2 } }, fields: 'gridProperties' } },
    );
    await put('Dades!A1', [
      ['Nom', 'Hores', '={"Doble"; ARRAYFORMULA(IF(A2:A="","",B2:B*2))}', '=ARRAYFORMULA(IF(ROW(A:A)=1,"Fila",IF(A:A="","",ROW(A:A))))', '=COUNTBLANK(A2:A)', '=SUM(2:2)', '=B6*10', '=SUM(A1:B1000)', '=ROWS(A2:A)'],
      ['a', 1], ['b', 2], ['c', 3], ['', 4], ['e', 5],
    ]);
    await put('Small!A1', [[1, 2, 3], [4, 5, 6], [7, 8, '=SUM(A1:B3)']]);
    await put('One!A1', [[1, '=COUNTA(A:A)+SUM(1:1)']]);
    const built = await step(() =>
      put('Calc!A1', [[
        '=SUM(Dades!B2:B)', '=COUNTIF(Dades!A:A,"?")', '=INDEX(Dades!B:B,MATCH("c",Dades!A:A,0))', '=Nova!A1', '=SUM(Small!A:A)',
        '=COUNTBLANK(Small!A:A)', '=Small!C3', '=SUM(Small!A1:C3)', '={"x";Dades!A2}', '=AVERAGEIFS(Dades!B:B,Dades!A:A,"<>")', '=ROWS(Small!1:1)',
        // Sensitive to where a range starts and ends, and Calc's own mostly empty columns.
        '=MATCH("c",Dades!A:A,0)', '=COUNTBLANK(Dades!A:A)', '=MATCH("Hores",Dades!1:1,0)', '=ROWS(A2:A)', '=COUNTBLANK(Z:Z)', '=COLUMNS(3:3)',
      ]]),
    );
    expect(built).toBe(1); // the first read builds it; no step below rebuilds
  });

  it.each([
    ['values.append inside the grid', () => append('Dades!A:B', [['f', 6], ['g', 7]])],
    ['values.append with INSERT_ROWS', () => append('Dades!A:B', [['h', 8]], 'INSERT_ROWS')],
    ['rows inserted at the top', () => batch({ insertDimension: { range: { sheetId: sid('Dades'), dimension: 'ROWS', startIndex: 0, endIndex: 2 } } })],
    ['rows inserted in the middle', () => batch({ insertDimension: { range: { sheetId: sid('Dades'), dimension: 'ROWS', startIndex: 4, endIndex: 5 }, inheritFromBefore: true } })],
    ['columns inserted at the left and in the middle', () => batch(
      { insertDimension: { range: { sheetId: sid('Dades'), dimension: 'COLUMNS', startIndex: 0, endIndex: 1 } } },
      { insertDimension: { range: { sheetId: sid('Small'), dimension: 'COLUMNS', startIndex: 1, endIndex: 2 } } },
    )],
    ['rows and columns appended at the end', () => batch(
      { appendDimension: { sheetId: sid('Dades'), dimension: 'ROWS', length: 5 } },
      { appendDimension: { sheetId: sid('Small'), dimension: 'COLUMNS', length: 2 } },
    )],
    ['values.append past the last row grows the grid', () => append('Small!A1', [[10, 11, 12], [13, 14, 15]])],
    ['a sparse sheet grown and given rows below its last value', () => batch(
      { appendDimension: { sheetId: sid('Calc'), dimension: 'ROWS', length: 3 } },
      { appendDimension: { sheetId: sid('Calc'), dimension: 'COLUMNS', length: 2 } },
      { insertDimension: { range: { sheetId: sid('Calc'), dimension: 'ROWS', startIndex: 500, endIndex: 502 } } },
      { insertDimension: { range: { sheetId: sid('Calc'), dimension: 'COLUMNS', startIndex: 20, endIndex: 21 } } },
    )],
    ['rows inserted after the last one', () => batch({ insertDimension: { range: { sheetId: sid('Small'), dimension: 'ROWS', startIndex: 5, endIndex: 7 } } })],
    ['both dimensions grown at once', () => batch({ updateSheetProperties: { properties: { sheetId: sid('Small'), gridProperties: { rowCount: 12, columnCount: 8 } }, fields: 'gridProperties' } })],
    ['a one-row grid grown', () => append('One!A1', [[2], [3]])],
    ['the referenced sheet added, then written', async () => {
      await batch({ addSheet: { properties: { title: 'Nova', sheetId: 77 } } });
      await put('Nova!A1', [[42]]);
    }],
    ['sheets renamed', () => batch(
      { updateSheetProperties: { properties: { sheetId: sid('Dades'), title: 'Dades 2' }, fields: 'title' } },
      { updateSheetProperties: { properties: { sheetId: sid('Small'), title: 'Petita' }, fields: 'title' } },
    )],
    ['cells rewritten by updateCells, repeatCell and findReplace', () => batch(
      { updateCells: { start: { sheetId: sid('Calc'), rowIndex: 2, columnIndex: 0 }, rows: [{ values: [{ userEnteredValue: { formulaValue: "=SUM('Dades 2'!C:C)" } }] }], fields: 'userEnteredValue' } },
      { repeatCell: { range: { sheetId: sid('Calc'), startRowIndex: 3, endRowIndex: 5, startColumnIndex: 0, endColumnIndex: 2 }, cell: { userEnteredValue: { formulaValue: '=ROW()*2' } }, fields: 'userEnteredValue' } },
      { findReplace: { find: 'Petita', replacement: 'Dades 2', allSheets: true, includeFormulas: true } },
    )],
    ['a sheet deleted', () => batch({ deleteSheet: { sheetId: 77 } })],
  ])('after %s', async (_name, run) => {
    expect(await step(run)).toBe(0);
  });

  it('after a batch that fails half-way: nothing applied, the engine rebuilt once', async () => {
    const before = await grid(h.api);
    const built = await step(async () => {
      const err = await apiError(batch(
        { updateCells: { start: { sheetId: sid('Dades'), rowIndex: 2, columnIndex: 1 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'zzz' } }] }], fields: 'userEnteredValue' } },
        { appendDimension: { sheetId: sid('Dades'), dimension: 'ROWS', length: 0 } },
      ));
      expect(err.status).toBe(400);
    });
    expect(await grid(h.api)).toEqual(before);
    expect(built).toBe(1);
  });

  it('after a batch that built the engine half-way and then failed: the stored values stand', async () => {
    // A second emulator on the state file starts without engines; the appendCells below
    // needs one (to find the last row with data) and builds it from the batch's copy.
    const other = await startSheets({ stateFile });
    try {
      const read = async () => (await other.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Calc!A1:B1' })).data.values;
      const err = await apiError(other.api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [
          { updateCells: { start: { sheetId: sid('Dades'), rowIndex: 50, columnIndex: 2 }, rows: [{ values: [{ userEnteredValue: { numberValue: 1000 } }] }], fields: 'userEnteredValue' } },
          { appendCells: { sheetId: sid('Dades'), rows: [], fields: 'userEnteredValue' } }, // reads, writes nothing
          { appendDimension: { sheetId: sid('Dades'), dimension: 'ROWS', length: 0 } },
        ] },
      }));
      expect(err.status).toBe(400);
      expect(await read()).toEqual((await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Calc!A1:B1' })).data.values);
    } finally {
      await other.close();
    }
  });

  it('after a batch that fails before changing anything: no rebuild', async () => {
    const built = await step(() => apiError(batch({ appendDimension: { sheetId: sid('Dades'), dimension: 'ROWS', length: 0 } })));
    expect(built).toBe(0);
  });

  it('after a grid shrinks (rebuilt: not mirrored)', async () => {
    await step(() => batch({ updateSheetProperties: { properties: { sheetId: sid('Dades'), gridProperties: { rowCount: 6, columnCount: 12 } }, fields: 'gridProperties' } }));
  });
});
