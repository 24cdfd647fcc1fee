// The spreadsheet model. Cells are stored in the API's own shapes (CellData, ExtendedValue,
// GridRange…) so persistence is plain JSON and `includeGridData` answers need no mapping.
// Only what a user enters is stored; computed values (formula results and the values an
// array formula spills into neighbouring cells) live in the engine and are derived on read.
// Cell storage, the copy each write works on and the engine's change hooks: model-cells.ts.
import { randomInt } from 'node:crypto';
import { A1ParseError, clipToGrid, parseA1 } from './a1';
import type { A1Range, GridBox } from './a1';
import { badRange, invalid } from './errors';
import { observerOf } from './model-cells';

export * from './model-cells';

export * from './model-types';
import type { GridRange, Sheet, SheetProperties, Spreadsheet } from './model-types';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export function newSpreadsheet(id: string, title: string, firstSheetTitle = 'Sheet1'): Spreadsheet {
  const ss: Spreadsheet = {
    spreadsheetId: id,
    properties: {
      title,
      locale: 'en_US',
      autoRecalc: 'ON_CHANGE',
      timeZone: 'Europe/Madrid',
    },
    sheets: [],
    revision: 0,
  };
  // The first sheet of a new spreadsheet is always sheetId 0, as in Google.
  addSheetTo(ss, { sheetId: 0, title: firstSheetTitle });
  return ss;
}

/** Adds a sheet; fills Google's defaults (1000×26 grid, random id, "SheetN" title). */
export function addSheetTo(ss: Spreadsheet, props: Partial<SheetProperties>): Sheet {
  const title = props.title ?? nextDefaultTitle(ss);
  if (findSheet(ss, title, true)) {
    throw invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
  }
  let sheetId = props.sheetId;
  if (sheetId !== undefined && ss.sheets.some((s) => s.properties.sheetId === sheetId)) {
    throw invalid(`A sheet with id ${sheetId} already exists.`);
  }
  while (sheetId === undefined || ss.sheets.some((s) => s.properties.sheetId === sheetId)) {
    sheetId = randomInt(1, 2 ** 31 - 1);
  }
  const index = Math.min(Math.max(props.index ?? ss.sheets.length, 0), ss.sheets.length);
  const grid = props.gridProperties ?? { rowCount: DEFAULT_ROWS, columnCount: DEFAULT_COLUMNS };
  const sheet: Sheet = {
    properties: {
      ...props,
      sheetId,
      title,
      index,
      sheetType: 'GRID',
      gridProperties: {
        ...grid,
        rowCount: grid.rowCount ?? DEFAULT_ROWS,
        columnCount: grid.columnCount ?? DEFAULT_COLUMNS,
      },
    },
    rows: [],
  };
  ss.sheets.splice(index, 0, sheet);
  reindex(ss);
  observerOf(ss)?.sheetAdded(sheet);
  return sheet;
}

function nextDefaultTitle(ss: Spreadsheet): string {
  for (let n = ss.sheets.length + 1; ; n++) {
    if (!findSheet(ss, `Sheet${n}`, true)) return `Sheet${n}`;
  }
}

export function reindex(ss: Spreadsheet): void {
  ss.sheets.forEach((s, i) => (s.properties.index = i));
}

/** Sheet by title: exact match first, then case-insensitive (Google accepts `sheet1!A1`). */
export function findSheet(ss: Spreadsheet, title: string, caseInsensitiveOnly = false): Sheet | undefined {
  if (!caseInsensitiveOnly) {
    const exact = ss.sheets.find((s) => s.properties.title === title);
    if (exact) return exact;
  }
  const lower = title.toLowerCase();
  return ss.sheets.find((s) => s.properties.title.toLowerCase() === lower);
}

export function sheetById(ss: Spreadsheet, sheetId: number | undefined, where: string): Sheet {
  const sheet = ss.sheets.find((s) => s.properties.sheetId === (sheetId ?? 0));
  if (!sheet) throw invalid(`Invalid ${where}: No grid with id: ${sheetId ?? 0}`);
  return sheet;
}

export interface ResolvedRange {
  sheet: Sheet;
  requested: A1Range;
  box: GridBox;
}

/** Resolves an API range string against a spreadsheet; 400 "Unable to parse range" otherwise. */
export function resolveRange(ss: Spreadsheet, text: string): ResolvedRange {
  let parsed: A1Range;
  try {
    parsed = parseA1(text);
  } catch (e) {
    if (e instanceof A1ParseError) throw badRange(text);
    throw e;
  }
  const sheet = parsed.sheetName === undefined ? ss.sheets[0] : findSheet(ss, parsed.sheetName);
  if (!sheet) throw badRange(text);
  const g = sheet.properties.gridProperties;
  return { sheet, requested: parsed, box: clipToGrid(parsed, g.rowCount, g.columnCount) };
}

export function gridRangeBox(sheet: Sheet, r: GridRange): GridBox {
  const g = sheet.properties.gridProperties;
  return {
    startRow: r.startRowIndex ?? 0,
    endRow: r.endRowIndex ?? g.rowCount,
    startCol: r.startColumnIndex ?? 0,
    endCol: r.endColumnIndex ?? g.columnCount,
  };
}

export function touch(ss: Spreadsheet): void {
  ss.revision++;
}
