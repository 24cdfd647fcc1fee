// spreadsheets.batchUpdate request kinds and atomicity, through the real client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, newSpreadsheet, startSheets } from '../support/sheets-harness';
import type { Harness } from '../support/sheets-harness';

let h: Harness;
beforeAll(async () => {
  h = await startSheets();
});
afterAll(async () => {
  await h.close();
});

const values = async (id: string, range: string): Promise<unknown[][]> =>
  ((await h.api.spreadsheets.values.get({ spreadsheetId: id, range })).data.values ?? []) as unknown[][];

describe('atomicity', () => {
  it('a batch whose second request is invalid applies nothing', async () => {
    const id = await newSpreadsheet(h.api);
    const e = await apiError(
      h.api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            { updateCells: { start: { sheetId: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'x' } }] }], fields: 'userEnteredValue' } },
            { addSheet: { properties: { title: 'Sheet1' } } },
          ],
        },
      }),
    );
    expect(e).toEqual({
      status: 400,
      error: {
        code: 400,
        status: 'INVALID_ARGUMENT',
        message: 'Invalid requests[1].addSheet: A sheet with the name "Sheet1" already exists. Please enter another name.',
      },
    });
    expect(await values(id, 'Sheet1!A1')).toEqual([]);
  });

  it('values.batchUpdate is all-or-nothing too', async () => {
    const id = await newSpreadsheet(h.api);
    const e = await apiError(
      h.api.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: { valueInputOption: 'RAW', data: [{ range: 'A1', values: [['x']] }, { range: 'Missing!A1', values: [['y']] }] },
      }),
    );
    expect(e.error.message).toBe('Unable to parse range: Missing!A1');
    expect(await values(id, 'Sheet1!A1')).toEqual([]);
  });

  it('an unknown request kind is a 400 naming it', async () => {
    const id = await newSpreadsheet(h.api);
    const e = await apiError(
      h.api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ frobnicate: {} } as never] } }),
    );
    expect(e.status).toBe(400);
    expect(e.error.status).toBe('INVALID_ARGUMENT');
    expect(e.error.message).toContain('"frobnicate"');
  });
});

describe('request kinds', () => {
  it('updateSheetProperties honours the fields mask', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateSheetProperties: {
              properties: { sheetId: 0, title: 'Ignored', gridProperties: { frozenRowCount: 1, rowCount: 5 } },
              fields: 'gridProperties.frozenRowCount',
            },
          },
        ],
      },
    });
    const got = await h.api.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.sheets?.[0]?.properties).toMatchObject({ title: 'Sheet1', gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 } });
  });

  it('appendCells goes after the last row with data and grows the grid', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.values.update({ spreadsheetId: id, range: 'Sheet1!B1', valueInputOption: 'RAW', requestBody: { values: [['a'], [], ['c']] } });
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { updateSheetProperties: { properties: { sheetId: 0, gridProperties: { rowCount: 3 } }, fields: 'gridProperties.rowCount' } },
          {
            appendCells: {
              sheetId: 0,
              rows: [
                { values: [{ userEnteredValue: { stringValue: '=1+1' } }, { userEnteredValue: { numberValue: 2 } }] },
                { values: [{ userEnteredValue: { formulaValue: '=B4*10' } }] },
              ],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
    });
    expect(await values(id, 'Sheet1!A1:B5')).toEqual([['', 'a'], [], ['', 'c'], ['=1+1', '2'], ['20']]);
    const got = await h.api.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.sheets?.[0]?.properties?.gridProperties?.rowCount).toBe(5);
  });

  it('updateCells with a range clears the masked fields of cells the rows do not cover', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.values.update({ spreadsheetId: id, range: 'A1', valueInputOption: 'RAW', requestBody: { values: [['a', 'b'], ['c', 'd']] } });
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateCells: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
              rows: [{ values: [{ userEnteredValue: { stringValue: 'X' } }] }],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
    });
    expect(await values(id, 'A1:B2')).toEqual([['X']]);
  });

  it('repeatCell, setDataValidation and updateDimensionProperties are stored', async () => {
    const id = await newSpreadsheet(h.api);
    const range = { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 1 };
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { repeatCell: { range, cell: { userEnteredFormat: { textFormat: { bold: true } } }, fields: 'userEnteredFormat.textFormat.bold' } },
          { setDataValidation: { range, rule: { condition: { type: 'BOOLEAN' } } } },
          { updateDimensionProperties: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 }, properties: { pixelSize: 250 }, fields: 'pixelSize' } },
        ],
      },
    });
    const got = await h.api.spreadsheets.get({ spreadsheetId: id, ranges: ['A1:A2'], includeGridData: true });
    const data = got.data.sheets?.[0]?.data?.[0];
    expect(data?.rowData?.[1]?.values?.[0]).toEqual({
      userEnteredFormat: { textFormat: { bold: true } },
      dataValidation: { condition: { type: 'BOOLEAN' } },
    });
    expect(data?.columnMetadata).toEqual([{ pixelSize: 250 }]);
  });

  it('protected ranges, conditional formats, basic filter and filter views', async () => {
    const id = await newSpreadsheet(h.api);
    const range = { sheetId: 0, startRowIndex: 0, endRowIndex: 1 };
    const res = await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { addProtectedRange: { protectedRange: { range, description: 'Capçalera', warningOnly: true } } },
          { addConditionalFormatRule: { index: 0, rule: { ranges: [range], booleanRule: { condition: { type: 'BLANK' }, format: {} } } } },
          { setBasicFilter: { filter: { range } } },
          { addFilterView: { filter: { title: 'Pendents', range } } },
        ],
      },
    });
    const protectedRangeId = res.data.replies?.[0]?.addProtectedRange?.protectedRange?.protectedRangeId;
    expect(typeof protectedRangeId).toBe('number');
    expect(res.data.replies?.[1]).toEqual({});
    expect(typeof res.data.replies?.[3]?.addFilterView?.filter?.filterViewId).toBe('number');
    let sheet = (await h.api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.[0];
    expect(sheet?.protectedRanges?.[0]).toMatchObject({ protectedRangeId, description: 'Capçalera', range });
    expect(sheet?.conditionalFormats).toHaveLength(1);
    expect(sheet?.basicFilter).toEqual({ range });
    expect(sheet?.filterViews?.[0]?.title).toBe('Pendents');

    const del = await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ deleteProtectedRange: { protectedRangeId } }, { deleteConditionalFormatRule: { sheetId: 0, index: 0 } }] },
    });
    expect(del.data.replies?.[1]?.deleteConditionalFormatRule?.rule?.booleanRule?.condition?.type).toBe('BLANK');
    sheet = (await h.api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.[0];
    expect(sheet?.protectedRanges).toBeUndefined();
    expect(sheet?.conditionalFormats).toBeUndefined();
  });

  it('findReplace replies with counts', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['pendent', 'pendent pendent'], ['ok', '=CONCATENATE("pendent")']] },
    });
    const res = await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ findReplace: { find: 'pendent', replacement: 'fet', allSheets: true } }] },
    });
    expect(res.data.replies?.[0]).toEqual({ findReplace: { valuesChanged: 2, rowsChanged: 1, sheetsChanged: 1, occurrencesChanged: 3 } });
    expect(await values(id, 'A1:B2')).toEqual([['fet', 'fet fet'], ['ok', 'pendent']]);
  });

  it('includeSpreadsheetInResponse with responseRanges and grid data', async () => {
    const id = await newSpreadsheet(h.api);
    const res = await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [{ addSheet: { properties: { title: 'Nova' } } }, { updateCells: { start: { sheetId: 0 }, rows: [{ values: [{ userEnteredValue: { boolValue: true } }] }], fields: '*' } }],
        includeSpreadsheetInResponse: true,
        responseRanges: ['Sheet1!A1:B2'],
        responseIncludeGridData: true,
      },
    });
    const ss = res.data.updatedSpreadsheet;
    expect(ss?.sheets?.map((s) => s.properties?.title)).toEqual(['Sheet1']);
    expect(ss?.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0]).toEqual({
      userEnteredValue: { boolValue: true },
      effectiveValue: { boolValue: true },
      formattedValue: 'TRUE',
    });
  });

  it('the fields parameter trims the response', async () => {
    const id = await newSpreadsheet(h.api, 'T', ['A', 'B']);
    const res = await h.api.spreadsheets.get({ spreadsheetId: id, fields: 'sheets.properties(sheetId,title)' });
    expect(res.data).toEqual({ sheets: [{ properties: { sheetId: 0, title: 'A' } }, { properties: { sheetId: expect.any(Number), title: 'B' } }] });
  });

  it('nested field selections over several ranges of one sheet', async () => {
    const id = await newSpreadsheet(h.api, 'T', ['Sol·licituds']);
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Sol·licituds'!A1",
      valueInputOption: 'RAW',
      requestBody: { values: [['Id', 'Nom', 'Estat'], ['r1', 'Anna', 'ok'], ['r2', 'Pere']] },
    });
    const res = await h.api.spreadsheets.get({
      spreadsheetId: id,
      ranges: ["'Sol·licituds'!1:1", "'Sol·licituds'!C2:C"],
      includeGridData: true,
      fields: 'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),data(startRow,startColumn,rowData(values(effectiveValue))))',
    });
    expect(res.data.sheets).toEqual([
      {
        properties: { sheetId: 0, title: 'Sol·licituds', gridProperties: { rowCount: 1000, columnCount: 26 } },
        data: [
          { rowData: [{ values: [{ effectiveValue: { stringValue: 'Id' } }, { effectiveValue: { stringValue: 'Nom' } }, { effectiveValue: { stringValue: 'Estat' } }] }] },
          { startRow: 1, startColumn: 2, rowData: [{ values: [{ effectiveValue: { stringValue: 'ok' } }] }] },
        ],
      },
    ]);
  });
});
