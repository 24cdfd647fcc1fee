// The spreadsheets.values endpoints. Each write handler mutates the spreadsheet it is given,
// which the router made as a copy: a failure part-way leaves the stored one untouched.
// Response objects omit zero counts, as Google's proto3 JSON does.
import { formatA1 } from './a1';
import { parseValueInputOption } from './cell-input';
import { evaluate } from './engine';
import { invalid } from './errors';
import { resolveRange } from './model';
import type { Json, Spreadsheet } from './model';
import { renderOptions } from './render';
import type { RenderOptions } from './render';
import { ensureGrid, insertDimension } from './structure';
import { findTable } from './table';
import { clearRange, parseMajorDimension, readBox, readRange, toRows, writeAt, writeRange } from './values-io';
import type { WriteResult } from './values-io';

export interface ApiRequest {
  query: URLSearchParams;
  body: Json;
}

const q = (req: ApiRequest, name: string): string | undefined => req.query.get(name) ?? undefined;

function nonZero(obj: Json): Json {
  for (const k of Object.keys(obj)) if (obj[k] === 0 || obj[k] === undefined) delete obj[k];
  return obj;
}

function readOptions(req: ApiRequest): RenderOptions {
  return renderOptions(q(req, 'valueRenderOption'), q(req, 'dateTimeRenderOption'));
}

function responseOptions(valueRender: unknown, dateTimeRender: unknown): RenderOptions {
  return renderOptions(valueRender, dateTimeRender);
}

function updateResponse(ss: Spreadsheet, w: WriteResult, withData: boolean, opts: RenderOptions): Json {
  const out = nonZero({
    spreadsheetId: ss.spreadsheetId,
    updatedRange: w.updatedRange,
    updatedRows: w.updatedRows,
    updatedColumns: w.updatedColumns,
    updatedCells: w.updatedCells,
  });
  if (withData && w.box) out['updatedData'] = readBox(ss, w.sheet, w.box, opts, 'ROWS');
  return out;
}

const truthy = (v: unknown): boolean => v === true || v === 'true';

export function valuesGet(ss: Spreadsheet, range: string, req: ApiRequest): Json {
  return { ...readRange(ss, range, readOptions(req), parseMajorDimension(q(req, 'majorDimension'))) };
}

export function valuesBatchGet(ss: Spreadsheet, req: ApiRequest): Json {
  const opts = readOptions(req);
  const major = parseMajorDimension(q(req, 'majorDimension'));
  const ranges = req.query.getAll('ranges');
  const out: Json = { spreadsheetId: ss.spreadsheetId };
  if (ranges.length) out['valueRanges'] = ranges.map((r) => readRange(ss, r, opts, major));
  return out;
}

export function valuesUpdate(ss: Spreadsheet, range: string, req: ApiRequest): Json {
  const option = parseValueInputOption(q(req, 'valueInputOption'));
  const w = writeRange(ss, range, req.body, option);
  const opts = responseOptions(q(req, 'responseValueRenderOption'), q(req, 'responseDateTimeRenderOption'));
  return updateResponse(ss, w, truthy(q(req, 'includeValuesInResponse')), opts);
}

export function valuesBatchUpdate(ss: Spreadsheet, req: ApiRequest): Json {
  const b = req.body;
  const option = parseValueInputOption(b['valueInputOption']);
  const data = (b['data'] ?? []) as Json[];
  if (!Array.isArray(data)) throw invalid("Invalid value at 'data'");
  const opts = responseOptions(b['responseValueRenderOption'], b['responseDateTimeRenderOption']);
  const results = data.map((vr, i) => {
    if (typeof vr['range'] !== 'string') throw invalid(`Invalid data[${i}]: range is required`);
    return writeRange(ss, vr['range'], vr, option);
  });
  const responses = results.map((w) => updateResponse(ss, w, truthy(b['includeValuesInResponse']), opts));
  const sum = (k: 'updatedRows' | 'updatedColumns' | 'updatedCells'): number => results.reduce((n, w) => n + w[k], 0);
  const out = nonZero({
    spreadsheetId: ss.spreadsheetId,
    totalUpdatedRows: sum('updatedRows'),
    totalUpdatedColumns: sum('updatedColumns'),
    totalUpdatedCells: sum('updatedCells'),
    totalUpdatedSheets: new Set(results.filter((w) => w.updatedCells).map((w) => w.sheet)).size,
  });
  if (responses.length) out['responses'] = responses;
  return out;
}

export function valuesClear(ss: Spreadsheet, range: string): Json {
  return { spreadsheetId: ss.spreadsheetId, clearedRange: clearRange(ss, range) };
}

export function valuesBatchClear(ss: Spreadsheet, req: ApiRequest): Json {
  const ranges = (req.body['ranges'] ?? []) as unknown[];
  const cleared = ranges.map((r) => clearRange(ss, String(r)));
  const out: Json = { spreadsheetId: ss.spreadsheetId };
  if (cleared.length) out['clearedRanges'] = cleared;
  return out;
}

export function valuesAppend(ss: Spreadsheet, range: string, req: ApiRequest): Json {
  const option = parseValueInputOption(q(req, 'valueInputOption'));
  const insert = q(req, 'insertDataOption') ?? 'OVERWRITE';
  if (insert !== 'OVERWRITE' && insert !== 'INSERT_ROWS') {
    throw invalid(`Invalid value at 'insert_data_option', "${insert}"`);
  }
  const { sheet, box } = resolveRange(ss, range);
  const table = findTable(evaluate(ss), sheet, box);
  const rows = toRows(req.body['values'], parseMajorDimension(req.body['majorDimension']));
  const width = Math.max(0, ...rows.map((r) => r.length));
  const row = table ? table.endRow : box.startRow;
  const col = table ? table.startCol : box.startCol;
  if (rows.length && width) {
    if (insert === 'INSERT_ROWS') {
      insertDimension(ss, sheet, 'ROWS', row, row + rows.length, row > 0);
    }
    // Appending past the end grows the grid, whatever insertDataOption says.
    ensureGrid(sheet, row + rows.length, col + width);
  }
  const w = writeAt(ss, sheet, row, col, rows, option);
  const opts = responseOptions(q(req, 'responseValueRenderOption'), q(req, 'responseDateTimeRenderOption'));
  const out: Json = { spreadsheetId: ss.spreadsheetId };
  if (table) out['tableRange'] = formatA1(sheet.properties.title, table);
  out['updates'] = updateResponse(ss, w, truthy(q(req, 'includeValuesInResponse')), opts);
  return out;
}
