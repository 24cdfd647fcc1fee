// Structural edits: inserting rows/columns, growing the grid, renaming a sheet. Inserting
// shifts the cells and rewrites every formula (in every sheet) that points at or past the
// insertion, plus the protected ranges, conditional formats and filters of the sheet, so
// everything keeps pointing at the same data — what Sheets does. The formula engine is told
// afterwards and mirrors the edit on its side (engine-live.ts) rather than starting over.
import { invalid } from './errors';
import { mayShift, namesSheet } from './formula-info';
import { renameInFormula, shiftFormula } from './formula-refs';
import { findSheet, observerOf, replaceCell, setCell } from './model';
import type { CellData, Dimension, GridRange, Json, Sheet, Spreadsheet } from './model';

export type { Dimension } from './model';

export function parseDimension(v: unknown, where: string): Dimension {
  if (v === 'ROWS' || v === 'COLUMNS') return v;
  throw invalid(`Invalid ${where}: dimension must be ROWS or COLUMNS.`);
}

function shiftGridRange(r: GridRange | undefined, dim: Dimension, start: number, n: number): void {
  if (!r) return;
  const [s, e] = dim === 'ROWS' ? (['startRowIndex', 'endRowIndex'] as const) : (['startColumnIndex', 'endColumnIndex'] as const);
  if (r[s] !== undefined && r[s] >= start) r[s] += n;
  if (r[e] !== undefined && r[e] > start) r[e] += n;
}

function shiftMetadata(meta: Record<string, Json> | undefined, start: number, n: number): Record<string, Json> | undefined {
  if (!meta) return meta;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(meta)) {
    const i = Number(k);
    out[String(i >= start ? i + n : i)] = v;
  }
  return out;
}

/** Copies the formatting and validation of a neighbouring row/column into inserted cells. */
function inherit(sheet: Sheet, dim: Dimension, from: number, start: number, n: number): void {
  const pickStyle = (c: CellData | null | undefined): CellData | undefined => {
    if (!c) return undefined;
    const out: CellData = {};
    if (c.userEnteredFormat) out.userEnteredFormat = structuredClone(c.userEnteredFormat);
    if (c.dataValidation) out.dataValidation = structuredClone(c.dataValidation);
    return Object.keys(out).length ? out : undefined;
  };
  if (dim === 'ROWS') {
    const src = sheet.rows[from];
    if (!src) return;
    for (let r = start; r < start + n; r++) src.forEach((c, col) => setCell(sheet, r, col, pickStyle(c)));
  } else {
    sheet.rows.forEach((row, r) => {
      const style = pickStyle(row?.[from]);
      if (style) for (let c = start; c < start + n; c++) setCell(sheet, r, c, structuredClone(style));
    });
  }
}

export function insertDimension(
  ss: Spreadsheet,
  sheet: Sheet,
  dim: Dimension,
  start: number,
  end: number,
  inheritFromBefore: boolean,
): void {
  const grid = sheet.properties.gridProperties;
  const limit = dim === 'ROWS' ? grid.rowCount : grid.columnCount;
  const n = end - start;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || n <= 0 || start > limit) {
    throw invalid(`Range [${start}, ${end}) is not valid for a sheet with ${limit} ${dim.toLowerCase()}.`);
  }
  if (start === 0 && inheritFromBefore) {
    throw invalid('Cannot insert at index 0 with inheritFromBefore set to true.');
  }
  if (dim === 'ROWS') {
    if (start < sheet.rows.length) sheet.rows.splice(start, 0, ...new Array<null>(n).fill(null));
    grid.rowCount += n;
  } else {
    // New row arrays: stored ones may be shared with the spreadsheet this write copied.
    sheet.rows.forEach((row, r) => {
      if (row && start < row.length) sheet.rows[r] = [...row.slice(0, start), ...new Array<null>(n).fill(null), ...row.slice(start)];
    });
    grid.columnCount += n;
  }
  const from = inheritFromBefore ? start - 1 : start + n;
  if (from < (dim === 'ROWS' ? grid.rowCount : grid.columnCount)) inherit(sheet, dim, from, start, n);

  for (const owner of ss.sheets) {
    const [ownerTitle, target] = [owner.properties.title, sheet.properties.title];
    for (let r = 0; r < owner.rows.length; r++) {
      const row = owner.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        const f = cell?.userEnteredValue?.formulaValue;
        if (!cell || f === undefined || !mayShift(f, ownerTitle, target, dim === 'ROWS', start)) continue;
        const shifted = shiftFormula(f, ownerTitle, target, dim, start, n);
        if (shifted !== f) replaceCell(owner, r, c, { ...cell, userEnteredValue: { formulaValue: shifted } });
      }
    }
  }
  for (const p of sheet.protectedRanges ?? []) shiftGridRange(p['range'] as GridRange | undefined, dim, start, n);
  for (const cf of sheet.conditionalFormats ?? []) {
    for (const r of (cf['ranges'] as GridRange[] | undefined) ?? []) shiftGridRange(r, dim, start, n);
  }
  shiftGridRange(sheet.basicFilter?.['range'] as GridRange | undefined, dim, start, n);
  for (const fv of sheet.filterViews ?? []) shiftGridRange(fv['range'] as GridRange | undefined, dim, start, n);
  if (dim === 'ROWS') {
    const m = shiftMetadata(sheet.rowMetadata, start, n);
    if (m) sheet.rowMetadata = m;
  } else {
    const m = shiftMetadata(sheet.columnMetadata, start, n);
    if (m) sheet.columnMetadata = m;
  }
  observerOf(sheet)?.dimensionInserted(sheet, dim, start, n, limit);
}

export function appendDimension(sheet: Sheet, dim: Dimension, length: number): void {
  if (!Number.isInteger(length) || length <= 0) throw invalid('length must be greater than 0.');
  const grid = sheet.properties.gridProperties;
  ensureGrid(sheet, grid.rowCount + (dim === 'ROWS' ? length : 0), grid.columnCount + (dim === 'COLUMNS' ? length : 0));
}

/** Grows the grid so that it holds at least rows × cols (append's implicit growth). */
export function ensureGrid(sheet: Sheet, rows: number, cols: number): void {
  const grid = sheet.properties.gridProperties;
  const before = { rowCount: grid.rowCount, columnCount: grid.columnCount };
  grid.rowCount = Math.max(grid.rowCount, rows);
  grid.columnCount = Math.max(grid.columnCount, cols);
  if (grid.rowCount !== before.rowCount || grid.columnCount !== before.columnCount) {
    observerOf(sheet)?.gridResized(sheet, before);
  }
}

/** Google's answer when a write falls outside the grid (values.update does not grow it). */
export function checkInGrid(sheet: Sheet, endRow: number, endCol: number, rangeText: string): void {
  const g = sheet.properties.gridProperties;
  if (endRow > g.rowCount || endCol > g.columnCount) {
    throw invalid(`Range (${rangeText}) exceeds grid limits. Max rows: ${g.rowCount}, max columns: ${g.columnCount}`);
  }
}

/** Renames a sheet's references in every formula (the title itself is set by the caller). */
export function renameSheet(ss: Spreadsheet, sheet: Sheet, title: string): void {
  const old = sheet.properties.title;
  if (title === old) return;
  const clash = findSheet(ss, title, true);
  if (clash && clash !== sheet) throw invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
  for (const owner of ss.sheets) {
    owner.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        const f = cell?.userEnteredValue?.formulaValue;
        if (!cell || f === undefined || !namesSheet(f, old)) return;
        const renamed = renameInFormula(f, old, title);
        if (renamed !== f) replaceCell(owner, r, c, { ...cell, userEnteredValue: { formulaValue: renamed } });
      }),
    );
  }
}
