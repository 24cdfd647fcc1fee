// FORMATTED_VALUE rendering for the en_US locale: numbers in Sheets' "Automatic" style (up
// to 10 significant digits for fractions, integers in full), booleans TRUE/FALSE, errors as
// `#N/A`, dates as M/D/YYYY unless the cell carries a number format. Only the number-format
// patterns a form-to-sheet project meets are understood: dates/times (yyyy mm dd hh mm ss
// am/pm), fixed decimals, thousands separators, percentages and quoted literal affixes.
import type { NumberKind } from './engine';
import { errorText } from './engine-values';
import type { ExtendedValue } from './model';

export interface NumberFormat {
  type?: string;
  pattern?: string;
}

const DEFAULT_PATTERN: Record<string, string> = {
  DATE: 'M/d/yyyy',
  DATE_TIME: 'M/d/yyyy H:mm:ss',
  TIME: 'h:mm:ss am/pm',
};

export function formatPlainNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const text = String(Number(n.toPrecision(10)));
  return text.replace(/e([+-])(\d)$/, 'E$10$2').replace(/e/, 'E');
}

function fromSerial(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function formatDate(serial: number, pattern: string): string {
  const d = fromSerial(serial);
  const ampm = /am\/pm|a\/p/i.test(pattern);
  const tokens = pattern.match(/yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|"[^"]*"|./gi) ?? [];
  let out = '';
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    // `m`/`mm` is minutes right after an hour or right before seconds, months otherwise.
    const prev = tokens.slice(0, i).reverse().find((t) => /^[a-z]/i.test(t))?.toLowerCase() ?? '';
    const next = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t))?.toLowerCase() ?? '';
    const minutes = (lower === 'm' || lower === 'mm') && (prev.startsWith('h') || next.startsWith('s'));
    const hours = ampm ? d.getUTCHours() % 12 || 12 : d.getUTCHours();
    switch (lower) {
      case 'yyyy': out += d.getUTCFullYear(); break;
      case 'yy': out += pad(d.getUTCFullYear() % 100); break;
      case 'mmmm': out += MONTHS[d.getUTCMonth()]; break;
      case 'mmm': out += MONTHS[d.getUTCMonth()]?.slice(0, 3); break;
      case 'mm': out += minutes ? pad(d.getUTCMinutes()) : pad(d.getUTCMonth() + 1); break;
      case 'm': out += minutes ? d.getUTCMinutes() : d.getUTCMonth() + 1; break;
      case 'dddd': out += DAYS[d.getUTCDay()]; break;
      case 'ddd': out += DAYS[d.getUTCDay()]?.slice(0, 3); break;
      case 'dd': out += pad(d.getUTCDate()); break;
      case 'd': out += d.getUTCDate(); break;
      case 'hh': out += pad(hours); break;
      case 'h': out += hours; break;
      case 'ss': out += pad(d.getUTCSeconds()); break;
      case 's': out += d.getUTCSeconds(); break;
      case 'am/pm': out += d.getUTCHours() < 12 ? 'AM' : 'PM'; break;
      case 'a/p': out += d.getUTCHours() < 12 ? 'A' : 'P'; break;
      default: out += tok.startsWith('"') ? tok.slice(1, -1) : tok;
    }
  });
  return out;
}

export function formatNumberPattern(n: number, pattern: string): string {
  const section = pattern.split(';')[0] ?? pattern;
  const m = /^(.*?)([#0,]*\.?[#0]*)(%?)(.*)$/.exec(section);
  if (!m || !m[2]) return formatPlainNumber(n);
  const [, prefix = '', body = '', pct, suffix = ''] = m;
  const value = pct ? n * 100 : n;
  const decimals = (body.split('.')[1] ?? '').length;
  const [int = '0', frac] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = body.includes(',') ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  const strip = (s: string): string => s.replace(/"([^"]*)"/g, '$1').replace(/\[\$([^\]-]*)[^\]]*\]/g, '$1');
  const sign = value < 0 && Number(`${int}.${frac ?? 0}`) !== 0 ? '-' : '';
  return `${sign}${strip(prefix)}${grouped}${frac !== undefined ? `.${frac}` : ''}${pct}${strip(suffix)}`;
}

export function formatValue(v: ExtendedValue | undefined, nf?: NumberFormat, kind?: NumberKind): string {
  if (!v) return '';
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue ? 'TRUE' : 'FALSE';
  if (v.errorValue) return errorText(v.errorValue);
  if (v.numberValue === undefined) return '';
  const n = v.numberValue;
  const type = nf?.type ?? kind;
  if (type === 'DATE' || type === 'DATE_TIME' || type === 'TIME') {
    return formatDate(n, nf?.pattern || (DEFAULT_PATTERN[type] as string));
  }
  if (nf?.pattern && type !== 'TEXT') return formatNumberPattern(n, nf.pattern);
  if (type === 'PERCENT') return formatNumberPattern(n, '0.00%');
  return formatPlainNumber(n);
}

/** Whether a value is a date/time serial for dateTimeRenderOption purposes. */
export function isDateLike(nf?: NumberFormat, kind?: NumberKind): boolean {
  const type = nf?.type ?? kind;
  return type === 'DATE' || type === 'DATE_TIME' || type === 'TIME';
}
