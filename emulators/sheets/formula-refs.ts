// A small formula tokenizer that finds cell references (with optional, possibly quoted, sheet
// prefixes) outside string literals. The stored formula text is what the user entered (Google
// returns it for FORMULA renders); this module derives from it (1) the text HyperFormula
// evaluates — see engine.ts for why it must be rewritten — and (2) the text after rows or
// columns are inserted or a sheet is renamed, which is how Sheets keeps formulas pointing at
// the same data. formula-info.ts summarises what a formula refers to.
import { columnToLetters, lettersToColumn, quoteSheetName } from './a1';

export interface Endpoint {
  col?: number;
  row?: number;
  colAbs?: boolean;
  rowAbs?: boolean;
}

export interface RefToken {
  kind: 'ref';
  text: string;
  /** The sheet prefix as written, including `!` ('' when there is none). */
  prefix: string;
  /** Unquoted sheet name when the reference names one. */
  sheet?: string;
  a: Endpoint;
  b?: Endpoint;
}

export type Token = RefToken | { kind: 'str' | 'ident' | 'num' | 'other'; text: string };

const PREFIX = /(?:'((?:[^']|'')+)'|([\p{L}\p{N}_.·]+))!/uy;
const C = '\\$?[A-Za-z]{1,3}\\$?\\d+';
const COL = '\\$?[A-Za-z]{1,3}';
const ROW = '\\$?\\d+';
const END = '(?![\\p{L}\\p{N}_(!.$:])';
// The reference shapes, longest first, in one sticky alternation: the first alternative that
// matches (END guard included) wins, as trying them one by one did, in one exec.
const BODY = new RegExp(
  [`${C}:${C}`, `${C}:${COL}`, `${COL}:${COL}`, `${ROW}:${ROW}`, C].map((b) => `(?:${b})${END}`).join('|'),
  'uy',
);
const REF_START = /[$'\p{L}\p{N}_.·]/u;
const IDENT = /[\p{L}_][\p{L}\p{N}_.]*/uy;
const NUM = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;
const EP = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/;

function parseEp(text: string): Endpoint {
  const m = EP.exec(text) ?? [];
  const ep: Endpoint = {};
  if (m[2]) {
    ep.col = lettersToColumn(m[2]);
    ep.colAbs = m[1] === '$';
  }
  if (m[4]) {
    ep.row = Number(m[4]) - 1;
    ep.rowAbs = (m[2] ? m[3] : m[1]) === '$';
  }
  return ep;
}

function matchRef(src: string, at: number): RefToken | undefined {
  let i = at;
  let sheet: string | undefined;
  PREFIX.lastIndex = i;
  const p = PREFIX.exec(src);
  if (p) {
    sheet = p[1] !== undefined ? p[1].replace(/''/g, "'") : p[2];
    i = PREFIX.lastIndex;
  }
  BODY.lastIndex = i;
  const m = BODY.exec(src);
  if (!m) return undefined;
  const [x = '', y] = m[0].split(':');
  const tok: RefToken = { kind: 'ref', text: src.slice(at, BODY.lastIndex), prefix: src.slice(at, i), a: parseEp(x) };
  if (sheet !== undefined) tok.sheet = sheet;
  if (y !== undefined) tok.b = parseEp(y);
  return tok;
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (ch === '"') {
      let j = i + 1;
      for (; j < src.length; j++) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') j++;
          else break;
        }
      }
      out.push({ kind: 'str', text: src.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    const ref = REF_START.test(ch) ? matchRef(src, i) : undefined;
    if (ref) {
      out.push(ref);
      i += ref.text.length;
      continue;
    }
    let matched = false;
    for (const [kind, re] of [['ident', IDENT], ['num', NUM]] as const) {
      re.lastIndex = i;
      const m = re.exec(src);
      if (m && m[0]) {
        out.push({ kind, text: m[0] });
        i += m[0].length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    out.push({ kind: 'other', text: ch });
    i++;
  }
  return out;
}

function emitEp(ep: Endpoint): string {
  let s = '';
  if (ep.col !== undefined) s += (ep.colAbs ? '$' : '') + columnToLetters(ep.col);
  if (ep.row !== undefined) s += (ep.rowAbs ? '$' : '') + String(ep.row + 1);
  return s;
}

export function emitRef(tok: RefToken, sheetPrefix?: string): string {
  const prefix = sheetPrefix ?? (tok.sheet !== undefined ? `${quoteSheetName(tok.sheet)}!` : '');
  return prefix + emitEp(tok.a) + (tok.b ? `:${emitEp(tok.b)}` : '');
}

const sameSheet = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Rewrites references after `count` rows/columns were inserted at `start` in sheet
 * `target`: every endpoint at or after `start` moves, so ranges that straddle the
 * insertion grow, exactly as Sheets adjusts formulas.
 */
export function shiftFormula(
  formula: string,
  ownerTitle: string,
  target: string,
  dimension: 'ROWS' | 'COLUMNS',
  start: number,
  count: number,
): string {
  let changed = false;
  const key = dimension === 'ROWS' ? 'row' : 'col';
  const out = tokenize(formula).map((t) => {
    if (t.kind !== 'ref' || !sameSheet(t.sheet ?? ownerTitle, target)) return t.text;
    let moved = false;
    const move = (ep: Endpoint): Endpoint => {
      const v = ep[key];
      if (v === undefined || v < start) return ep;
      moved = true;
      return { ...ep, [key]: v + count };
    };
    const next: RefToken = { ...t, a: move(t.a) };
    if (t.b) next.b = move(t.b);
    if (!moved) return t.text;
    changed = true;
    return emitRef(next, t.prefix);
  });
  return changed ? out.join('') : formula;
}

/** Rewrites references to a renamed sheet (Sheets updates formulas on rename). */
export function renameInFormula(formula: string, oldTitle: string, newTitle: string): string {
  let changed = false;
  const out = tokenize(formula).map((t) => {
    if (t.kind !== 'ref' || t.sheet === undefined || !sameSheet(t.sheet, oldTitle)) return t.text;
    changed = true;
    return emitRef(t, `${quoteSheetName(newTitle)}!`);
  });
  return changed ? out.join('') : formula;
}
