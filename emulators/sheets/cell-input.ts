// How a value sent to the values endpoints becomes a cell — the security-critical part.
// RAW: strings are stored as text, verbatim, whatever they start with (`=`, `+`, `-`, `@`,
// tab, CR, full-width `＝`): they are never formulas, so a RAW `=IMPORTXML(...)` can't run.
// USER_ENTERED: parsed as if typed into the UI of a spreadsheet in its locale
// (user-entered.ts) — unless the cell's number format is plain text (`@`), which keeps
// whatever is typed as text, as Sheets does.
import { invalid } from './errors';
import type { CellData } from './model';
import { parseUserEntered } from './user-entered';

export type ValueInputOption = 'RAW' | 'USER_ENTERED';

export function parseValueInputOption(v: unknown): ValueInputOption {
  if (v === 'RAW' || v === 'USER_ENTERED') return v;
  if (v === undefined || v === '' || v === 'INPUT_VALUE_OPTION_UNSPECIFIED') {
    throw invalid("'valueInputOption' is required but not specified");
  }
  throw invalid(`Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "${String(v)}"`);
}

/**
 * Applies one input value to a cell (keeping its note and format). Returns undefined when
 * the value is null (Google skips nulls); "" clears the value.
 */
export function applyInput(
  existing: CellData | undefined,
  value: unknown,
  option: ValueInputOption,
  where: string,
  locale?: unknown,
): CellData | undefined {
  if (value === null || value === undefined) return undefined;
  const cell: CellData = { ...(existing ?? {}) };
  delete cell.userEnteredValue;
  if (typeof value === 'number') {
    cell.userEnteredValue = { numberValue: value };
  } else if (typeof value === 'boolean') {
    cell.userEnteredValue = { boolValue: value };
  } else if (typeof value === 'string') {
    if (value === '') return cell;
    const format = cell.userEnteredFormat?.['numberFormat'] as { type?: string } | undefined;
    if (option === 'RAW' || format?.type === 'TEXT') {
      cell.userEnteredValue = { stringValue: value };
    } else {
      const parsed = parseUserEntered(value, locale);
      cell.userEnteredValue = parsed.value;
      const fmt = cell.userEnteredFormat;
      if (parsed.numberFormat && !fmt?.['numberFormat']) {
        cell.userEnteredFormat = { ...(fmt ?? {}), numberFormat: parsed.numberFormat };
      }
    }
  } else {
    const kind = Array.isArray(value) ? 'list_value' : 'struct_value';
    throw invalid(`Invalid ${where}: ${kind} {\n}\n`);
  }
  return cell;
}
