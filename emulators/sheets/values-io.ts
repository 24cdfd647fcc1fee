// Reading and writing a rectangle of values — shared by every values endpoint and by the
// batchUpdate response's `updatedData`. Reads answer like Google: the requested range
// normalised and clipped to the grid, trailing empty rows and trailing empty cells of each
// row (or column, for majorDimension=COLUMNS) trimmed, `values` omitted when nothing is left.
import { columnToLetters, formatA1 } from './a1';
import type { GridBox } from './a1';
import { applyInput } from './cell-input';
import type { ValueInputOption } from './cell-input';
import { evaluate } from './engine';
import { invalid } from './errors';
import { getCell, resolveRange, setCell, touch } from './model';
import type { Sheet, Spreadsheet } from './model';
import { renderCell } from './render';
import type { CellOut, RenderOptions } from './render';
import { checkInGrid } from './structure';

export type MajorDimension = 'ROWS' | 'COLUMNS';

export interface ValueRange {
  range: string;
  majorDimension: MajorDimension;
  values?: CellOut[][];
}

export function parseMajorDimension(v: unknown): MajorDimension {
  if (v === undefined || v === '' || v === 'ROWS' || v === 'DIMENSION_UNSPECIFIED') return 'ROWS';
  if (v === 'COLUMNS') return 'COLUMNS';
  throw invalid(`Invalid value at 'major_dimension', "${String(v)}"`);
}

function trim(matrix: CellOut[][]): CellOut[][] {
  const out = matrix.map((row) => {
    let n = row.length;
    while (n > 0 && row[n - 1] === '') n--;
    return row.slice(0, n);
  });
  while (out.length && (out[out.length - 1] as CellOut[]).length === 0) out.pop();
  return out;
}

export function readBox(ss: Spreadsheet, sheet: Sheet, box: GridBox, opts: RenderOptions, major: MajorDimension): ValueRange {
  const ev = evaluate(ss);
  // Only rows that can hold anything are rendered; the rest would be trimmed anyway.
  const lastRow = ev.lastRow(sheet, box);
  let matrix: CellOut[][] = [];
  for (let r = box.startRow; r < lastRow; r++) {
    const row: CellOut[] = [];
    for (let c = box.startCol; c < box.endCol; c++) row.push(renderCell(ev, sheet, r, c, opts, ss.properties['locale']));
    matrix.push(row);
  }
  if (major === 'COLUMNS') {
    const width = box.endCol - box.startCol;
    matrix = Array.from({ length: width }, (_, c) => matrix.map((row) => row[c] ?? ''));
  }
  const values = trim(matrix);
  const out: ValueRange = { range: formatA1(sheet.properties.title, box), majorDimension: major };
  if (values.length) out.values = values;
  return out;
}

export function readRange(ss: Spreadsheet, text: string, opts: RenderOptions, major: MajorDimension): ValueRange {
  const { sheet, box } = resolveRange(ss, text);
  return readBox(ss, sheet, box, opts, major);
}

export interface WriteResult {
  sheet: Sheet;
  box?: GridBox;
  updatedRange?: string;
  updatedRows: number;
  updatedColumns: number;
  updatedCells: number;
}

/** Validates a ValueRange body's `values` and returns it row-major. */
export function toRows(values: unknown, major: MajorDimension): unknown[][] {
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values) || values.some((r) => !Array.isArray(r))) {
    throw invalid("Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue)");
  }
  const rows = values as unknown[][];
  if (major === 'ROWS') return rows;
  const height = Math.max(0, ...rows.map((col) => col.length));
  return Array.from({ length: height }, (_, r) => rows.map((col) => col[r] ?? null));
}

/** Writes `rows` with its top-left cell at (row, col). The grid must already fit them. */
export function writeAt(
  ss: Spreadsheet,
  sheet: Sheet,
  row: number,
  col: number,
  rows: unknown[][],
  option: ValueInputOption,
): WriteResult {
  const height = rows.length;
  const width = Math.max(0, ...rows.map((r) => r.length));
  const result: WriteResult = { sheet, updatedRows: 0, updatedColumns: 0, updatedCells: 0 };
  if (!height || !width) return result;
  const box = { startRow: row, endRow: row + height, startCol: col, endCol: col + width };
  checkInGrid(sheet, box.endRow, box.endCol, formatA1(sheet.properties.title, box));
  const touchedCols = new Set<number>();
  rows.forEach((values, r) => {
    let any = false;
    values.forEach((v, c) => {
      const cell = applyInput(getCell(sheet, row + r, col + c), v, option, `values[${r}][${c}]`, ss.properties['locale']);
      if (!cell) return;
      setCell(sheet, row + r, col + c, cell);
      result.updatedCells++;
      touchedCols.add(c);
      any = true;
    });
    if (any) result.updatedRows++;
  });
  result.updatedColumns = touchedCols.size;
  result.box = box;
  result.updatedRange = formatA1(sheet.properties.title, box);
  touch(ss);
  return result;
}

/** values.update semantics: data must fit inside an explicitly bounded range. */
export function writeRange(
  ss: Spreadsheet,
  text: string,
  body: { values?: unknown; majorDimension?: unknown; range?: unknown },
  option: ValueInputOption,
): WriteResult {
  const { sheet, requested } = resolveRange(ss, text);
  const major = parseMajorDimension(body.majorDimension);
  const rows = toRows(body.values, major);
  const startRow = requested.startRow ?? 0;
  const startCol = requested.startCol ?? 0;
  const width = Math.max(0, ...rows.map((r) => r.length));
  const title = sheet.properties.title;
  const asked = formatA1(title, {
    startRow,
    endRow: requested.endRow ?? sheet.properties.gridProperties.rowCount,
    startCol,
    endCol: requested.endCol ?? sheet.properties.gridProperties.columnCount,
  });
  // A single cell is only an anchor: the data may extend right and down from it.
  const anchor = requested.endRow === startRow + 1 && requested.endCol === startCol + 1;
  if (!anchor && requested.endCol !== undefined && startCol + width > requested.endCol) {
    throw invalid(`Requested writing within range [${asked}], but tried writing to column [${columnToLetters(startCol + width - 1)}]`);
  }
  if (!anchor && requested.endRow !== undefined && startRow + rows.length > requested.endRow) {
    throw invalid(`Requested writing within range [${asked}], but tried writing to row [${startRow + rows.length}]`);
  }
  return writeAt(ss, sheet, startRow, startCol, rows, option);
}

export function clearRange(ss: Spreadsheet, text: string): string {
  const { sheet, box } = resolveRange(ss, text);
  for (let r = box.startRow; r < Math.min(box.endRow, sheet.rows.length); r++) {
    for (let c = box.startCol; c < box.endCol; c++) {
      const cell = getCell(sheet, r, c);
      if (!cell?.userEnteredValue) continue;
      const { userEnteredValue: _v, ...rest } = cell;
      setCell(sheet, r, c, rest);
    }
  }
  touch(ss);
  return formatA1(sheet.properties.title, box);
}
