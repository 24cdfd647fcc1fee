// The Sheets emulator refuses what Google refuses, for every request the product sends
// (shared/adapters/sheets*.ts: these batchUpdate kinds, values.batchUpdate, spreadsheets.get
// with field masks) and the few more the tests and the local page use: one valid body
// answered 200, then unknown fields at each depth, bad enums, wrong JSON types, bad update
// masks and bad `fields=`, each answered 400 naming Google's snake_case field path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSpreadsheet, startSheets } from '../support/sheets-harness';
import type { Harness } from '../support/sheets-harness';
import { bogusVariants, call, expectBadRequest } from './strict-support';
import type { Json } from './strict-support';

let h: Harness;
let base: string;
let n = 0;

beforeAll(async () => {
  h = await startSheets();
  base = `http://127.0.0.1:${h.port}/v4/spreadsheets`;
});
afterAll(() => h.close());

/** A fresh spreadsheet with a 'Data' tab, and that tab's sheetId. */
async function fresh(): Promise<{ id: string; sheetId: number }> {
  const id = await newSpreadsheet(h.api, 'Strict', ['Data']);
  const got = await h.api.spreadsheets.get({ spreadsheetId: id });
  return { id, sheetId: got.data.sheets?.[0]?.properties?.sheetId as number };
}

const grid = (sheetId: number) => ({ sheetId, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 1 });
const condition = (type: string, ...values: string[]) => ({ type, values: values.map((v) => ({ userEnteredValue: v })) });

interface Kind {
  kind: string;
  valid: (sheetId: number) => Json;
  /** Invalid variants beyond the generic unknown fields: body, field path, message. */
  invalid: Array<{ what: string; body: (sheetId: number) => Json; field: string; message: RegExp }>;
}

const KINDS: Kind[] = [
  {
    kind: 'addSheet',
    valid: () => ({ properties: { title: `Tab ${++n}`, gridProperties: { frozenRowCount: 1 } } }),
    invalid: [
      { what: 'a number where a string goes', body: () => ({ properties: { title: 5 } }), field: 'requests[0].add_sheet.properties.title', message: /\(TYPE_STRING\), 5/ },
      { what: 'a non-numeric int32', body: () => ({ properties: { title: 'x', gridProperties: { frozenRowCount: 'one' } } }), field: 'requests[0].add_sheet.properties.grid_properties.frozen_row_count', message: /\(TYPE_INT32\), "one"/ },
      { what: 'a string where an object goes', body: () => ({ properties: 'Tab' }), field: 'requests[0].add_sheet.properties', message: /google\.apps\.sheets\.v4\.SheetProperties\), "Tab"/ },
    ],
  },
  {
    kind: 'appendDimension',
    valid: (sheetId) => ({ sheetId, dimension: 'COLUMNS', length: 2 }),
    invalid: [
      { what: 'dimension COLUMN', body: (sheetId) => ({ sheetId, dimension: 'COLUMN', length: 2 }), field: 'requests[0].append_dimension.dimension', message: /^Invalid value at 'requests\[0\]\.append_dimension\.dimension' \(type\.googleapis\.com\/google\.apps\.sheets\.v4\.Dimension\), "COLUMN"$/ },
      { what: 'an int32 beyond range', body: (sheetId) => ({ sheetId, dimension: 'ROWS', length: 2 ** 31 }), field: 'requests[0].append_dimension.length', message: /TYPE_INT32/ },
    ],
  },
  {
    kind: 'insertDimension',
    valid: (sheetId) => ({ range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 2 }, inheritFromBefore: true }),
    invalid: [
      { what: 'a string where a range goes', body: () => ({ range: 'A1:A2' }), field: 'requests[0].insert_dimension.range', message: /DimensionRange\), "A1:A2"/ },
      { what: 'a string where a bool goes', body: (sheetId) => ({ range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 2 }, inheritFromBefore: 'yes' }), field: 'requests[0].insert_dimension.inherit_from_before', message: /\(TYPE_BOOL\), "yes"/ },
    ],
  },
  {
    kind: 'updateCells',
    valid: (sheetId) => ({ start: { sheetId, rowIndex: 0, columnIndex: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'x' } }, { note: 'n' }] }], fields: 'userEnteredValue,note' }),
    invalid: [
      { what: 'a mask naming no CellData field', body: (sheetId) => ({ start: { sheetId }, rows: [], fields: 'userEnteredValues' }), field: 'requests[0].update_cells.fields', message: /^Invalid requests\[0\]\.updateCells: field mask names 'userEnteredValues', which is not a field of CellData\.$/ },
      { what: 'an object where a list goes', body: (sheetId) => ({ start: { sheetId }, rows: { values: [] }, fields: '*' }), field: 'requests[0].update_cells.rows', message: /RowData\)/ },
      { what: 'a string where a double goes', body: (sheetId) => ({ start: { sheetId }, rows: [{ values: [{ userEnteredValue: { numberValue: 'abc' } }] }], fields: '*' }), field: 'requests[0].update_cells.rows[0].values[0].user_entered_value.number_value', message: /\(TYPE_DOUBLE\), "abc"/ },
    ],
  },
  {
    kind: 'appendCells',
    valid: (sheetId) => ({ sheetId, rows: [{ values: [{ userEnteredValue: { numberValue: 1 } }] }], fields: 'userEnteredValue' }),
    invalid: [
      { what: 'a nested mask path naming nothing', body: (sheetId) => ({ sheetId, rows: [], fields: 'userEnteredFormat.bogus' }), field: 'requests[0].append_cells.fields', message: /'userEnteredFormat\.bogus'/ },
      { what: 'a bool where an int32 goes', body: () => ({ sheetId: true, rows: [], fields: '*' }), field: 'requests[0].append_cells.sheet_id', message: /\(TYPE_INT32\), true/ },
    ],
  },
  {
    kind: 'setDataValidation',
    valid: (sheetId) => ({ range: grid(sheetId), rule: { condition: condition('ONE_OF_LIST', 'a', 'b'), strict: true, showCustomUi: true } }),
    invalid: [
      { what: 'a misspelt condition type', body: (sheetId) => ({ range: grid(sheetId), rule: { condition: condition('ONE_OF_LISTT', 'a') } }), field: 'requests[0].set_data_validation.rule.condition.type', message: /"ONE_OF_LISTT"/ },
      { what: 'DATE_BETWEEN with one value', body: (sheetId) => ({ range: grid(sheetId), rule: { condition: condition('DATE_BETWEEN', '2020-01-01') } }), field: 'requests[0].set_data_validation.rule.condition.values', message: /^Invalid requests\[0\]\.setDataValidation: DATE_BETWEEN requires exactly two ConditionValues, got 1\.$/ },
    ],
  },
  {
    kind: 'addProtectedRange',
    valid: (sheetId) => ({ protectedRange: { range: { sheetId, startColumnIndex: 0, endColumnIndex: 1 }, description: 'k', warningOnly: true } }),
    invalid: [
      { what: 'warningOnly with editors', body: (sheetId) => ({ protectedRange: { range: { sheetId }, warningOnly: true, editors: { users: ['a@example.org'] } } }), field: 'requests[0].add_protected_range.protected_range.editors', message: /Editors are not supported with warning_only protection/ },
      { what: 'a string where a list goes', body: (sheetId) => ({ protectedRange: { range: { sheetId }, editors: { users: 'a@example.org' } } }), field: 'requests[0].add_protected_range.protected_range.editors.users', message: /\(TYPE_STRING\), "a@example.org"/ },
    ],
  },
  {
    kind: 'addConditionalFormatRule',
    valid: (sheetId) => ({ index: 0, rule: { ranges: [{ sheetId, startRowIndex: 1 }], booleanRule: { condition: condition('CUSTOM_FORMULA', '=A2="x"'), format: { backgroundColor: { red: 1, green: 0.9, blue: 0.9 } } } } }),
    invalid: [
      { what: 'NUMBER_BETWEN', body: (sheetId) => ({ rule: { ranges: [{ sheetId }], booleanRule: { condition: condition('NUMBER_BETWEN', '1', '2') } } }), field: 'requests[0].add_conditional_format_rule.rule.boolean_rule.condition.type', message: /^Invalid value at 'requests\[0\]\.add_conditional_format_rule\.rule\.boolean_rule\.condition\.type' \(type\.googleapis\.com\/google\.apps\.sheets\.v4\.\w+\), "NUMBER_BETWEN"$/ },
      { what: 'CUSTOM_FORMULAE', body: (sheetId) => ({ rule: { ranges: [{ sheetId }], booleanRule: { condition: condition('CUSTOM_FORMULAE', '=1') } } }), field: 'requests[0].add_conditional_format_rule.rule.boolean_rule.condition.type', message: /"CUSTOM_FORMULAE"/ },
      { what: 'NUMBER_BETWEEN with one value', body: (sheetId) => ({ rule: { ranges: [{ sheetId }], booleanRule: { condition: condition('NUMBER_BETWEEN', '1') } } }), field: 'requests[0].add_conditional_format_rule.rule.boolean_rule.condition.values', message: /NUMBER_BETWEEN requires exactly two ConditionValues, got 1/ },
    ],
  },
  {
    kind: 'addFilterView',
    valid: (sheetId) => ({ filter: { title: 'View', range: { sheetId }, filterSpecs: [{ columnIndex: 0, filterCriteria: { condition: condition('TEXT_EQ', 'a') } }] } }),
    invalid: [
      { what: 'an object where a list goes', body: (sheetId) => ({ filter: { range: { sheetId }, filterSpecs: { columnIndex: 0 } } }), field: 'requests[0].add_filter_view.filter.filter_specs', message: /FilterSpec\)/ },
      { what: 'NUMBER_NOT_BETWEEN with three values', body: (sheetId) => ({ filter: { range: { sheetId }, filterSpecs: [{ columnIndex: 0, filterCriteria: { condition: condition('NUMBER_NOT_BETWEEN', '1', '2', '3') } }] } }), field: 'requests[0].add_filter_view.filter.filter_specs[0].filter_criteria.condition.values', message: /got 3/ },
    ],
  },
  {
    kind: 'addChart',
    valid: (sheetId) => ({
      chart: {
        spec: { title: 'c', basicChart: { chartType: 'COLUMN', legendPosition: 'BOTTOM_LEGEND', headerCount: 1, domains: [{ domain: { sourceRange: { sources: [grid(sheetId)] } } }], series: [{ series: { sourceRange: { sources: [{ ...grid(sheetId), startColumnIndex: 1, endColumnIndex: 2 }] } }, targetAxis: 'LEFT_AXIS' }] } },
        position: { overlayPosition: { anchorCell: { sheetId, rowIndex: 1, columnIndex: 3 } } },
      },
    }),
    invalid: [
      { what: 'chartType COLUMNS', body: () => ({ chart: { spec: { basicChart: { chartType: 'COLUMNS' } } } }), field: 'requests[0].add_chart.chart.spec.basic_chart.chart_type', message: /"COLUMNS"/ },
    ],
  },
  {
    kind: 'updateSheetProperties',
    valid: (sheetId) => ({ properties: { sheetId, gridProperties: { frozenRowCount: 1 } }, fields: 'gridProperties.frozenRowCount' }),
    invalid: [
      { what: 'a misspelt mask path', body: (sheetId) => ({ properties: { sheetId }, fields: 'gridProperties.frozenRowCounts' }), field: 'requests[0].update_sheet_properties.fields', message: /'gridProperties\.frozenRowCounts', which is not a field of SheetProperties/ },
      { what: 'a mask repeating the implied root', body: (sheetId) => ({ properties: { sheetId, title: 'x' }, fields: 'properties.title' }), field: 'requests[0].update_sheet_properties.fields', message: /'properties'/ },
    ],
  },
  {
    kind: 'updateDimensionProperties',
    valid: (sheetId) => ({ range: { sheetId, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 }, properties: { pixelSize: 120 }, fields: 'pixelSize' }),
    invalid: [
      { what: 'a mask naming no DimensionProperties field', body: (sheetId) => ({ range: { sheetId, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 }, properties: {}, fields: 'pixelSizes' }), field: 'requests[0].update_dimension_properties.fields', message: /DimensionProperties/ },
    ],
  },
];

const batch = (id: string, requests: unknown[]) => call(base, 'POST', `/${encodeURIComponent(id)}:batchUpdate`, { requests });
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe.each(KINDS)('spreadsheets.batchUpdate $kind', ({ kind, valid, invalid }) => {
  it('takes a valid request', async () => {
    const { id, sheetId } = await fresh();
    const answer = await batch(id, [{ [kind]: valid(sheetId) }]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  });

  it('refuses an unknown field at every depth, naming where it is', async () => {
    const { id, sheetId } = await fresh();
    const variants = bogusVariants(valid(sheetId), `requests[0].${snake(kind)}`);
    expect(variants.length).toBeGreaterThanOrEqual(1);
    for (const { body, at } of variants) {
      const answer = await batch(id, [{ [kind]: body }]);
      expectBadRequest(answer, at, new RegExp(`^Invalid JSON payload received\\. Unknown name "bogus" at '${at.replace(/[[\]().]/g, '\\$&')}': Cannot find field\\.$`));
    }
  });

  it.each(invalid)('refuses $what', async ({ body, field, message }) => {
    const { id, sheetId } = await fresh();
    expectBadRequest(await batch(id, [{ [kind]: body(sheetId) }]), field, message);
  });
});

describe('spreadsheets.batchUpdate as a whole', () => {
  it('names the failing request by its index and applies nothing', async () => {
    const { id, sheetId } = await fresh();
    const answer = await batch(id, [{ addSheet: { properties: { title: 'Kept?' } } }, { appendDimension: { sheetId, dimension: 'ROW', length: 1 } }]);
    expectBadRequest(answer, 'requests[1].append_dimension.dimension', /requests\[1\]/);
    const titles = (await h.api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.map((s) => s.properties?.title);
    expect(titles).toEqual(['Data']);
  });

  it('refuses an unknown request kind and two kinds in one request', async () => {
    const { id, sheetId } = await fresh();
    expectBadRequest(await batch(id, [{ addSheets: {} }]), 'requests[0]', /Unknown name "addSheets" at 'requests\[0\]'/);
    const two = await batch(id, [{ addSheet: {}, appendDimension: { sheetId, dimension: 'ROWS', length: 1 } }]);
    expect(two.status).toBe(400);
    expect((two.body.error as Json).message).toMatch(/oneof field 'kind' is already set/);
  });

  it('refuses unknown top-level members and wrong types for the batch options', async () => {
    const { id } = await fresh();
    expectBadRequest(await call(base, 'POST', `/${id}:batchUpdate`, { requests: [{ addSheet: {} }], bogus: 1 }), '', /^Invalid JSON payload received\. Unknown name "bogus": Cannot find field\.$/);
    expectBadRequest(await call(base, 'POST', `/${id}:batchUpdate`, { requests: [{ addSheet: {} }], includeSpreadsheetInResponse: 'true' }), 'include_spreadsheet_in_response', /TYPE_BOOL/);
  });
});

describe('values methods', () => {
  const values = (id: string, tail: string) => `/${id}/values${tail}`;

  it('values.batchUpdate: a valid body, then bad enums, unknown fields and wrong types in data', async () => {
    const { id } = await fresh();
    const ok = { valueInputOption: 'RAW', data: [{ range: 'Data!A1', majorDimension: 'ROWS', values: [['=1+1', 2]] }] };
    expect((await call(base, 'POST', values(id, ':batchUpdate'), ok)).status).toBe(200);
    expectBadRequest(await call(base, 'POST', values(id, ':batchUpdate'), { ...ok, valueInputOption: 'RAWW' }), 'value_input_option', /^Invalid value at 'value_input_option' \(type\.googleapis\.com\/google\.apps\.sheets\.v4\.ValueInputOption\), "RAWW"$/);
    expectBadRequest(await call(base, 'POST', values(id, ':batchUpdate'), { ...ok, data: [{ range: 'Data!A1', values: [[1]], bogus: 1 }] }), 'data[0]', /Unknown name "bogus" at 'data\[0\]'/);
    expectBadRequest(await call(base, 'POST', values(id, ':batchUpdate'), { ...ok, data: [{ range: 'Data!A1', majorDimension: 'ROW', values: [[1]] }] }), 'data[0].major_dimension', /"ROW"/);
    expectBadRequest(await call(base, 'POST', values(id, ':batchUpdate'), { ...ok, data: { range: 'Data!A1' } }), 'data', /ValueRange\)/);
  });

  it('values.append: query parameters are checked by name, enum and type', async () => {
    const { id } = await fresh();
    const path = (q: string) => values(id, `/${encodeURIComponent('Data!A1')}:append?${q}`);
    const body = { values: [['a']] };
    expect((await call(base, 'POST', path('valueInputOption=RAW&insertDataOption=INSERT_ROWS'), body)).status).toBe(200);
    expectBadRequest(await call(base, 'POST', path('valueInputOption=RAWW'), body), 'value_input_option', /^Invalid value at 'value_input_option' \(type\.googleapis\.com\/google\.apps\.sheets\.v4\.ValueInputOption\), "RAWW"$/);
    expectBadRequest(await call(base, 'POST', path('valueInputOption=RAW&insertDataOptions=INSERT_ROWS'), body), '', /^Invalid JSON payload received\. Unknown name "insertDataOptions": Cannot bind query parameter\./);
    expectBadRequest(await call(base, 'POST', path('valueInputOption=RAW&includeValuesInResponse=yes'), body), 'include_values_in_response', /\(TYPE_BOOL\), "yes"/);
    expectBadRequest(await call(base, 'POST', path('valueInputOption=RAW'), { values: 'a' }), 'values', /Invalid value at 'values'/);
  });

  it('values.get and values.update', async () => {
    const { id } = await fresh();
    const range = encodeURIComponent('Data!A1:B2');
    expect((await call(base, 'GET', values(id, `/${range}?valueRenderOption=FORMULA`))).status).toBe(200);
    expectBadRequest(await call(base, 'GET', values(id, `/${range}?valueRenderOption=FORMULAS`)), 'value_render_option', /"FORMULAS"/);
    expect((await call(base, 'PUT', values(id, `/${range}?valueInputOption=USER_ENTERED`), { values: [[1]] })).status).toBe(200);
    expectBadRequest(await call(base, 'PUT', values(id, `/${range}?valueInputOption=USER_ENTERED`), { values: [[1]], majorDimensions: 'ROWS' }), '', /Unknown name "majorDimensions"/);
  });
});

describe('spreadsheets.get and fields=', () => {
  it('takes the masks the product sends, refuses names the response does not have', async () => {
    const { id } = await fresh();
    const get = (q: string) => call(base, 'GET', `/${id}?${q}`);
    const product = 'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),protectedRanges(description),conditionalFormats(booleanRule(condition)),filterViews(title),charts(spec(title)),data(rowData(values(userEnteredValue,note,dataValidation))))';
    expect((await get(`includeGridData=true&fields=${encodeURIComponent(product)}`)).status).toBe(200);
    expect((await get('fields=spreadsheetId,sheets.properties.title')).status).toBe(200);
    expectBadRequest(await get('fields=sheets(properties(titel))'), 'fields', /^Error expanding 'fields' parameter\. Cannot find matching fields for path 'sheets\.properties\.titel'\.$/);
    expectBadRequest(await get(`fields=${encodeURIComponent('properties, sheets.properties')}`), 'fields', /path ' sheets\.properties'/);
    expectBadRequest(await get('includeGridData=maybe'), 'include_grid_data', /\(TYPE_BOOL\), "maybe"/);
  });

  it('checks fields= on writes too, against the write response', async () => {
    const { id } = await fresh();
    const ok = { valueInputOption: 'RAW', data: [{ range: 'Data!A1', values: [[1]] }] };
    expect((await call(base, 'POST', `/${id}/values:batchUpdate?fields=totalUpdatedCells`, ok)).status).toBe(200);
    expectBadRequest(await call(base, 'POST', `/${id}/values:batchUpdate?fields=updatedCells`, ok), 'fields', /'updatedCells'/);
  });
});
