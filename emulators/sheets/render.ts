// Reading cells back: the values API's render options and the CellData that `get` with
// includeGridData returns. Cells that an array formula spills into have an effective value
// but no entered value, exactly like in Sheets.
import type { Evaluation } from './engine';
import { formatValue, isDateLike } from './format';
import { formulaToLocale, localeRule } from './formula-locale';
import type { NumberFormat } from './format';
import { getCell } from './model';
import type { CellData, Sheet } from './model';
import { invalid } from './errors';

export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
export type DateTimeRenderOption = 'SERIAL_NUMBER' | 'FORMATTED_STRING';

export interface RenderOptions {
  valueRenderOption: ValueRenderOption;
  dateTimeRenderOption: DateTimeRenderOption;
}

function pick<T extends string>(v: unknown, allowed: readonly T[], fallback: T, name: string): T {
  if (v === undefined || v === '') return fallback;
  if ((allowed as readonly unknown[]).includes(v)) return v as T;
  throw invalid(`Invalid value at '${name}', "${String(v)}"`);
}

export function renderOptions(valueRender: unknown, dateTimeRender: unknown): RenderOptions {
  return {
    valueRenderOption: pick(valueRender, ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const, 'FORMATTED_VALUE', 'value_render_option'),
    dateTimeRenderOption: pick(dateTimeRender, ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const, 'SERIAL_NUMBER', 'date_time_render_option'),
  };
}

export type CellOut = string | number | boolean;

const numberFormatOf = (cell: CellData | undefined): NumberFormat | undefined =>
  cell?.userEnteredFormat?.['numberFormat'] as NumberFormat | undefined;

/** One cell as the values endpoints return it ('' when empty). */
export function renderCell(ev: Evaluation, sheet: Sheet, row: number, col: number, opts: RenderOptions, locale?: unknown): CellOut {
  const stored = getCell(sheet, row, col);
  const formula = stored?.userEnteredValue?.formulaValue;
  // Formulas read back in the spreadsheet's locale, as Sheets shows them (formula-locale.ts).
  if (opts.valueRenderOption === 'FORMULA' && formula !== undefined) return formulaToLocale(formula, locale);
  const { value, numberKind } = ev.cell(sheet, row, col);
  if (!value) return '';
  const nf = numberFormatOf(stored);
  if (opts.valueRenderOption === 'FORMATTED_VALUE') return formatValue(value, nf, numberKind);
  if (value.numberValue !== undefined) {
    if (opts.dateTimeRenderOption === 'FORMATTED_STRING' && isDateLike(nf, numberKind)) {
      return formatValue(value, nf, numberKind);
    }
    return value.numberValue;
  }
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.stringValue !== undefined) return value.stringValue;
  return formatValue(value); // errors read back as their text (#N/A) in every render
}

/**
 * One cell as in GridData.rowData[].values[]: stored members plus effective/formatted value
 * (left out without an evaluation: the request's field mask does not want them).
 */
export function gridCell(ev: Evaluation | undefined, sheet: Sheet, row: number, col: number, locale?: unknown): CellData {
  const stored = getCell(sheet, row, col);
  // A shallow copy is enough: the answer is only serialised, and stored cells are never
  // changed in place (model-cells.ts); deep-copying every cell dominated large reads.
  const out: CellData = stored ? { ...stored } : {};
  const formula = stored?.userEnteredValue?.formulaValue;
  if (formula !== undefined) out.userEnteredValue = { formulaValue: formulaToLocale(formula, locale) };
  if (stored?.dataValidation) out.dataValidation = localeRule(stored.dataValidation, locale);
  const { value, numberKind } = ev?.cell(sheet, row, col) ?? {};
  if (value) {
    out.effectiveValue = value;
    out.formattedValue = formatValue(value, numberFormatOf(stored), numberKind);
  }
  return out;
}

/**
 * Whether a cell counts as data for append's table detection and appendCells' "last row
 * with data". Google documents neither precisely; chosen: an entered value, or a computed
 * value that is not the empty string. So the cells an `IF(A2:A="","",…)` array formula
 * fills with "" do not stretch the table to the bottom of the sheet (which is why that
 * idiom is common in sheets fed by the API), while a spilled 0 or text does, as it does in
 * Sheets, where such columns make appends land at the end of the grid.
 */
export function hasData(ev: Evaluation, sheet: Sheet, row: number, col: number): boolean {
  const stored = getCell(sheet, row, col)?.userEnteredValue;
  if (stored && Object.keys(stored).length) return true;
  const { value } = ev.cell(sheet, row, col);
  return !!value && value.stringValue !== '';
}
