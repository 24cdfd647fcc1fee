// batchUpdate requests that change sheets rather than cell contents: sheets, spreadsheet
// properties, dimensions. What is stored with a sheet without changing its cells
// (protections, colour rules, filters, charts) is batch-sheet-extras.ts.
import { randomInt } from 'node:crypto';
import type { RequestHandler } from './batch-handler';
import { invalid } from './errors';
import { applyMask, parseFieldMask } from './fields';
import { checkLocale } from './locale';
import { addSheetTo, observerOf, reindex, sheetById } from './model';
import type { GridRange, Json, Sheet, SheetProperties, Spreadsheet } from './model';
import { appendDimension, insertDimension, parseDimension, renameSheet } from './structure';

export function mask(fields: unknown): ReturnType<typeof parseFieldMask> {
  if (typeof fields !== 'string' || !fields.trim()) throw invalid('At least one field must be updated.');
  return parseFieldMask(fields);
}

export const newId = (): number => randomInt(1, 2 ** 31 - 1);

const updateSheetProperties: RequestHandler = (ss, req, where) => {
  const props = (req['properties'] ?? {}) as Partial<SheetProperties>;
  const sheet = sheetById(ss, props.sheetId, where);
  const tree = mask(req['fields']);
  const next = structuredClone(sheet.properties) as Json;
  applyMask(next, props as Json, tree);
  const updated = next as SheetProperties;
  if (typeof updated.title !== 'string' || !updated.title) throw invalid('Sheet title must not be empty.');
  renameSheet(ss, sheet, updated.title);
  const grid = updated.gridProperties ?? sheet.properties.gridProperties;
  if (!(grid.rowCount > 0 && grid.columnCount > 0)) throw invalid('rowCount and columnCount must be positive.');
  const before = { title: sheet.properties.title, ...sheet.properties.gridProperties };
  // Shrinking the grid drops the cells outside it (rows are replaced, never cut in place).
  sheet.rows.length = Math.min(sheet.rows.length, grid.rowCount);
  sheet.rows.forEach((row, r) => {
    if (row && row.length > grid.columnCount) sheet.rows[r] = row.slice(0, grid.columnCount);
  });
  sheet.properties = { ...updated, sheetId: sheet.properties.sheetId, sheetType: 'GRID', gridProperties: grid };
  const index = Math.min(Math.max(updated.index ?? 0, 0), ss.sheets.length - 1);
  ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
  ss.sheets.splice(index, 0, sheet);
  reindex(ss);
  // The engine hears of it once the sheet has its new title and grid.
  const observer = observerOf(ss);
  if (before.title !== updated.title) observer?.sheetRenamed(sheet, before.title);
  if (before.rowCount !== grid.rowCount || before.columnCount !== grid.columnCount) observer?.gridResized(sheet, before);
  return undefined;
};

const dimensionRange = (ss: Spreadsheet, req: Json, where: string) => {
  const range = (req['range'] ?? {}) as { sheetId?: number; dimension?: string; startIndex?: number; endIndex?: number };
  const sheet = sheetById(ss, range.sheetId, where);
  const dim = parseDimension(range.dimension, where);
  const g = sheet.properties.gridProperties;
  const start = range.startIndex ?? 0;
  const end = range.endIndex ?? (dim === 'ROWS' ? g.rowCount : g.columnCount);
  return { sheet, dim, start, end };
};

export function sheetOfRange(ss: Spreadsheet, range: GridRange | undefined, where: string): Sheet {
  return sheetById(ss, range?.sheetId, where);
}

export const SHEET_REQUESTS: Record<string, RequestHandler> = {
  addSheet: (ss, req) => {
    const sheet = addSheetTo(ss, structuredClone((req['properties'] ?? {}) as Partial<SheetProperties>));
    return { addSheet: { properties: structuredClone(sheet.properties) } };
  },

  deleteSheet: (ss, req, where) => {
    const sheet = sheetById(ss, req['sheetId'] as number | undefined, where);
    if (ss.sheets.length === 1) throw invalid("You can't remove all the sheets in a document.");
    ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
    reindex(ss);
    observerOf(ss)?.sheetRemoved(sheet);
    return undefined;
  },

  updateSheetProperties,

  updateSpreadsheetProperties: (ss, req) => {
    applyMask(ss.properties, (req['properties'] ?? {}) as Json, mask(req['fields']));
    if (typeof ss.properties.title !== 'string') ss.properties.title = 'Untitled spreadsheet';
    // Stored formulas are canonical (formula-locale.ts): a new locale only changes how they read.
    checkLocale(ss.properties);
    return undefined;
  },

  insertDimension: (ss, req, where) => {
    const { sheet, dim, start, end } = dimensionRange(ss, req, where);
    insertDimension(ss, sheet, dim, start, end, req['inheritFromBefore'] === true);
    return undefined;
  },

  appendDimension: (ss, req, where) => {
    const sheet = sheetById(ss, req['sheetId'] as number | undefined, where);
    appendDimension(sheet, parseDimension(req['dimension'], where), Number(req['length']));
    return undefined;
  },

  updateDimensionProperties: (ss, req, where) => {
    const { sheet, dim, start, end } = dimensionRange(ss, req, where);
    const tree = mask(req['fields']);
    const key = dim === 'ROWS' ? 'rowMetadata' : 'columnMetadata';
    const meta = (sheet[key] ??= {});
    for (let i = start; i < end; i++) {
      const entry = meta[String(i)] ?? {};
      applyMask(entry, (req['properties'] ?? {}) as Json, tree);
      meta[String(i)] = entry;
    }
    return undefined;
  },
};
