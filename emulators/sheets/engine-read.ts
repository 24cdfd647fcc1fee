// Reading computed values out of a live engine: a formula's value (after the recalculation of
// pending edits), or the value an array spills into an empty cell — HyperFormula knows which
// cells an array covers without evaluating, so other empty cells never wait for it.
import { CellType } from 'hyperformula';
import type { SimpleCellAddress } from 'hyperformula';
import type { LiveEngine } from './engine-live';
import { toExtended } from './engine-values';
import type { ExtendedValue, Sheet } from './model';

export type NumberKind = 'DATE' | 'DATE_TIME' | 'TIME';

export interface EvaluatedCell {
  /** The effective value; undefined for an empty cell. */
  value?: ExtendedValue;
  /** Set when a formula produced a date/time serial (Sheets formats those as dates). */
  numberKind?: NumberKind;
  /** True when the value comes from an array formula in another cell. */
  spilled?: boolean;
}

/** The computed value of a formula cell, or of an empty cell an array may spill into. */
export function computedValue(live: LiveEngine, sheet: Sheet, row: number, col: number, empty: boolean): EvaluatedCell {
  const at: SimpleCellAddress = { sheet: live.id(sheet), row, col };
  if (empty && live.hf.getCellType(at) !== CellType.ARRAY) return {};
  const hf = live.evaluated();
  const raw = hf.getCellValue(at);
  const value = toExtended(raw);
  if (!value) return {};
  const out: EvaluatedCell = { value };
  if (empty) out.spilled = true;
  if (typeof raw === 'number') {
    const t = hf.getCellValueDetailedType(at);
    if (t === 'NUMBER_DATE') out.numberKind = 'DATE';
    else if (t === 'NUMBER_DATETIME') out.numberKind = 'DATE_TIME';
    else if (t === 'NUMBER_TIME') out.numberKind = 'TIME';
  }
  return out;
}

const heights = new WeakMap<LiveEngine, Map<Sheet, [edits: number, height: number]>>();

/** Rows reached by arrays spilling down the sheet (0 without arrays); kept until an edit. */
export function spillHeight(live: LiveEngine, sheet: Sheet): number {
  let known = heights.get(live);
  if (!known) heights.set(live, (known = new Map()));
  const hit = known.get(sheet);
  if (hit && hit[0] === live.edits) return hit[1];
  const id = live.id(sheet);
  const limit = sheet.properties.gridProperties.rowCount;
  const type = (row: number, col: number) => live.hf.getCellType({ sheet: id, row, col });
  let height = 0;
  sheet.rows.forEach((cells, r) =>
    cells?.forEach((cell, c) => {
      if (cell?.userEnteredValue?.formulaValue === undefined || type(r, c) !== CellType.ARRAYFORMULA) return;
      let end = r + 1;
      while (end < limit && type(end, c) === CellType.ARRAY) end++;
      height = Math.max(height, end);
    }),
  );
  known.set(sheet, [live.edits, height]);
  return height;
}
