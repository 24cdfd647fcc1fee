// Cell storage, the copy a write works on, and the hooks that keep the formula engine in step.
//
// Writes work on a copy (index.ts) that shares row arrays and cells with the stored
// spreadsheet: deep-copying a 1,000-row workspace for every write cost more than the write
// itself. So a row array or CellData object, once stored, is never changed in place — it is
// replaced (setCell and replaceCell copy a row first unless this write made it) — and the
// live formula engine (engine-live.ts) hears of every change to an entered value through
// ModelObserver instead of rebuilding from the model.
import type { CellData, ExtendedValue, Sheet, Spreadsheet } from './model-types';

export type Dimension = 'ROWS' | 'COLUMNS';

/**
 * Told about model changes that matter to formulas (engine-live.ts). Cell values come
 * through setCell; the rest is reported by the structural edits after the model changed.
 */
export interface ModelObserver {
  cellChanged(sheet: Sheet, row: number, col: number): void;
  /** `count` rows/columns inserted at `start` (formulas already rewritten); `before` = old size. */
  dimensionInserted(sheet: Sheet, dim: Dimension, start: number, count: number, before: number): void;
  /** The grid changed size (grown at its end or shrunk) without inserting inside it. */
  gridResized(sheet: Sheet, before: { rowCount: number; columnCount: number }): void;
  sheetAdded(sheet: Sheet): void;
  sheetRemoved(sheet: Sheet): void;
  sheetRenamed(sheet: Sheet, oldTitle: string): void;
}

const observers = new WeakMap<Spreadsheet | Sheet, ModelObserver>();

export function setObserver(target: Spreadsheet | Sheet, observer: ModelObserver | undefined): void {
  if (observer) observers.set(target, observer);
  else observers.delete(target);
}

export function observerOf(target: Spreadsheet | Sheet): ModelObserver | undefined {
  return observers.get(target);
}

// Row arrays made during the current write may be changed in place; older ones are shared
// with the stored spreadsheet and are copied first. A new generation starts with each copy.
let generation = 0;
const madeIn = new WeakMap<object, number>();

/** The copy a write works on: everything but the cells is deep-copied, rows are shared. */
export function cloneForWrite(ss: Spreadsheet): Spreadsheet {
  generation++;
  const { sheets, ...rest } = ss;
  return {
    ...structuredClone(rest),
    sheets: sheets.map(({ rows, ...sheet }) => ({ ...structuredClone(sheet), rows: rows.slice() })),
  };
}

/** Row `row` of the sheet, safe to change in place (created or copied as needed). */
export function ownRow(sheet: Sheet, row: number): Array<CellData | null> {
  while (sheet.rows.length <= row) sheet.rows.push(null);
  const r = sheet.rows[row];
  if (r && madeIn.get(r) === generation) return r;
  const own = r ? r.slice() : [];
  madeIn.set(own, generation);
  sheet.rows[row] = own;
  return own;
}

export function getCell(sheet: Sheet, row: number, col: number): CellData | undefined {
  return sheet.rows[row]?.[col] ?? undefined;
}

const isEmptyCell = (cell: CellData): boolean => Object.keys(cell).length === 0;

function sameValue(a: ExtendedValue | undefined, b: ExtendedValue | undefined): boolean {
  if (a === b) return true;
  return (
    a?.formulaValue === b?.formulaValue &&
    a?.stringValue === b?.stringValue &&
    a?.numberValue === b?.numberValue &&
    a?.boolValue === b?.boolValue &&
    a?.errorValue?.type === b?.errorValue?.type &&
    a?.errorValue?.message === b?.errorValue?.message
  );
}

/** Stores a cell; an empty object removes it so the sheet stays sparse. */
export function setCell(sheet: Sheet, row: number, col: number, cell: CellData | undefined): void {
  const before = getCell(sheet, row, col);
  replaceCell(sheet, row, col, cell);
  if (!sameValue(before?.userEnteredValue, cell?.userEnteredValue)) observerOf(sheet)?.cellChanged(sheet, row, col);
}

/**
 * setCell without telling the engine: for rewrites that keep a formula pointing at the same
 * data (inserted rows, renamed sheets), which the engine reproduces on its own side.
 */
export function replaceCell(sheet: Sheet, row: number, col: number, cell: CellData | undefined): void {
  if (!cell || isEmptyCell(cell)) {
    const r = sheet.rows[row];
    if (r && col < r.length && r[col]) {
      const own = ownRow(sheet, row);
      own[col] = null;
      while (own.length && own[own.length - 1] === null) own.pop();
      if (!own.length) sheet.rows[row] = null;
    }
    while (sheet.rows.length && !sheet.rows[sheet.rows.length - 1]) sheet.rows.pop();
    return;
  }
  const r = ownRow(sheet, row);
  while (r.length <= col) r.push(null);
  r[col] = cell;
}

/** Mutable access: returns the stored cell or a new one to fill (call setCell to keep it). */
export function cellForWrite(sheet: Sheet, row: number, col: number): CellData {
  return { ...(getCell(sheet, row, col) ?? {}) };
}

export function hasEnteredValue(cell: CellData | undefined): boolean {
  return !!cell?.userEnteredValue && Object.keys(cell.userEnteredValue).length > 0;
}

