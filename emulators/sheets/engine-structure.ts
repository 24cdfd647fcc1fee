// Replaying structural edits (inserted rows and columns, grown grids, added, renamed and
// removed sheets) on HyperFormula, re-translating only the formulas whose translation changed.
// HyperFormula's addRows/addColumns move references exactly as structure.ts rewrites the
// formula text, except open starts (`A:A` keeps row 1 when rows go in at the top) and
// ROW()/COLUMN() over a range, which were translated to a fixed SEQUENCE.
//
// Growth at the grid's end needs more care. Open-ended ranges (`A2:A`, `$A:$A`) are handed
// over bounded at the grid's last row, so after the grid grows they must end further down.
// Re-translating them all — in the project's workspace, thousands of whole-column lookups —
// would cost as much as a rebuild, on every request once the request tab has filled its
// grid. Instead, rows (or columns) are inserted in HyperFormula just before the old last
// one: every range that ends there grows, which is exactly what the open-ended ones need.
// What that also moved — the old last row itself and any reference written explicitly at or
// past it, which the model kept in place — is then put back: the last row's cells are set
// again and the formulas that name such rows are re-translated. formula-info.ts finds those
// few without tokenizing. (Bounding open ranges far past the grid instead would make
// COUNTBLANK(A2:A), ROWS(A:A) or an ARRAYFORMULA's size differ from Sheets.)
import type { HyperFormula } from 'hyperformula';
import { formulaInfo, namesSheet } from './formula-info';
import type { FormulaInfo, RefTarget } from './formula-info';
import type { TranslateContext } from './formula-translate';
import type { Dimension, Sheet, Spreadsheet } from './model';

/** What these replays need of the live engine (engine-live.ts), named here so neither file imports the other's. */
export interface LiveEngine {
  model: Spreadsheet;
  id(sheet: Sheet): number;
  context(owner: Sheet): TranslateContext;
  edit(): HyperFormula;
  set(sheet: Sheet, row: number, col: number, id?: number, ctx?: TranslateContext): void;
  stretch(sheet: Sheet, id: number): void;
}

/** Re-sets, from the model, every formula with a reference to `target` that `match` picks. */
export function retranslate(live: LiveEngine, target: Sheet, match: (t: RefTarget, info: FormulaInfo) => boolean): void {
  const title = target.properties.title.toLowerCase();
  for (const owner of live.model.sheets) {
    const own = owner.properties.title.toLowerCase() === title;
    let at: [number, ReturnType<LiveEngine['context']>] | undefined;
    for (let r = 0; r < owner.rows.length; r++) {
      const row = owner.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const f = row[c]?.userEnteredValue?.formulaValue;
        if (f === undefined) continue;
        const info = formulaInfo(f);
        if (!info.targets.some((t) => (t.sheet === '' ? own : t.sheet === title) && match(t, info))) continue;
        at ??= [live.id(owner), live.context(owner)];
        live.set(owner, r, c, at[0], at[1]);
      }
    }
  }
}

/** Mirrors a grid grown at its end from `before` = [rows, columns] to its current size. */
export function growAtEnd(live: LiveEngine, sheet: Sheet, before: [number, number]): void {
  const g = sheet.properties.gridProperties;
  const [dr, dc] = [g.rowCount - before[0], g.columnCount - before[1]];
  const [lastRow, lastCol] = [before[0] - 1, before[1] - 1];
  const id = live.id(sheet);
  live.stretch(sheet, id);
  if ((dr && lastRow < 1) || (dc && lastCol < 1)) {
    // Inserting before the first row would move everything: translate all references again.
    retranslate(live, sheet, () => true);
    return;
  }
  const hf = live.edit();
  if (dr) hf.addRows(id, [lastRow, dr]);
  if (dc) hf.addColumns(id, [lastCol, dc]);
  const ctx = live.context(sheet);
  const restore = (r: number, c: number): void => {
    if (!sheet.rows[r]?.[c]) return;
    const moved = { sheet: id, row: dr && r >= lastRow ? r + dr : r, col: dc && c >= lastCol ? c + dc : c };
    hf.setCellContents(moved, [[null]]);
    live.set(sheet, r, c, id, ctx);
  };
  if (dr) sheet.rows[lastRow]?.forEach((_, c) => restore(lastRow, c));
  if (dc) sheet.rows.forEach((_, r) => (dr && r === lastRow ? undefined : restore(r, lastCol)));
  retranslate(live, sheet, (t, info) => info.rowFn || (dr > 0 && t.maxRow >= lastRow) || (dc > 0 && t.maxCol >= lastCol));
}

/** Mirrors `count` rows/columns inserted at `start`, inside a grid that had `before` of them. */
export function insertInside(live: LiveEngine, sheet: Sheet, dim: Dimension, start: number, count: number): void {
  const rows = dim === 'ROWS';
  const id = live.id(sheet);
  live.stretch(sheet, id);
  if (rows) live.edit().addRows(id, [start, count]);
  else live.edit().addColumns(id, [start, count]);
  retranslate(live, sheet, (t, info) => info.rowFn || (start === 0 && (rows ? t.openRowStart : t.openColStart)));
}

/** Formulas naming these titles resolve differently now (or to #REF!): translate them again. */
export function retranslateNamed(live: LiveEngine, titles: string[]): void {
  for (const owner of live.model.sheets) {
    let at: [number, ReturnType<LiveEngine['context']>] | undefined;
    for (let r = 0; r < owner.rows.length; r++) {
      const row = owner.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const f = row[c]?.userEnteredValue?.formulaValue;
        if (f === undefined || !titles.some((t) => namesSheet(f, t))) continue;
        at ??= [live.id(owner), live.context(owner)];
        live.set(owner, r, c, at[0], at[1]);
      }
    }
  }
}
