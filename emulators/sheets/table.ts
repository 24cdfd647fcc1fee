// Where appended data lands. values.append looks for a "table" in the input range: the first
// row inside the range holding data starts it, and it grows (like a spreadsheet's "current
// region") down through following rows and sideways through adjacent columns that hold
// data; values go to the row after it, from its first column. appendCells goes after the
// last row with data anywhere in the sheet. What counts as data is render.ts's hasData.
import type { GridBox } from './a1';
import type { Evaluation } from './engine';
import { hasData } from './render';
import type { Sheet } from './model';

function rowHasData(ev: Evaluation, sheet: Sheet, row: number, c1: number, c2: number): boolean {
  for (let c = c1; c <= c2; c++) if (hasData(ev, sheet, row, c)) return true;
  return false;
}

function colHasData(ev: Evaluation, sheet: Sheet, col: number, r1: number, r2: number): boolean {
  for (let r = r1; r <= r2; r++) if (hasData(ev, sheet, r, col)) return true;
  return false;
}

/** Rows worth scanning: beyond these neither entered nor computed values exist. */
function scanLimit(ev: Evaluation, sheet: Sheet): number {
  return Math.min(Math.max(sheet.rows.length, ev.height(sheet)), sheet.properties.gridProperties.rowCount);
}

/** The table found in `box`, as an inclusive-exclusive box; undefined when the range is empty. */
export function findTable(ev: Evaluation, sheet: Sheet, box: GridBox): GridBox | undefined {
  const grid = sheet.properties.gridProperties;
  const limit = Math.min(box.endRow, scanLimit(ev, sheet));
  let start: [number, number] | undefined;
  for (let r = box.startRow; r < limit && !start; r++) {
    for (let c = box.startCol; c < box.endCol; c++) {
      if (hasData(ev, sheet, r, c)) {
        start = [r, c];
        break;
      }
    }
  }
  if (!start) return undefined;
  let [r1, c1] = start;
  let [r2, c2] = start;
  for (let grew = true; grew; ) {
    grew = false;
    while (c1 > 0 && colHasData(ev, sheet, c1 - 1, r1, r2)) {
      c1--;
      grew = true;
    }
    while (c2 + 1 < grid.columnCount && colHasData(ev, sheet, c2 + 1, r1, r2)) {
      c2++;
      grew = true;
    }
    while (r2 + 1 < grid.rowCount && rowHasData(ev, sheet, r2 + 1, Math.max(c1 - 1, 0), Math.min(c2 + 1, grid.columnCount - 1))) {
      r2++;
      grew = true;
    }
  }
  return { startRow: r1, endRow: r2 + 1, startCol: c1, endCol: c2 + 1 };
}

/** Index of the row after the last one holding data (0 for an empty sheet). */
export function rowAfterLastData(ev: Evaluation, sheet: Sheet): number {
  const cols = sheet.properties.gridProperties.columnCount;
  for (let r = scanLimit(ev, sheet) - 1; r >= 0; r--) {
    if (rowHasData(ev, sheet, r, 0, cols - 1)) return r + 1;
  }
  return 0;
}
