// Formula evaluation with HyperFormula (GPL-3 licence key): one live engine per spreadsheet
// (engine-live.ts), built from the model the first time a formula value is needed and then
// kept in step with every edit rather than rebuilt — inserted rows, grown grids, added and
// renamed sheets included — so open-ended ranges follow the grid as in Sheets. The model
// stays the source of truth: a write works on a copy that the engine follows (engineFollow);
// if the write fails the copy is dropped, and so is the engine if it had already mirrored
// part of it (engineRevert) — the next read builds a fresh one, as it does after loading the
// state file or after an edit the engine could not mirror.
//
// Reads are lazy: a cell holding a literal is answered from the model without the engine; an
// empty cell asks the engine only whether an array spills into it, which needs no
// evaluation; only formula values (and spilled ones) wait for the recalculation of pending
// edits. A spreadsheet without formulas has no engine at all.
//
// Speed at the workspace's scale also needed: COUNTIF(S), SUMIF(S) and exact MATCH replaced
// by equivalents that share work between the thousands of formulas over the same columns
// (engine-criteria.ts, engine-lookup.ts), and one quadratic step of HyperFormula's graph
// building avoided (engine-patches.ts).
//
// Literal text never reaches HyperFormula as something it could parse (engine-content.ts):
// a RAW `=IMPORTXML(…)` stays a string. Only `formulaValue` cells are formulas.
//
// Checked to evaluate as Google Sheets does (tests/emulators/sheets-emulator-formulas):
//   IF, IFERROR, AND, OR, NOT, LEN, TRIM, LOWER, UPPER, SUM, SUMIF, SUMIFS, COUNT, COUNTA,
//   COUNTIF, COUNTIFS, COUNTBLANK, AVERAGE, AVERAGEIF, AVERAGEIFS (rewritten), MAX, MIN,
//   ROUND, INDEX, MATCH, VLOOKUP, ISBLANK, ISNUMBER, ISTEXT, DATE, TODAY, CONCATENATE, &,
//   ROW (with a range: rewritten), SUMPRODUCT, RANK/RANK.EQ (plugin, also vectorised inside
//   ARRAYFORMULA), TEXT with date and fixed-decimal patterns, ARRAYFORMULA, and inline arrays
//   `{"Total"; …}` spilling down a column; bare TRUE/FALSE (rewritten).
// Known differences:
//   - array arithmetic is on everywhere, so `=IF(A2:A5="",…)` spills even without
//     ARRAYFORMULA (Sheets would need the wrapper); harmless for formulas written for Sheets.
//   - an array that would run past the grid is clipped; Sheets adds rows instead.
//   - a blocked spill is #REF! (HyperFormula's #SPILL! is mapped), message differs slightly.
//   - TEXT(x,"0%") gives "0%": HyperFormula's TEXT does not scale percentages.
//   - TODAY()/NOW() follow the machine's time zone, not the spreadsheet's timeZone.
//   - Google-only functions (IMPORTXML, QUERY, REGEXMATCH, …) evaluate to #NAME?.
//   - numbers are rounded to ~15 significant digits internally (HyperFormula smartRounding).
//   - stored formula text is returned as entered; Sheets also upper-cases function names.
//   - formulas cross the API in the spreadsheet's locale and are stored in en_US syntax
//     (formula-locale.ts); FORMATTED_VALUE still formats numbers and dates as en_US does.
import type { GridBox } from './a1';
import { engineBuilds, LiveEngine } from './engine-live';
import { computedValue, spillHeight } from './engine-read';
import { isUnparsed, PARSE_ERROR } from './formula-locale';
import { getCell } from './model';
import type { Sheet, Spreadsheet } from './model';

export { engineBuilds };

export type { NumberKind } from './engine-read';

export type { EvaluatedCell } from './engine-read';
import type { EvaluatedCell } from './engine-read';

const engines = new WeakMap<Spreadsheet, LiveEngine>();

/** The spreadsheet's live engine, built from the model if it has none (or a broken one). */
function engineFor(ss: Spreadsheet): LiveEngine {
  let live = engines.get(ss);
  if (live?.broken) {
    live.dispose();
    live = undefined;
  }
  if (!live) {
    live = new LiveEngine(ss);
    engines.set(ss, live);
  }
  return live;
}

// Where a sheet's formulas start tells which cells can hold no computed value: an array
// spills right and down from its formula, so a cell above or left of every formula is never
// reached. Reads of such cells (the plain columns left of the helper columns) then need no
// engine at all, not even one to ask. Cached per sheet and revision.
const frontiers = new WeakMap<Sheet, { revision: number; row: number; col: number }>();

function frontier(ss: Spreadsheet, sheet: Sheet): { row: number; col: number } {
  const hit = frontiers.get(sheet);
  if (hit?.revision === ss.revision) return hit;
  const f = { revision: ss.revision, row: Infinity, col: Infinity };
  sheet.rows.forEach((cells, r) =>
    cells?.forEach((cell, c) => {
      if (cell?.userEnteredValue?.formulaValue === undefined) return;
      f.row = Math.min(f.row, r);
      f.col = Math.min(f.col, c);
    }),
  );
  frontiers.set(sheet, f);
  return f;
}

/** Computed values of one spreadsheet; the engine is built only when one is needed. */
export class Evaluation {
  constructor(private readonly ss?: Spreadsheet) {}

  cell(sheet: Sheet, row: number, col: number): EvaluatedCell {
    const entered = getCell(sheet, row, col)?.userEnteredValue;
    if (entered && entered.formulaValue === undefined) {
      const { formulaValue: _f, ...literal } = entered;
      return Object.keys(literal).length ? { value: literal } : {};
    }
    if (entered?.formulaValue !== undefined && isUnparsed(entered.formulaValue)) return { value: { errorValue: { ...PARSE_ERROR } } };
    const ss = this.ss;
    if (!ss) return {};
    if (!entered) {
      const f = frontier(ss, sheet);
      if (row < f.row || col < f.col) return {};
    }
    return withEngine(ss, (live) => computedValue(live, sheet, row, col, !entered));
  }

  /** Rows that hold values spilled by array formulas, looking at columns before `endCol`. */
  height(sheet: Sheet, endCol = Infinity): number {
    const ss = this.ss;
    if (!ss || endCol <= frontier(ss, sheet).col) return 0;
    return withEngine(ss, (live) => spillHeight(live, sheet));
  }

  /** End of the rows of `box` that can hold anything: past it, reads would find nothing. */
  lastRow(sheet: Sheet, box: GridBox): number {
    if (box.endRow <= sheet.rows.length) return box.endRow; // no need to ask about spills
    return Math.min(box.endRow, Math.max(sheet.rows.length, this.height(sheet, box.endCol)));
  }
}

/**
 * Runs a read on the engine. If HyperFormula fails while recalculating, the engine is not to
 * be trusted any more: it is replaced by a fresh build and the read tried once more.
 */
function withEngine<T>(ss: Spreadsheet, read: (live: LiveEngine) => T): T {
  const live = engineFor(ss);
  try {
    return read(live);
  } catch (e) {
    if (live.pristine) throw e;
    live.broken = true;
    return read(engineFor(ss));
  }
}

const PLAIN = new Evaluation();

/** The evaluation of a spreadsheet as it is now. */
export function evaluate(ss: Spreadsheet): Evaluation {
  return engines.has(ss) || ss.sheets.some((s) => frontier(ss, s).col !== Infinity) ? new Evaluation(ss) : PLAIN;
}

/** A write starts on `copy` of `stored`: the engine follows the copy's edits. */
export function engineFollow(stored: Spreadsheet, copy: Spreadsheet): void {
  const live = engines.get(stored);
  if (!live) return;
  engines.delete(stored);
  live.follow(copy);
  engines.set(copy, live);
}

/** The write on `copy` failed and `stored` stays: keep the engine only if it saw no edit. */
export function engineRevert(copy: Spreadsheet, stored: Spreadsheet): void {
  const live = engines.get(copy);
  engines.delete(copy);
  if (!live) return;
  if (live.changed || live.broken) {
    live.dispose();
    return;
  }
  live.follow(stored);
  engines.set(stored, live);
}
