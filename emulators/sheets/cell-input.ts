// How a value sent to the values endpoints becomes a cell — the security-critical part.
// RAW: strings are stored as text, verbatim, whatever they start with (`=`, `+`, `-`, `@`,
// tab, CR, full-width `＝`): they are never formulas, so a RAW `=IMPORTXML(...)` can't run.
// USER_ENTERED: parsed as if typed into the UI — `=…` is a formula, numeric text a number,
// TRUE/FALSE booleans, a leading `'` forces text (and is dropped), ISO dates and percentages
// become numbers with a number format. Everything else stays text.
import { invalid } from './errors';
import type { CellData, ExtendedValue } from './model';

export type ValueInputOption = 'RAW' | 'USER_ENTERED';

export function parseValueInputOption(v: unknown): ValueInputOption {
  if (v === 'RAW' || v === 'USER_ENTERED') return v;
  if (v === undefined || v === '' || v === 'INPUT_VALUE_OPTION_UNSPECIFIED') {
    throw invalid("'valueInputOption' is required but not specified");
  }
  throw invalid(`Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "${String(v)}"`);
}

interface Parsed {
  value: ExtendedValue;
  numberFormat?: { type: string; pattern: string };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Days since 1899-12-30, the serial-number epoch Google (and HyperFormula) use. */
export function toSerial(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  return (Date.UTC(y, m - 1, d, hh, mm, ss) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export function parseUserEntered(text: string): Parsed {
  if (text.startsWith('=') && text.length > 1) return { value: { formulaValue: text } };
  if (text.startsWith("'")) return { value: { stringValue: text.slice(1) } };
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { value: { boolValue: t.toUpperCase() === 'TRUE' } };
  if (NUMBER.test(t)) return { value: { numberValue: Number(t) } };
  if (THOUSANDS.test(t)) return { value: { numberValue: Number(t.replace(/,/g, '')) } };
  const pct = PERCENT.exec(t);
  if (pct) {
    const decimals = (pct[1]?.split('.')[1] ?? '').length;
    return {
      value: { numberValue: Number(pct[1]) / 100 },
      numberFormat: { type: 'PERCENT', pattern: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' },
    };
  }
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() === m - 1 && date.getUTCDate() === d) {
      if (iso[4] === undefined) {
        return { value: { numberValue: toSerial(y, m, d) }, numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' } };
      }
      const serial = toSerial(y, m, d, Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0));
      return {
        value: { numberValue: serial },
        numberFormat: { type: 'DATE_TIME', pattern: iso[6] === undefined ? 'yyyy-mm-dd h:mm' : 'yyyy-mm-dd h:mm:ss' },
      };
    }
  }
  return { value: { stringValue: text } };
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
    if (option === 'RAW') {
      cell.userEnteredValue = { stringValue: value };
    } else {
      const parsed = parseUserEntered(value);
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
