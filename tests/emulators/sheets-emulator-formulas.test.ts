// Formula evaluation in the Sheets emulator, through the real client: header-row array
// formulas over open-ended ranges that follow appended rows, cross-sheet references with
// quoted names, reference shifting on insertDimension, and the functions the project uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSpreadsheet, startSheets } from '../support/sheets-harness';
import type { Harness } from '../support/sheets-harness';

let h: Harness;
beforeAll(async () => {
  h = await startSheets();
});
afterAll(async () => {
  await h.close();
});

async function put(id: string, range: string, values: unknown[][]): Promise<void> {
  await h.api.spreadsheets.values.update({ spreadsheetId: id, range, valueInputOption: 'USER_ENTERED', requestBody: { values } });
}

async function read(id: string, range: string, valueRenderOption = 'FORMATTED_VALUE'): Promise<unknown[][]> {
  const res = await h.api.spreadsheets.values.get({ spreadsheetId: id, range, valueRenderOption });
  return (res.data.values ?? []) as unknown[][];
}

async function append(id: string, range: string, values: unknown[][], insertDataOption = 'OVERWRITE') {
  const res = await h.api.spreadsheets.values.append({
    spreadsheetId: id,
    range,
    valueInputOption: 'RAW',
    insertDataOption,
    requestBody: { values },
  });
  return res.data;
}

describe('header-row array formulas', () => {
  it('{"Total"; ARRAYFORMULA(IF(A2:A="", "", B2:B*2))} follows appended rows', async () => {
    const id = await newSpreadsheet(h.api);
    await put(id, 'Sheet1!A1:C1', [['Nom', 'Hores', '={"Total"; ARRAYFORMULA(IF(A2:A="", "", B2:B*2))}']]);
    expect(await read(id, 'Sheet1!A:C')).toEqual([['Nom', 'Hores', 'Total']]);

    const first = await append(id, 'Sheet1!A:B', [['Anna', 3]]);
    expect(first.tableRange).toBe('Sheet1!A1:C1');
    expect(first.updates?.updatedRange).toBe('Sheet1!A2:B2');
    const second = await append(id, 'Sheet1!A:B', [['Pere', 4], ['Joan', 1.5]]);
    expect(second.tableRange).toBe('Sheet1!A1:C2');
    expect(second.updates?.updatedRange).toBe('Sheet1!A3:B4');

    expect(await read(id, 'Sheet1!A:C')).toEqual([
      ['Nom', 'Hores', 'Total'],
      ['Anna', '3', '6'],
      ['Pere', '4', '8'],
      ['Joan', '1.5', '3'],
    ]);
    // FORMULA render gives the formula as entered (open-ended range kept); spilled cells
    // hold no formula of their own.
    expect(await read(id, 'Sheet1!C1:C2', 'FORMULA')).toEqual([['={"Total"; ARRAYFORMULA(IF(A2:A="", "", B2:B*2))}'], [6]]);
    const grid = await h.api.spreadsheets.get({ spreadsheetId: id, ranges: ['Sheet1!C2'], includeGridData: true });
    expect(grid.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0]).toEqual({
      effectiveValue: { numberValue: 6 },
      formattedValue: '6',
    });
  });

  it('INSERT_ROWS shifts an A2:A reference as Sheets does; the ROW(A:A) form is immune', async () => {
    const id = await newSpreadsheet(h.api);
    await put(id, 'Sheet1!A1:D1', [
      ['Nom', 'Hores', '={"Doble"; ARRAYFORMULA(IF(A2:A="", "", B2:B*2))}', '=ARRAYFORMULA(IF(ROW(A:A)=1,"Triple",IF(A:A="","",B:B*3)))'],
    ]);
    await append(id, 'Sheet1!A:B', [['Anna', 3]], 'INSERT_ROWS');
    await append(id, 'Sheet1!A:B', [['Pere', 4]], 'INSERT_ROWS');
    // Rows inserted at row 2 push the start of A2:A (and B2:B) down, exactly like inserting
    // rows above row 2 in Sheets; the whole-column form has no row to push.
    expect(await read(id, 'Sheet1!C1', 'FORMULA')).toEqual([['={"Doble"; ARRAYFORMULA(IF(A4:A="", "", B4:B*2))}']]);
    expect(await read(id, 'Sheet1!A1:D3')).toEqual([
      ['Nom', 'Hores', 'Doble', 'Triple'],
      ['Anna', '3', '', '9'],
      ['Pere', '4', '', '12'],
    ]);
    const props = await h.api.spreadsheets.get({ spreadsheetId: id });
    expect(props.data.sheets?.[0]?.properties?.gridProperties?.rowCount).toBe(1002);
  });

  it('ARRAYFORMULA(IF(ROW(A:A)=1,"Total",IF(A:A="","",B:B+C:C))) fills the column', async () => {
    const id = await newSpreadsheet(h.api);
    await put(id, 'Sheet1!A1:D1', [['Nom', 'X', 'Y', '=ARRAYFORMULA(IF(ROW(A:A)=1,"Total",IF(A:A="","",B:B+C:C)))']]);
    await append(id, 'Sheet1!A1', [['a', 1, 2], ['b', 10, 20]], 'OVERWRITE');
    expect(await read(id, 'Sheet1!A1:D5')).toEqual([
      ['Nom', 'X', 'Y', 'Total'],
      ['a', '1', '2', '3'],
      ['b', '10', '20', '30'],
    ]);
    const again = await append(id, 'Sheet1!A1', [['c', 5, 5]], 'OVERWRITE');
    expect(again.updates?.updatedRange).toBe('Sheet1!A4:C4');
    expect(await read(id, 'Sheet1!D4')).toEqual([['10']]);
  });

  it('an array formula follows the grid when it grows', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [{ updateSheetProperties: { properties: { sheetId: 0, gridProperties: { rowCount: 3 } }, fields: 'gridProperties.rowCount' } }],
      },
    });
    await put(id, 'Sheet1!A1:B1', [['n', '={"Doble"; ARRAYFORMULA(IF(A2:A="", "", A2:A*2))}']]);
    await append(id, 'Sheet1!A1', [[1], [2], [3], [4]], 'OVERWRITE');
    expect(await read(id, 'Sheet1!B:B')).toEqual([['Doble'], ['2'], ['4'], ['6'], ['8']]);
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ appendCells: { sheetId: 0, rows: [{ values: [{ userEnteredValue: { numberValue: 5 } }] }], fields: 'userEnteredValue' } }] },
    });
    expect(await read(id, 'Sheet1!A6:B6')).toEqual([['5', '10']]);
  });
});

describe('references', () => {
  it('cross-sheet references with quoted names, open-ended', async () => {
    const id = await newSpreadsheet(h.api, 'T', ['Resum', "Bosses d'hores", 'Sol·licituds']);
    await put(id, "'Bosses d''hores'!A1", [['Hores'], [2], [3], [5]]);
    await put(id, "'Sol·licituds'!A1", [['x'], ['y']]);
    await put(id, 'Resum!A1', [["=SUM('Bosses d''hores'!A2:A)", "=COUNTA('Sol·licituds'!A:A)", '=Nope!A1', "=SUM('bosses D''HORES'!A2:A3)"]]);
    expect(await read(id, 'Resum!A1:D1')).toEqual([['10', '2', '#REF!', '5']]);
    await append(id, "'Bosses d''hores'!A1", [[10]]);
    expect(await read(id, 'Resum!A1')).toEqual([['20']]);
  });

  it('insertDimension shifts data and the formulas that point at it', async () => {
    const id = await newSpreadsheet(h.api, 'T', ['Dades', 'Calc']);
    const sheets = await h.api.spreadsheets.get({ spreadsheetId: id });
    const dades = sheets.data.sheets?.[0]?.properties?.sheetId as number;
    await put(id, 'Dades!A1', [['h', '=SUM(A2:A4)'], [1], [2], [3]]);
    await put(id, 'Calc!A1', [['=Dades!A3', '=SUM(Dades!A2:A4)', '=Dades!$A$4*10', '=SUM(Dades!A:A)']]);
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { insertDimension: { range: { sheetId: dades, dimension: 'ROWS', startIndex: 2, endIndex: 4 }, inheritFromBefore: true } },
          { insertDimension: { range: { sheetId: dades, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 } } },
        ],
      },
    });
    expect(await read(id, 'Dades!A1:C7')).toEqual([['', 'h', '6'], ['', '1'], [], [], ['', '2'], ['', '3']]);
    expect(await read(id, 'Dades!C1', 'FORMULA')).toEqual([['=SUM(B2:B6)']]);
    expect(await read(id, 'Calc!A1:D1', 'FORMULA')).toEqual([['=Dades!B5', '=SUM(Dades!B2:B6)', '=Dades!$B$6*10', '=SUM(Dades!B:B)']]);
    expect(await read(id, 'Calc!A1:D1')).toEqual([['2', '6', '30', '6']]);
  });

  it('renaming a sheet rewrites formulas that name it', async () => {
    const id = await newSpreadsheet(h.api, 'T', ['Dades', 'Calc']);
    const sheets = await h.api.spreadsheets.get({ spreadsheetId: id });
    const dades = sheets.data.sheets?.[0]?.properties?.sheetId as number;
    await put(id, 'Dades!A1', [[7]]);
    await put(id, 'Calc!A1', [['=Dades!A1+1']]);
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ updateSheetProperties: { properties: { sheetId: dades, title: 'Dades 2024' }, fields: 'title' } }] },
    });
    expect(await read(id, 'Calc!A1', 'FORMULA')).toEqual([["='Dades 2024'!A1+1"]]);
    expect(await read(id, 'Calc!A1')).toEqual([['8']]);
  });
});

describe('functions', () => {
  it('evaluates the functions the project relies on as Sheets does', async () => {
    const id = await newSpreadsheet(h.api);
    await put(id, 'Sheet1!A1', [
      ['Nom', 'Hores', 'Estat'],
      ['Anna', 3, 'ok'],
      ['Pere', 5, 'pendent'],
      ['Joan', 3, 'ok'],
      ['', '', ''],
      [' Maria ', 9, 'ok'],
    ]);
    const cases: [string, string][] = [
      ['=IF(B2>2,"alt","baix")', 'alt'],
      ['=IFERROR(1/0,"err")', 'err'],
      ['=AND(TRUE,B2=3)', 'TRUE'],
      ['=OR(FALSE,B3=3)', 'FALSE'],
      ['=NOT(ISBLANK(A5))', 'FALSE'],
      ['=LEN(TRIM(A6))', '5'],
      ['=LOWER(A2)&UPPER(A3)', 'annaPERE'],
      ['=SUM(B2:B)', '20'],
      ['=SUMIF(C2:C,"ok",B2:B)', '15'],
      ['=SUMIFS(B2:B,C2:C,"ok",B2:B,">3")', '9'],
      ['=COUNT(B:B)', '4'],
      ['=COUNTA(A2:A)', '4'],
      ['=COUNTIF(C2:C,"ok")', '3'],
      ['=COUNTIFS(C2:C,"ok",B2:B,3)', '2'],
      ['=COUNTBLANK(A2:A6)', '1'],
      ['=AVERAGE(B2:B)', '5'],
      ['=AVERAGEIF(C2:C,"ok",B2:B)', '5'],
      ['=AVERAGEIFS(B2:B,C2:C,"ok",B2:B,"<5")', '3'],
      ['=AVERAGEIFS(B2:B,C2:C,"cap")', '#DIV/0!'],
      ['=MAX(B2:B)-MIN(B2:B)', '6'],
      ['=ROUND(10/3,2)', '3.33'],
      ['=INDEX(A2:A,MATCH("Joan",A2:A,0))', 'Joan'],
      ['=VLOOKUP("Pere",A2:C,3,FALSE)', 'pendent'],
      ['=VLOOKUP("Ningú",A2:C,3,FALSE)', '#N/A'],
      ['=ISNUMBER(B2)', 'TRUE'],
      ['=CONCATENATE(A2," ",B2)', 'Anna 3'],
      ['=ROW(B7)', '7'],
      ['=SUMPRODUCT((C2:C6="ok")*B2:B6)', '15'],
      ['=RANK(5,B2:B6)', '2'],
      ['=RANK.EQ(3,B2:B6,1)', '1'],
      ['=TEXT(DATE(2024,3,5),"yyyy-mm-dd")', '2024-03-05'],
      ['=TEXT(1234.5,"0.00")', '1234.50'],
      ['=DATE(2024,3,5)', '3/5/2024'],
      ['=TODAY()-TODAY()', '0'],
      ['=foo(1)', '#NAME?'],
    ];
    await put(id, 'Sheet1!E1', cases.map(([f]) => [f]));
    const got = await read(id, `Sheet1!E1:E${cases.length}`);
    expect(got.map((r) => r[0])).toEqual(cases.map(([, want]) => want));
  });

  it('RANK inside ARRAYFORMULA ranks every row', async () => {
    const id = await newSpreadsheet(h.api);
    await put(id, 'Sheet1!A1', [['Nom', 'Punts', '={"Rànquing"; ARRAYFORMULA(IF(A2:A="","",RANK(B2:B,B2:B)))}']]);
    await append(id, 'Sheet1!A:B', [['a', 10], ['b', 30], ['c', 20]]);
    expect(await read(id, 'Sheet1!C1:C5')).toEqual([['Rànquing'], ['3'], ['1'], ['2']]);
  });
});

// The engine reads INDEX's one cell instead of copying its range (engine-patches.ts): the
// values and errors must be HyperFormula's own, over whole columns, 2-D ranges, other tabs,
// formula cells, blanks, and after the column changes.
describe('INDEX reads one cell, as before', () => {
  it('gives each value and error HyperFormula gives', async () => {
    const id = await newSpreadsheet(h.api, 'Index', ['Dades', 'Calc']);
    await put(id, 'Dades!A1:C4', [['a', 1, '=B1*10'], ['b', 2, '=B2*10'], ['', 3, ''], ['d', 4, '=B4*10']]);
    const formulas = [
      '=INDEX(Dades!A:A,2)', // whole column, another tab
      '=INDEX(Dades!A1:C4,4,3)', // 2-D, a formula cell
      '=INDEX(Dades!B:B,3)+1',
      '=INDEX(Dades!A1:C4,3,1)=""', // a blank reads as empty
      '=INDEX(Dades!A1:C4,5,1)', // past the range: #NUM!
      '=INDEX(Dades!A1:C4,0,1)', // below 1: #VALUE!
      '=INDEX(Dades!A1:C4,2,4)',
      '=IFERROR(INDEX(Dades!A:A,MATCH("d",Dades!A:A,0)),"")',
      '=INDEX(Dades!A1:A4,2)&"-"&INDEX(Dades!B1:B4,2)',
    ];
    await put(id, 'Calc!A1:A9', formulas.map((f) => [f]));
    expect((await read(id, 'Calc!A1:A9')).map((r) => r[0])).toEqual(['b', '40', '4', 'TRUE', '#NUM!', '#VALUE!', '#NUM!', 'd', 'b-2']);
    // The column changes: every INDEX over it reads the new value.
    await put(id, 'Dades!A2:C2', [['bb', 20, '=B2*10']]);
    await put(id, 'Dades!C4', [['=B4*100']]);
    expect((await read(id, 'Calc!A1:A3')).map((r) => r[0])).toEqual(['bb', '400', '4']);
  });
});
