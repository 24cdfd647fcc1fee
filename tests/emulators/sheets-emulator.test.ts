// The Sheets emulator driven by the real @googleapis/sheets client over HTTP: spreadsheets,
// values endpoints, RAW vs USER_ENTERED, append, errors, persistence and counters.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiError, newSpreadsheet, startSheets } from '../support/sheets-harness';
import type { Harness } from '../support/sheets-harness';

let h: Harness;
beforeAll(async () => {
  h = await startSheets();
});
afterAll(async () => {
  await h.close();
});

describe('spreadsheets.create / get', () => {
  it('creates a spreadsheet with a default sheet and returns it on get', async () => {
    const created = await h.api.spreadsheets.create({ requestBody: { properties: { title: 'Mentories' } } });
    const id = created.data.spreadsheetId as string;
    expect(id).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(created.data.properties?.title).toBe('Mentories');
    const got = await h.api.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.sheets).toHaveLength(1);
    expect(got.data.sheets?.[0]?.properties).toEqual({
      sheetId: 0,
      title: 'Sheet1',
      index: 0,
      sheetType: 'GRID',
      gridProperties: { rowCount: 1000, columnCount: 26 },
    });
  });

  it('ensureSpreadsheet creates "Full 1" once', async () => {
    h.emulator.ensureSpreadsheet('fixed-id', 'Registre');
    h.emulator.ensureSpreadsheet('fixed-id', 'Other');
    const got = await h.api.spreadsheets.get({ spreadsheetId: 'fixed-id' });
    expect(got.data.properties?.title).toBe('Registre');
    expect(got.data.sheets?.map((s) => s.properties?.title)).toEqual(['Full 1']);
  });

  it('addSheet then headers via values.update', async () => {
    const id = await newSpreadsheet(h.api);
    const res = await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ addSheet: { properties: { title: 'Sol·licituds', gridProperties: { rowCount: 50, columnCount: 5 } } } }] },
    });
    const props = res.data.replies?.[0]?.addSheet?.properties;
    expect(props?.title).toBe('Sol·licituds');
    expect(props?.index).toBe(1);
    expect(typeof props?.sheetId).toBe('number');
    const upd = await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Sol·licituds'!A1",
      valueInputOption: 'RAW',
      requestBody: { values: [['Data', 'Nom', 'Correu']] },
    });
    expect(upd.data).toEqual({
      spreadsheetId: id,
      updatedRange: "'Sol·licituds'!A1:C1",
      updatedRows: 1,
      updatedColumns: 3,
      updatedCells: 3,
    });
    const got = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: "'Sol·licituds'" });
    expect(got.data).toEqual({ range: "'Sol·licituds'!A1:E50", majorDimension: 'ROWS', values: [['Data', 'Nom', 'Correu']] });
  });

  it('includeGridData shows entered, effective and formatted values, notes and validation', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateCells: {
              start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
              rows: [{ values: [{ userEnteredValue: { numberValue: 2 }, note: 'n' }, { userEnteredValue: { formulaValue: '=A1*3' } }] }],
              fields: 'userEnteredValue,note',
            },
          },
          {
            setDataValidation: {
              range: { sheetId: 0, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 1 },
              rule: { condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Sí' }, { userEnteredValue: 'No' }] }, strict: true },
            },
          },
        ],
      },
    });
    const got = await h.api.spreadsheets.get({ spreadsheetId: id, ranges: ['Sheet1!A1:B2'], includeGridData: true });
    const rows = got.data.sheets?.[0]?.data?.[0]?.rowData;
    expect(rows?.[0]?.values?.[0]).toEqual({
      userEnteredValue: { numberValue: 2 },
      effectiveValue: { numberValue: 2 },
      formattedValue: '2',
      note: 'n',
    });
    expect(rows?.[0]?.values?.[1]).toEqual({
      userEnteredValue: { formulaValue: '=A1*3' },
      effectiveValue: { numberValue: 6 },
      formattedValue: '6',
    });
    expect(rows?.[1]?.values?.[0]?.dataValidation?.condition?.type).toBe('ONE_OF_LIST');
  });
});

describe('RAW vs USER_ENTERED', () => {
  const dangerous = ['=IMPORTXML("http://x","//a")', '+1', '-1', '@x', '\t=1', '＝1', '\r=1+1', "'quoted"];

  it('RAW stores every string as text and reads it back unchanged in every render', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: dangerous.map((d) => [d]) },
    });
    for (const valueRenderOption of ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA']) {
      const got = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A:A', valueRenderOption });
      expect(got.data.values).toEqual(dangerous.map((d) => [d]));
    }
    const grid = await h.api.spreadsheets.get({ spreadsheetId: id, ranges: ['Sheet1!A1:A8'], includeGridData: true });
    const cells = grid.data.sheets?.[0]?.data?.[0]?.rowData?.map((r) => r.values?.[0]);
    expect(cells?.map((c) => c?.userEnteredValue)).toEqual(dangerous.map((d) => ({ stringValue: d })));
    expect(cells?.map((c) => c?.effectiveValue)).toEqual(dangerous.map((d) => ({ stringValue: d })));
  });

  it('RAW text that looks like a formula is never evaluated, even when referenced', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1:B1',
      valueInputOption: 'RAW',
      requestBody: { values: [['=1+1', '=IMPORTXML("http://x","//a")']] },
    });
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!C1:D1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['=A1&"!"', '=ISTEXT(B1)']] },
    });
    const got = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:D1', valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(got.data.values).toEqual([['=1+1', '=IMPORTXML("http://x","//a")', '=1+1!', true]]);
  });

  it('USER_ENTERED parses formulas, numbers, booleans, apostrophes, percentages and dates', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['=2+3', '42', '-1.5', 'TRUE', "'0012", '50%', '2024-03-05', 'hola', 7]] },
    });
    const f = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!1:1' });
    expect(f.data.values).toEqual([['5', '42', '-1.5', 'TRUE', '0012', '50%', '2024-03-05', 'hola', '7']]);
    const u = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!1:1', valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(u.data.values).toEqual([[5, 42, -1.5, true, '0012', 0.5, 45356, 'hola', 7]]);
    const fm = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:B1', valueRenderOption: 'FORMULA' });
    expect(fm.data.values).toEqual([['=2+3', 42]]);
    const d = await h.api.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'Sheet1!G1',
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
    expect(d.data.values).toEqual([['2024-03-05']]);
  });

  it('updateCells stringValue is text, formulaValue is a formula', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateCells: {
              start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
              rows: [{ values: [{ userEnteredValue: { stringValue: '=1+1' } }, { userEnteredValue: { formulaValue: '=1+1' } }] }],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
    });
    const got = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:B1' });
    expect(got.data.values).toEqual([['=1+1', '2']]);
  });
});

describe('values reads', () => {
  it('batchGet with quoted sheet names containing · and apostrophes', async () => {
    const id = await newSpreadsheet(h.api, 'T', ['Sol·licituds', "Bosses d'hores", 'Full 1']);
    await h.api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: "'Sol·licituds'!A1:B2", values: [['a', 'b'], ['c', 'd']] },
          { range: "'Bosses d''hores'!A1", values: [['h']] },
        ],
      },
    });
    const res = await h.api.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ["'Sol·licituds'!A1:Z", "'Bosses d''hores'!A:A", "'Full 1'"],
    });
    expect(res.data.spreadsheetId).toBe(id);
    expect(res.data.valueRanges).toEqual([
      { range: "'Sol·licituds'!A1:Z1000", majorDimension: 'ROWS', values: [['a', 'b'], ['c', 'd']] },
      { range: "'Bosses d''hores'!A1:A1000", majorDimension: 'ROWS', values: [['h']] },
      { range: "'Full 1'!A1:Z1000", majorDimension: 'ROWS' },
    ]);
  });

  it('trims trailing empty rows and cells but keeps inner blanks', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1:C4',
      valueInputOption: 'RAW',
      requestBody: { values: [['a', '', ''], [], ['', '', 'c'], ['', '', '']] },
    });
    const got = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:E10' });
    expect(got.data).toEqual({ range: 'Sheet1!A1:E10', majorDimension: 'ROWS', values: [['a'], [], ['', '', 'c']] });
    const cols = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:E10', majorDimension: 'COLUMNS' });
    expect(cols.data.values).toEqual([['a'], [], ['', '', 'c']]);
  });

  it('majorDimension COLUMNS on write and read', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { majorDimension: 'COLUMNS', values: [['a1', 'a2'], ['b1', 'b2', 'b3']] },
    });
    const rows = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:B3' });
    expect(rows.data.values).toEqual([['a1', 'b1'], ['a2', 'b2'], ['', 'b3']]);
    const cols = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:B3', majorDimension: 'COLUMNS' });
    expect(cols.data).toEqual({ range: 'Sheet1!A1:B3', majorDimension: 'COLUMNS', values: [['a1', 'a2'], ['b1', 'b2', 'b3']] });
  });

  it('formats numbers, booleans and errors', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['=1/3', '=1/0', '=NA()', '=1=1', 1234567.5, '=DATE(2024,1,31)']] },
    });
    const got = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:F1' });
    expect(got.data.values).toEqual([['0.3333333333', '#DIV/0!', '#N/A', 'TRUE', '1234567.5', '1/31/2024']]);
    const u = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:F1', valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(u.data.values?.[0]?.slice(1, 4)).toEqual(['#DIV/0!', '#N/A', true]);
  });
});

describe('values.append', () => {
  it('on an empty sheet: no tableRange, written at the range start', async () => {
    const id = await newSpreadsheet(h.api);
    const res = await h.api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Sheet1!A:C',
      valueInputOption: 'RAW',
      requestBody: { values: [['h1', 'h2', 'h3']] },
    });
    expect(res.data).toEqual({
      spreadsheetId: id,
      updates: { spreadsheetId: id, updatedRange: 'Sheet1!A1:C1', updatedRows: 1, updatedColumns: 3, updatedCells: 3 },
    });
  });

  it('after a table: tableRange covers it and values land on the next row', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['a', 'b', 'c'], ['1', '2', '3']] },
    });
    const res = await h.api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Sheet1',
      valueInputOption: 'USER_ENTERED',
      includeValuesInResponse: true,
      requestBody: { values: [['4', '5'], ['6']] },
    });
    expect(res.data).toEqual({
      spreadsheetId: id,
      tableRange: 'Sheet1!A1:C2',
      updates: {
        spreadsheetId: id,
        updatedRange: 'Sheet1!A3:B4',
        updatedRows: 2,
        updatedColumns: 2,
        updatedCells: 3,
        updatedData: { range: 'Sheet1!A3:B4', majorDimension: 'ROWS', values: [['4', '5'], ['6']] },
      },
    });
  });

  it('INSERT_ROWS pushes data below the table down; OVERWRITE writes over it', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['h'], ['1'], [''], ['below']] },
    });
    await h.api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: { values: [['2']] },
    });
    let got = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A:A' });
    expect(got.data.values).toEqual([['h'], ['1'], ['2'], [], ['below']]);
    expect(got.data.range).toBe('Sheet1!A1:A1001');
    await h.api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      insertDataOption: 'OVERWRITE',
      requestBody: { values: [['3'], ['4']] },
    });
    got = await h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A:A' });
    expect(got.data.values).toEqual([['h'], ['1'], ['2'], ['3'], ['4']]);
  });

  it('grows the grid when appending past the last row', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ updateSheetProperties: { properties: { sheetId: 0, gridProperties: { rowCount: 2, columnCount: 2 } }, fields: 'gridProperties(rowCount,columnCount)' } }] },
    });
    await h.api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['a'], ['b'], ['c', 'd', 'e']] },
    });
    const got = await h.api.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.sheets?.[0]?.properties?.gridProperties).toEqual({ rowCount: 3, columnCount: 3 });
  });
});

describe('errors', () => {
  it('unknown spreadsheet → 404 NOT_FOUND', async () => {
    const e = await apiError(h.api.spreadsheets.values.get({ spreadsheetId: 'nope', range: 'A1' }));
    expect(e).toEqual({ status: 404, error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } });
  });

  it('unparseable range and unknown sheet → 400 Unable to parse range', async () => {
    const id = await newSpreadsheet(h.api);
    const bad = await apiError(h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Foo!!A1' }));
    expect(bad).toEqual({ status: 400, error: { code: 400, message: 'Unable to parse range: Foo!!A1', status: 'INVALID_ARGUMENT' } });
    const unknown = await apiError(h.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Nope!A1:B2' }));
    expect(unknown.error.message).toBe('Unable to parse range: Nope!A1:B2');
  });

  it('values.update beyond the grid or outside the range is refused', async () => {
    const id = await newSpreadsheet(h.api);
    const grid = await apiError(
      h.api.spreadsheets.values.update({ spreadsheetId: id, range: 'Sheet1!A1000', valueInputOption: 'RAW', requestBody: { values: [['x'], ['y']] } }),
    );
    expect(grid.error.message).toBe('Range (Sheet1!A1000:A1001) exceeds grid limits. Max rows: 1000, max columns: 26');
    const outside = await apiError(
      h.api.spreadsheets.values.update({ spreadsheetId: id, range: 'Sheet1!A1:B1', valueInputOption: 'RAW', requestBody: { values: [['x', 'y', 'z']] } }),
    );
    expect(outside.error.message).toBe('Requested writing within range [Sheet1!A1:B1], but tried writing to column [C]');
  });

  it('missing valueInputOption is refused', async () => {
    const id = await newSpreadsheet(h.api);
    const e = await apiError(h.api.spreadsheets.values.update({ spreadsheetId: id, range: 'A1', requestBody: { values: [['x']] } }));
    expect(e.status).toBe(400);
    expect(e.error.message).toContain('valueInputOption');
  });

  it('paths outside /v4/spreadsheets are left to the host server', async () => {
    const res = await fetch(`http://127.0.0.1:${h.port}/v1/other`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });
});

describe('persistence and counters', () => {
  let dir: string;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a second emulator on the same stateFile sees the first one’s data', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sheets-emu-'));
    const stateFile = join(dir, 'state', 'sheets.json');
    const a = await startSheets({ stateFile });
    const id = await newSpreadsheet(a.api, 'Persist', ['Dades']);
    await a.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Dades!A1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['x', '=LEN(A1)+1']] },
    });
    await a.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).version).toBe(1);

    const b = await startSheets({ stateFile });
    const got = await b.api.spreadsheets.values.get({ spreadsheetId: id, range: 'Dades!A1:B1' });
    expect(got.data.values).toEqual([['x', '2']]);
    b.emulator.reset();
    const gone = await apiError(b.api.spreadsheets.get({ spreadsheetId: id }));
    expect(gone.status).toBe(404);
    await b.close();
    const c = await startSheets({ stateFile });
    expect((await apiError(c.api.spreadsheets.get({ spreadsheetId: id }))).status).toBe(404);
    await c.close();
  });

  it('counts every call by method, reads and writes', async () => {
    const c = await startSheets();
    const id = await newSpreadsheet(c.api);
    await c.api.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['A1'] });
    await c.api.spreadsheets.values.append({ spreadsheetId: id, range: 'A1', valueInputOption: 'RAW', requestBody: { values: [['x']] } });
    await apiError(c.api.spreadsheets.values.get({ spreadsheetId: 'missing', range: 'A1' }));
    expect(c.emulator.counters()).toEqual({
      total: 4,
      reads: 2,
      writes: 2,
      byMethod: { 'spreadsheets.create': 1, 'values.batchGet': 1, 'values.append': 1, 'values.get': 1 },
    });
    c.emulator.resetCounters();
    expect(c.emulator.counters()).toEqual({ total: 0, reads: 0, writes: 0, byMethod: {} });
    await c.close();
  });
});
