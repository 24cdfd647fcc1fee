// Turns a formula as Google Sheets accepts it into one HyperFormula evaluates the same way.
// HyperFormula differs from Sheets on a few points this project relies on:
//  - open-ended ranges (`A2:A`) are a parse error, and whole columns/rows (`A:A`, `2:5`)
//    span HyperFormula's own 40 000 × 18 278 limits rather than the sheet's grid, so an
//    ARRAYFORMULA over them would spill far past the grid. Every range is bounded here at
//    the target sheet's current rowCount/columnCount, exactly; when the grid grows the
//    engine stretches those bounds with it (engine-structure.ts), so `A2:A` keeps following
//    appended rows and COUNTBLANK(A2:A) still counts only the grid's cells.
//  - sheet names: references are re-pointed at internal names (`S<sheetId>`), so quoting
//    rules (`'Bosses d''hores'`, `·`) and renames never reach HyperFormula; an unknown sheet
//    becomes `#REF!`, as in Sheets.
//  - ROW(range)/COLUMN(range) return only the first index in HyperFormula, while inside
//    ARRAYFORMULA Sheets returns one per row/column: rewritten to SEQUENCE(n,1,first).
//  - bare TRUE/FALSE are names, not booleans, in HyperFormula: rewritten to TRUE()/FALSE().
//  - AVERAGEIFS is missing: rewritten to SUMIFS(…)/COUNTIFS(…), which gives the same value
//    and the same #DIV/0! when nothing matches.
//  - references inside an inline array `{…}` are not tracked as dependencies, so the array
//    is wrapped as WITHREFS({…}, ref…) (engine-functions.ts).
import { columnToLetters } from './a1';
import { tokenize } from './formula-refs';
import type { RefToken, Token } from './formula-refs';

export interface SheetShape {
  engineName: string;
  rowCount: number;
  columnCount: number;
}

export interface TranslateContext {
  own: SheetShape;
  resolve(title: string): SheetShape | undefined;
}

interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function boundRef(t: RefToken, shape: SheetShape): Box {
  const lastRow = Math.max(shape.rowCount - 1, 0);
  const lastCol = Math.max(shape.columnCount - 1, 0);
  const a = t.a;
  const b = t.b ?? t.a;
  const r1 = a.row ?? 0;
  const c1 = a.col ?? 0;
  const r2 = b.row ?? Math.max(lastRow, r1);
  const c2 = b.col ?? Math.max(lastCol, c1);
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

const cellText = (r: number, c: number): string => `${columnToLetters(c)}${r + 1}`;

function nextNonSpace(tokens: Token[], i: number, step: 1 | -1): Token | undefined {
  for (let j = i + step; j >= 0 && j < tokens.length; j += step) {
    const t = tokens[j] as Token;
    if (!(t.kind === 'other' && /\s/.test(t.text))) return t;
  }
  return undefined;
}

function translateTokens(tokens: Token[], ctx: TranslateContext): string {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'ident') {
      const next = nextNonSpace(tokens, i, 1);
      const upper = t.text.toUpperCase();
      if ((upper === 'TRUE' || upper === 'FALSE') && next?.text !== '(') {
        out.push(`${upper}()`);
        continue;
      }
      out.push(t.text);
      continue;
    }
    if (t.kind !== 'ref') {
      out.push(t.text);
      continue;
    }
    const shape = t.sheet === undefined ? ctx.own : ctx.resolve(t.sheet);
    if (!shape) {
      out.push('#REF!');
      continue;
    }
    const box = boundRef(t, shape);
    const single = !t.b && box.r1 === box.r2 && box.c1 === box.c2;
    const text = `${shape.engineName}!${cellText(box.r1, box.c1)}${single ? '' : `:${cellText(box.r2, box.c2)}`}`;
    // ROW(range) / COLUMN(range): replace the whole call when its only argument is this range.
    const open = nextNonSpace(tokens, i, -1);
    const fn = open?.text === '(' ? nextNonSpace(tokens, tokens.indexOf(open), -1) : undefined;
    const close = nextNonSpace(tokens, i, 1);
    const fnName = fn?.kind === 'ident' ? fn.text.toUpperCase() : '';
    if (close?.text === ')' && (fnName === 'ROW' || fnName === 'COLUMN')) {
      const n = fnName === 'ROW' ? box.r2 - box.r1 + 1 : box.c2 - box.c1 + 1;
      if (n > 1) {
        // Drop the already-emitted `ROW` and `(` (and any spaces between), then skip `)`.
        while (out.length && out[out.length - 1] !== '(') out.pop();
        out.pop();
        while (out.length && /^\s*$/.test(out[out.length - 1] as string)) out.pop();
        out.pop();
        out.push(fnName === 'ROW' ? `SEQUENCE(${n},1,${box.r1 + 1})` : `SEQUENCE(1,${n},${box.c1 + 1})`);
        i = tokens.indexOf(close);
        continue;
      }
    }
    out.push(text);
  }
  return out.join('');
}

/** Splits `NAME( … )` call arguments at top-level commas; returns the end token index. */
function callArgs(tokens: Token[], openIdx: number): { args: string[]; end: number } | undefined {
  let depth = 0;
  const args: string[] = [];
  let cur = '';
  for (let j = openIdx; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.kind === 'other' && (t.text === '(' || t.text === '{')) {
      depth++;
      if (depth === 1) continue;
    }
    if (t.kind === 'other' && (t.text === ')' || t.text === '}')) {
      depth--;
      if (depth === 0) {
        args.push(cur);
        return { args, end: j };
      }
    }
    if (depth === 1 && t.kind === 'other' && t.text === ',') {
      args.push(cur);
      cur = '';
      continue;
    }
    cur += t.text;
  }
  return undefined;
}

function rewriteAverageIfs(src: string): string {
  if (!/AVERAGEIFS/i.test(src)) return src;
  for (let guard = 0; guard < 100; guard++) {
    const tokens = tokenize(src);
    let idx = -1;
    tokens.forEach((t, i) => {
      if (t.kind === 'ident' && t.text.toUpperCase() === 'AVERAGEIFS' && tokens[i + 1]?.text === '(') idx = i;
    });
    if (idx < 0) return src;
    const call = callArgs(tokens, idx + 1);
    if (!call) return src;
    const [avg = '', ...criteria] = call.args;
    const replacement = `(SUMIFS(${avg},${criteria.join(',')})/COUNTIFS(${criteria.join(',')}))`;
    src =
      tokens.slice(0, idx).map((t) => t.text).join('') +
      replacement +
      tokens.slice(call.end + 1).map((t) => t.text).join('');
  }
  return src;
}

/** `{…}` holding references → `WITHREFS({…},ref,…)`, on already translated text. */
function exposeArrayRefs(src: string): string {
  if (!src.includes('{')) return src;
  const out: string[] = [];
  let refs: string[] = [];
  let opened = -1;
  let depth = 0;
  for (const t of tokenize(src)) {
    if (t.kind === 'other' && t.text === '{' && depth++ === 0) {
      refs = [];
      opened = out.push('') - 1; // becomes `WITHREFS(` if references turn up inside
    }
    if (t.kind === 'ref' && depth > 0 && !refs.includes(t.text)) refs.push(t.text);
    out.push(t.text);
    if (t.kind === 'other' && t.text === '}' && depth > 0 && --depth === 0 && refs.length) {
      out[opened] = 'WITHREFS(';
      out.push(`,${refs.join(',')})`);
    }
  }
  return out.join('');
}

/** Formula text (with its leading `=`) → the text handed to HyperFormula. */
export function translateFormula(formula: string, ctx: TranslateContext): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return `=${exposeArrayRefs(rewriteAverageIfs(translateTokens(tokenize(body), ctx)))}`;
}
