// The batchUpdate requests the Sheets adapter writes with: new request rows (with their
// helper formulas), log entries, evaluation answers. Built from what the last read saw.
import type { sheets_v4 } from '@googleapis/sheets';
import type { LogEntry } from '../domain/log-entry';
import { toLogRow } from '../workspace/log-row';
import { requestFormulas } from '../workspace/request-formulas';
import { MACHINE_HEADERS, type CellValue } from '../workspace/request-row';
import { columnLetter } from '../workspace/tabs';
import { formulaCell, toCell } from './sheets-cells';

export interface SheetInfo {
  sheetId: number;
  rowCount: number;
}

/**
 * Rows below the last request, into freshly inserted rows (inheriting the row above's
 * validation and format), so nothing a person typed below the table is overwritten and
 * Sheets' table detection (which array-formula columns can mislead) is not relied on.
 * `at`: 0-based index of the first new row; `header`, `headerIndex`: the tab's as read.
 */
export function requestRowsRequests(
  info: SheetInfo,
  at: number,
  header: readonly string[],
  headerIndex: ReadonlyMap<string, number>,
  rows: Record<string, CellValue>[],
): sheets_v4.Schema$Request[] {
  if (!rows.length) return [];
  const requests: sheets_v4.Schema$Request[] = [];
  const letterOf = (h: string) => columnLetter(headerIndex.get(h) ?? 0);
  // Helper formulas are ours, written with the row (same call); only headers the sheet has.
  const formulas = rows.map((_, i) => Object.fromEntries(Object.entries(requestFormulas(at + i + 1, letterOf)).filter(([h]) => headerIndex.has(h))));
  const width = Math.max(...[...MACHINE_HEADERS, ...Object.keys(formulas[0] ?? {})].map((h) => headerIndex.get(h)!)) + 1;
  // Inserting at row 2 would push an open range like A2:A down past the new row, so an
  // empty table is written in place; past the grid's end, rows are appended.
  if (at > 1 && at < info.rowCount) {
    requests.push({ insertDimension: { range: { sheetId: info.sheetId, dimension: 'ROWS', startIndex: at, endIndex: at + rows.length }, inheritFromBefore: true } });
  } else if (at + rows.length > info.rowCount) {
    requests.push({ appendDimension: { sheetId: info.sheetId, dimension: 'ROWS', length: at + rows.length - info.rowCount } });
  }
  requests.push({
    updateCells: {
      start: { sheetId: info.sheetId, rowIndex: at, columnIndex: 0 },
      rows: rows.map((row, r) => ({
        values: Array.from({ length: width }, (_, i) => {
          const h = header[i] ?? '';
          const f = formulas[r]![h];
          return f ? formulaCell(f) : toCell(MACHINE_HEADERS.includes(h) ? row[h] : undefined);
        }),
      })),
      fields: 'userEnteredValue',
    },
  });
  return requests;
}

/** Answers below the last one: `at` is the 0-based row after the header and the answers so far. */
export function evaluationRequests(info: SheetInfo, at: number, rows: CellValue[][]): sheets_v4.Schema$Request[] {
  if (!rows.length) return [];
  const grow = at + rows.length - info.rowCount;
  return [
    ...(grow > 0 ? [{ appendDimension: { sheetId: info.sheetId, dimension: 'ROWS', length: grow } }] : []),
    { updateCells: { start: { sheetId: info.sheetId, rowIndex: at, columnIndex: 0 }, rows: rows.map((r) => ({ values: r.map((v) => toCell(v)) })), fields: 'userEnteredValue' } },
  ];
}

/** The log tab is machine-only: appendCells' "after the last row with data" is exact there. */
export function logRequests(info: SheetInfo, log: LogEntry[]): sheets_v4.Schema$Request[] {
  if (!log.length) return [];
  return [{ appendCells: { sheetId: info.sheetId, rows: log.map((e) => ({ values: toLogRow(e).map((v) => toCell(v)) })), fields: 'userEnteredValue' } }];
}
