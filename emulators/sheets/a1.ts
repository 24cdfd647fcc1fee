// A1 notation as the Sheets API accepts it in `range` parameters: an optional sheet name
// (quoted with '…' and '' for an apostrophe when it is not a plain identifier), then a cell,
// a cell range, or an open-ended range (`A2:A`, `A:C`, `2:5`); a bare sheet name means the
// whole sheet. Indexes are 0-based with exclusive ends, like the API's GridRange, and an
// undefined bound means "to the edge of the grid" so the caller clips it to the sheet's size.

export interface A1Range {
  sheetName?: string;
  startRow?: number;
  endRow?: number;
  startCol?: number;
  endCol?: number;
}

export interface GridBox {
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
}

export class A1ParseError extends Error {}

export function columnToLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// Google leaves a name unquoted only when it reads as a plain identifier that cannot be
// mistaken for a cell (A1), an R1C1 reference or a boolean; everything else — spaces, `·`,
// apostrophes, digits first — is quoted, which is how 'Sol·licituds'!A1:Z1000 comes back.
export function quoteSheetName(title: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(title) &&
    !/^[Rr][0-9]*[Cc][0-9]*$/.test(title) &&
    !/^(true|false)$/i.test(title);
  return plain ? title : `'${title.replace(/'/g, "''")}'`;
}

interface Endpoint {
  col?: number;
  row?: number;
}

const ENDPOINT = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

function parseEndpoint(text: string): Endpoint | undefined {
  const m = ENDPOINT.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  const ep: Endpoint = {};
  if (m[1]) ep.col = lettersToColumn(m[1]);
  if (m[2]) {
    const row = Number(m[2]);
    if (row < 1) return undefined;
    ep.row = row - 1;
  }
  return ep;
}

/** Parses the part after `!`; undefined when it is not a cell reference. */
export function parseCells(text: string): Omit<A1Range, 'sheetName'> | undefined {
  const parts = text.split(':');
  if (parts.length > 2) return undefined;
  const a = parseEndpoint(parts[0] ?? '');
  if (!a) return undefined;
  if (parts.length === 1) {
    // A lone endpoint must be a full cell: `A` or `5` alone is not a range.
    if (a.col === undefined || a.row === undefined) return undefined;
    return { startRow: a.row, endRow: a.row + 1, startCol: a.col, endCol: a.col + 1 };
  }
  const b = parseEndpoint(parts[1] ?? '');
  if (!b) return undefined;
  const out: Omit<A1Range, 'sheetName'> = {};
  if (a.col !== undefined && b.col !== undefined) {
    out.startCol = Math.min(a.col, b.col);
    out.endCol = Math.max(a.col, b.col) + 1;
  } else if (a.col !== undefined || b.col !== undefined) {
    return undefined; // `2:B5`, `A2:5`, `A:5`: a column on one side only
  }
  if (a.row !== undefined && b.row !== undefined) {
    out.startRow = Math.min(a.row, b.row);
    out.endRow = Math.max(a.row, b.row) + 1;
  } else if (a.row !== undefined) {
    out.startRow = a.row; // `A2:A` — from row 2 to the bottom of the sheet
  } else if (b.row !== undefined) {
    out.endRow = b.row + 1; // `A:B5` — from the top down to row 5
  }
  return out;
}

/** Parses an API range string. Throws A1ParseError for text Google would refuse. */
export function parseA1(text: string): A1Range {
  const src = text.trim();
  if (!src) throw new A1ParseError(text);
  if (src.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      if (i >= src.length) throw new A1ParseError(text);
      const ch = src[i] as string;
      if (ch === "'") {
        if (src[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    const rest = src.slice(i + 1);
    if (!name) throw new A1ParseError(text);
    if (rest === '') return { sheetName: name };
    if (!rest.startsWith('!')) throw new A1ParseError(text);
    const cells = parseCells(rest.slice(1));
    if (!cells) throw new A1ParseError(text);
    return { sheetName: name, ...cells };
  }
  const bang = src.indexOf('!');
  if (bang >= 0) {
    const name = src.slice(0, bang);
    const cells = parseCells(src.slice(bang + 1));
    if (!name || !cells) throw new A1ParseError(text);
    return { sheetName: name, ...cells };
  }
  // No `!`: a valid cell range refers to the first sheet; anything else is a sheet title.
  const cells = parseCells(src);
  return cells ?? { sheetName: src };
}

/** Clips open or oversized bounds to a grid of rowCount × columnCount. */
export function clipToGrid(r: A1Range, rowCount: number, columnCount: number): GridBox {
  return {
    startRow: Math.min(r.startRow ?? 0, rowCount),
    endRow: Math.min(r.endRow ?? rowCount, rowCount),
    startCol: Math.min(r.startCol ?? 0, columnCount),
    endCol: Math.min(r.endCol ?? columnCount, columnCount),
  };
}

export function formatCells(box: GridBox): string {
  const a = `${columnToLetters(box.startCol)}${box.startRow + 1}`;
  const b = `${columnToLetters(Math.max(box.endCol - 1, box.startCol))}${Math.max(box.endRow, box.startRow + 1)}`;
  return a === b ? a : `${a}:${b}`;
}

/** `'Sol·licituds'!A1:Z1000`, or `Sheet1!B3` for a single cell, as Google echoes ranges. */
export function formatA1(sheetTitle: string, box: GridBox): string {
  return `${quoteSheetName(sheetTitle)}!${formatCells(box)}`;
}
