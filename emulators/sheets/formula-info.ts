// A cached summary of what a formula refers to, per sheet, as written. An insertion, a grown
// grid or a renamed sheet concerns only the formulas that point at or past a given row or
// name; with thousands of per-row formulas, checking this summary instead of tokenizing
// every formula each time keeps such edits cheap (structure.ts, engine-live.ts).
import { tokenize } from './formula-refs';

/** What a formula refers to on one sheet, as written (before any bounding). */
export interface RefTarget {
  /** Lower-cased sheet name; '' for references without a sheet prefix (the owner's sheet). */
  sheet: string;
  /** Largest row / column index written explicitly; -1 when there is none. */
  maxRow: number;
  maxCol: number;
  /** Some reference starts at an open edge: `A:C` for rows, `2:5` for columns. */
  openRowStart: boolean;
  openColStart: boolean;
}

export interface FormulaInfo {
  targets: RefTarget[];
  /** Calls ROW or COLUMN, whose translation depends on the size of the range (SEQUENCE). */
  rowFn: boolean;
}

// Keyed by the formula text (mostly the very string the model holds); emptied when full
// rather than managed as an LRU: a refill costs one tokenize per formula.
const INFO_LIMIT = 500_000;
const infos = new Map<string, FormulaInfo>();

export function formulaInfo(formula: string): FormulaInfo {
  const known = infos.get(formula);
  if (known) return known;
  const info: FormulaInfo = { targets: [], rowFn: false };
  for (const t of tokenize(formula)) {
    if (t.kind === 'ident' && /^(row|column)$/i.test(t.text)) info.rowFn = true;
    if (t.kind !== 'ref') continue;
    const sheet = t.sheet?.toLowerCase() ?? '';
    let target = info.targets.find((x) => x.sheet === sheet);
    if (!target) {
      target = { sheet, maxRow: -1, maxCol: -1, openRowStart: false, openColStart: false };
      info.targets.push(target);
    }
    for (const ep of t.b ? [t.a, t.b] : [t.a]) {
      if (ep.row !== undefined) target.maxRow = Math.max(target.maxRow, ep.row);
      if (ep.col !== undefined) target.maxCol = Math.max(target.maxCol, ep.col);
    }
    if (t.a.row === undefined) target.openRowStart = true;
    if (t.a.col === undefined) target.openColStart = true;
  }
  if (infos.size >= INFO_LIMIT) infos.clear();
  infos.set(formula, info);
  return info;
}

/** The targets of `info` that point at `sheetTitle`, for a formula on sheet `ownerTitle`. */
export function targetsOn(info: FormulaInfo, ownerTitle: string, sheetTitle: string): RefTarget[] {
  const title = sheetTitle.toLowerCase();
  const own = ownerTitle.toLowerCase() === title;
  return info.targets.filter((t) => (t.sheet === '' ? own : t.sheet === title));
}

/** Whether inserting at `start` (ROWS or COLUMNS) can move any reference to `sheetTitle`. */
export function mayShift(formula: string, ownerTitle: string, sheetTitle: string, rows: boolean, start: number): boolean {
  return targetsOn(formulaInfo(formula), ownerTitle, sheetTitle).some((t) => (rows ? t.maxRow : t.maxCol) >= start);
}

/** Whether the formula names `title` (any case) in a sheet prefix. */
export function namesSheet(formula: string, title: string): boolean {
  const lower = title.toLowerCase();
  return formulaInfo(formula).targets.some((t) => t.sheet === lower);
}
