// @ts-check
// What Sheets' own UI does with a grid that the API only describes: colours from
// conditional-format rules (the API returns the rules, never their result) and the editor
// a data-validation rule calls for. Custom formulas are evaluated for the forms the
// workspace uses (comparisons of the row's cells, AND/OR/NOT, ISBLANK), with `,` or `;`
// between arguments as the API returns them in a comma or a semicolon locale; a rule written
// any other way is left uncoloured here rather than guessed at. Comparisons follow Sheets: a
// blank cell equals FALSE, 0 and "" — so `=$Y2=FALSE` alone would paint every empty row, and
// the workspace's rules guard on the row's ID; here, as in Sheets, an unguarded one would.

/** 0 → A, 26 → AA */
export function columnLetter(index) {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const columnIndex = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** A tab name as A1 notation spells it: quoted unless it is a plain word. */
export const a1Tab = (name) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** The effective value of a CellData: number, string, boolean, or null when blank. */
export function effective(cell) {
  const v = cell?.effectiveValue;
  if (!v) return null;
  if ('numberValue' in v) return v.numberValue;
  if ('boolValue' in v) return v.boolValue;
  if ('stringValue' in v) return v.stringValue === '' ? null : v.stringValue;
  return v.errorValue ? { error: v.errorValue.type } : null;
}

function tokenize(src) {
  const re = /\s*(?:(\$?[A-Z]{1,3}\$?\d+)|("(?:[^"]|"")*")|(\d+(?:\.\d+)?)|(<>|<=|>=|[=<>(),;])|([A-Z][A-Z.]*))/gy;
  const out = [];
  let m;
  while (re.lastIndex < src.length && (m = re.exec(src))) {
    if (m[1]) out.push({ t: 'ref', v: m[1] });
    else if (m[2]) out.push({ t: 'str', v: m[2].slice(1, -1).replace(/""/g, '"') });
    else if (m[3]) out.push({ t: 'num', v: Number(m[3]) });
    else if (m[4]) out.push({ t: 'op', v: m[4] });
    else out.push({ t: 'name', v: m[5] });
  }
  if (re.lastIndex < src.trimEnd().length) throw new Error('unsupported formula');
  return out;
}

/** Parses "=…" into a function of (valueAt, dRow, dCol); throws on anything unsupported. */
export function compileCondition(formula) {
  const tokens = tokenize(String(formula).replace(/^=/, ''));
  let i = 0;
  const peek = () => tokens[i];
  const take = (v) => {
    const tok = tokens[i++];
    if (!tok || (v !== undefined && tok.v !== v)) throw new Error('unsupported formula');
    return tok;
  };
  function primary() {
    const tok = take();
    if (tok.t === 'num' || tok.t === 'str') return () => tok.v;
    if (tok.t === 'name' && (tok.v === 'TRUE' || tok.v === 'FALSE') && peek()?.v !== '(') return () => tok.v === 'TRUE';
    if (tok.t === 'ref') {
      const m = /^(\$?)([A-Z]+)(\$?)(\d+)$/.exec(tok.v);
      if (!m) throw new Error('unsupported formula');
      const [, colAbs, letters, rowAbs, row] = m;
      const c = columnIndex(letters);
      const r = Number(row) - 1;
      return (at, dr, dc) => at(rowAbs ? r : r + dr, colAbs ? c : c + dc);
    }
    if (tok.t === 'op' && tok.v === '(') {
      const e = comparison();
      take(')');
      return e;
    }
    if (tok.t === 'name' && ['AND', 'OR', 'NOT', 'ISBLANK'].includes(tok.v)) {
      take('(');
      const args = [comparison()];
      while (peek()?.v === ',' || peek()?.v === ';') {
        take();
        args.push(comparison());
      }
      take(')');
      const truthy = (x) => x === true || (typeof x === 'number' && x !== 0);
      if (tok.v === 'AND') return (...a) => args.every((f) => truthy(f(...a)));
      if (tok.v === 'OR') return (...a) => args.some((f) => truthy(f(...a)));
      if (tok.v === 'NOT') return (...a) => !truthy(args[0](...a));
      return (...a) => args[0](...a) === null;
    }
    throw new Error('unsupported formula');
  }
  function comparison() {
    const left = primary();
    const op = peek();
    if (op?.t !== 'op' || !['=', '<>', '<', '<=', '>', '>='].includes(op.v)) return left;
    i++;
    const right = primary();
    return (...a) => compare(op.v, left(...a), right(...a));
  }
  const expr = comparison();
  if (i !== tokens.length) throw new Error('unsupported formula');
  return expr;
}

/** Sheets' comparison: a blank cell equals "", 0 and FALSE; text compares without case. */
function compare(op, a, b) {
  const blank = (x) => x === null || x === '';
  if (blank(a) && !blank(b)) a = typeof b === 'number' ? 0 : typeof b === 'boolean' ? false : '';
  if (blank(b) && !blank(a)) b = typeof a === 'number' ? 0 : typeof a === 'boolean' ? false : '';
  if (blank(a) && blank(b)) a = b = '';
  if (typeof a !== typeof b) return op === '<>';
  if (typeof a === 'string') [a, b] = [a.toLowerCase(), b.toLowerCase()];
  switch (op) {
    case '=': return a === b;
    case '<>': return a !== b;
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    default: return a >= b;
  }
}

const inRange = (g, r, c) =>
  r >= (g.startRowIndex ?? 0) && r < (g.endRowIndex ?? Infinity) && c >= (g.startColumnIndex ?? 0) && c < (g.endColumnIndex ?? Infinity);

/**
 * A function (row, col) → CSS background or undefined. As in Sheets, the first rule in the
 * list that matches a cell wins, and a formula is relative to its first range's top-left.
 */
export function conditionalColours(rules, valueAt) {
  const compiled = (rules ?? []).flatMap((rule) => {
    const cond = rule.booleanRule?.condition;
    const colour = rule.booleanRule?.format?.backgroundColor;
    if (cond?.type !== 'CUSTOM_FORMULA' || !colour || !rule.ranges?.length) return [];
    try {
      return [{ ranges: rule.ranges, test: compileCondition(cond.values?.[0]?.userEnteredValue ?? ''), css: rgb(colour) }];
    } catch {
      return [];
    }
  });
  return (r, c) => {
    for (const rule of compiled) {
      if (!rule.ranges.some((g) => inRange(g, r, c))) continue;
      const anchor = rule.ranges[0];
      if (rule.test(valueAt, r - (anchor.startRowIndex ?? 0), c - (anchor.startColumnIndex ?? 0)) === true) return rule.css;
    }
    return undefined;
  };
}

const rgb = (c) => `rgb(${Math.round((c.red ?? 0) * 255)}, ${Math.round((c.green ?? 0) * 255)}, ${Math.round((c.blue ?? 0) * 255)})`;

/** The editor a validation rule calls for: checkbox, list (values or a range to read), number, or text. */
export function editorFor(dataValidation) {
  const cond = dataValidation?.condition;
  const values = (cond?.values ?? []).map((v) => v.userEnteredValue ?? '');
  switch (cond?.type) {
    case 'BOOLEAN':
      return { kind: 'checkbox' };
    case 'ONE_OF_LIST':
      return { kind: 'list', values };
    case 'ONE_OF_RANGE':
      return { kind: 'list', range: String(values[0] ?? '').replace(/^=/, '').replace(/\$/g, '') };
    case 'NUMBER_BETWEEN':
      return { kind: 'number', min: Number(values[0]), max: Number(values[1]) };
    default:
      return { kind: 'text' };
  }
}

/** Whether a protected range (the API's GridRange, open ends unbounded) covers a column. */
export const protectsColumn = (protectedRanges, col) => (protectedRanges ?? []).some((p) => inRange({ ...p.range, startRowIndex: 0 }, 0, col));
