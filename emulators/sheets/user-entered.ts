// What USER_ENTERED makes of a string: what Sheets makes of the same text typed into a cell
// of a spreadsheet in that locale (docs/google-fidelity.md, "Locale and USER_ENTERED").
//  - `=…` is a formula, read in the locale's syntax (formula-locale.ts);
//  - a leading `'` forces text (and is dropped);
//  - TRUE/FALSE in any case are booleans (in every locale: the English words are what
//    Sheets accepts from the API whatever the locale);
//  - numbers with the locale's decimal mark and digit grouping (`1,5` is 1.5 in ca_ES and
//    text in en_US; `1,234.5` is a number in en_US and text in ca_ES), and percentages;
//  - dates: ISO `2020-04-03` (with an optional time) and `2020-04` (the 1st of that month —
//    so a call ID typed as `2020-04` becomes a date) in every locale; `03/04/2020` (also
//    with `-` or `.`, a 2-digit year, or no year) in the locale's order: day first except
//    in en_US-like locales.
// Everything else stays text. A cell whose number format is plain text (`@`) takes the text
// as typed, formulas included, as in Sheets.
import { formulaFromLocale } from './formula-locale';
import { localeSyntax } from './locale';
import type { LocaleSyntax } from './locale';
import type { ExtendedValue } from './model';

export interface Parsed {
  value: ExtendedValue;
  numberFormat?: { type: string; pattern: string };
}

/** Days since 1899-12-30, the serial-number epoch Google (and HyperFormula) use. */
export function toSerial(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  return (Date.UTC(y, m - 1, d, hh, mm, ss) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const validDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

const esc = (s: string): string => s.replace(/[.\\]/g, '\\$&');

/** The number a typed text stands for in this locale, or undefined. */
function localNumber(t: string, s: LocaleSyntax): number | undefined {
  const dec = esc(s.decimal);
  const grp = esc(s.grouping);
  const plain = new RegExp(`^([+-]?)(\\d+(?:${dec}\\d*)?|${dec}\\d+)([eE][+-]?\\d+)?$`);
  const grouped = new RegExp(`^([+-]?)(\\d{1,3}(?:${grp}\\d{3})+(?:${dec}\\d+)?)$`);
  const m = plain.exec(t) ?? grouped.exec(t);
  if (!m) return undefined;
  const digits = (m[2] ?? '').split(s.grouping === '.' ? '.' : ',').join('');
  const normal = `${m[1]}${s.decimal === ',' ? digits.replace(',', '.') : digits}${m[3] ?? ''}`;
  return Number(normal);
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const LOCAL_DATE = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/;

function date(t: string, s: LocaleSyntax, now: Date): Parsed | undefined {
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!validDate(y, m, d)) return undefined;
    if (iso[4] === undefined) return { value: { numberValue: toSerial(y, m, d) }, numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' } };
    const serial = toSerial(y, m, d, Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0));
    return {
      value: { numberValue: serial },
      numberFormat: { type: 'DATE_TIME', pattern: iso[6] === undefined ? 'yyyy-mm-dd h:mm' : 'yyyy-mm-dd h:mm:ss' },
    };
  }
  const short = s.dayFirst ? 'dd/mm/yyyy' : 'm/d/yyyy';
  const month = ISO_MONTH.exec(t);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    return validDate(y, m, 1) ? { value: { numberValue: toSerial(y, m, 1) }, numberFormat: { type: 'DATE', pattern: short } } : undefined;
  }
  const local = LOCAL_DATE.exec(t);
  // `1.5` is a number where `.` is the decimal mark, never a date.
  if (!local || (local[2] === '.' && (s.decimal === '.' || local[4] === undefined))) return undefined;
  const [a, b] = [Number(local[1]), Number(local[3])];
  const [d, m] = s.dayFirst ? [a, b] : [b, a];
  let y = local[4] === undefined ? now.getUTCFullYear() : Number(local[4]);
  if (local[4]?.length === 2) y += y < 30 ? 2000 : 1900;
  return validDate(y, m, d) ? { value: { numberValue: toSerial(y, m, d) }, numberFormat: { type: 'DATE', pattern: short } } : undefined;
}

export function parseUserEntered(text: string, locale?: unknown, now = new Date()): Parsed {
  const s = localeSyntax(locale);
  if (text.startsWith('=') && text.length > 1) return { value: { formulaValue: formulaFromLocale(text, s.locale) } };
  if (text.startsWith("'")) return { value: { stringValue: text.slice(1) } };
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { value: { boolValue: t.toUpperCase() === 'TRUE' } };
  const n = localNumber(t, s);
  if (n !== undefined) return { value: { numberValue: n } };
  if (t.endsWith('%')) {
    const pct = localNumber(t.slice(0, -1).trimEnd(), s);
    if (pct !== undefined) {
      const decimals = (t.slice(0, -1).split(s.decimal)[1] ?? '').replace(/\D/g, '').length;
      return {
        value: { numberValue: pct / 100 },
        numberFormat: { type: 'PERCENT', pattern: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' },
      };
    }
  }
  return date(t, s, now) ?? { value: { stringValue: text } };
}
