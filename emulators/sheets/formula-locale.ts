// Formulas cross the API in the spreadsheet's locale and are kept in one canonical form, the
// en_US one (`,` between arguments, `.` decimals, `{a,b;c,d}` arrays), which is what the
// rest of the emulator (references, structure edits, the engine) reads. So a formula is
// translated twice: from the locale when it is written (values USER_ENTERED, updateCells'
// formulaValue, data-validation and conditional-format formulas) and back to the locale
// when it is read (FORMULA renders, userEnteredValue, rules). A locale changed later needs
// no rewriting: the same canonical text is shown in the new locale, as Sheets re-displays
// formulas after File > Settings > Locale.
//
// What each locale accepts (docs/google-fidelity.md, "Locale and USER_ENTERED"):
//  - comma locales (en_US, en_GB…): `;` between arguments is corrected to `,`;
//  - semicolon locales (ca_ES, es_ES…): `,` is the decimal mark and nothing else — a `,`
//    between arguments, or a `.` decimal, does not parse; array columns take `\`.
// A formula that does not parse is kept as typed and shows #ERROR! ("Formula parse
// error."), as in Sheets; it is marked with a leading NUL, which no typed text starts with.
import { invalid } from './errors';
import { tokenize } from './formula-refs';
import type { Token } from './formula-refs';
import { localeSyntax } from './locale';
import type { LocaleSyntax } from './locale';

const CANONICAL = localeSyntax('en_US');
const UNPARSED = '\u0000';

export const PARSE_ERROR = { type: 'ERROR', message: 'Formula parse error.' } as const;

/** Whether stored formula text is one that did not parse when it was entered. */
export const isUnparsed = (stored: string): boolean => stored.startsWith(UNPARSED);

const DIGITS = /^\d+([eE][+-]?\d+)?$/;

/**
 * Rewrites formula text from one syntax to another; undefined when `from` would not parse
 * it. Strings, references and names pass through untouched.
 */
function convert(formula: string, from: LocaleSyntax, to: LocaleSyntax): string | undefined {
  const tokens = tokenize(formula);
  const out: string[] = [];
  const open: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (t.kind === 'num') {
      if (from.decimal === ',' && t.text.includes('.')) return undefined;
      // A decimal comma: digits, `,`, digits with nothing between them.
      if (from.decimal === ',' && /^\d+$/.test(t.text) && next?.text === ',' && tokens[i + 2]?.kind === 'num' && DIGITS.test(tokens[i + 2]!.text)) {
        out.push(`${t.text}${to.decimal}${tokens[i + 2]!.text}`);
        i += 2;
        continue;
      }
      out.push(t.text.replace('.', to.decimal));
      continue;
    }
    if (t.kind !== 'other') {
      out.push(t.text);
      continue;
    }
    const inside = open[open.length - 1];
    switch (t.text) {
      case '(':
      case '{':
        open.push(t.text);
        out.push(t.text);
        break;
      case ')':
      case '}':
        open.pop();
        out.push(t.text);
        break;
      case ';':
        // Between arguments in every locale (comma locales correct it); a row break in arrays.
        out.push(inside === '(' ? to.argument : ';');
        break;
      case ',':
        if (from.decimal === ',') {
          // `,5`: a decimal with no integer part, where a value may start.
          const before = tokens.slice(0, i).reverse().find((p) => !/^\s$/.test(p.text))?.text ?? '';
          if (next?.kind === 'num' && /^\d+$/.test(next.text) && /^([(;{=+\-*/^&<>\\]|)$/.test(before)) {
            out.push(`0${to.decimal}${next.text}`);
            i++;
            break;
          }
          return undefined;
        }
        out.push(inside === '{' ? to.arrayColumn : inside === '(' ? to.argument : ',');
        break;
      case '\\':
        if (inside !== '{' || from.arrayColumn !== '\\') return undefined;
        out.push(to.arrayColumn);
        break;
      default:
        out.push(t.text);
    }
  }
  return out.join('');
}

/** Formula text typed in `locale` → the stored (canonical) text. */
export function formulaFromLocale(formula: string, locale: unknown): string {
  const canonical = convert(formula, localeSyntax(locale), CANONICAL);
  return canonical ?? UNPARSED + formula;
}

/** Stored formula text → as Sheets shows it in `locale`. */
export function formulaToLocale(stored: string, locale: unknown): string {
  if (isUnparsed(stored)) return stored.slice(UNPARSED.length);
  const syntax = localeSyntax(locale);
  if (syntax.argument === CANONICAL.argument) return stored;
  return convert(stored, CANONICAL, syntax) ?? stored;
}


type Rule = Record<string, unknown>;

/** Copy of a rule with the formulas in its condition values mapped by `map`. */
function mapRuleFormulas(rule: unknown, map: (formula: string) => string): unknown {
  const copy = structuredClone(rule) as Rule;
  const conditions = [copy['condition'], (copy['booleanRule'] as Rule | undefined)?.['condition']];
  for (const condition of conditions) {
    for (const v of ((condition as Rule | undefined)?.['values'] ?? []) as Rule[]) {
      const text = v?.['userEnteredValue'];
      if (typeof text === 'string' && text.startsWith('=')) v['userEnteredValue'] = map(text);
    }
  }
  return copy;
}

/** A stored rule (data validation, conditional format) as read in `locale`. */
export const localeRule = (rule: unknown, locale: unknown): Rule => mapRuleFormulas(rule, (f) => formulaToLocale(f, locale)) as Rule;

/** A rule as sent in `locale`, stored canonical; a formula that does not parse is refused. */
export function ruleFromLocale(rule: unknown, locale: unknown): Rule {
  return mapRuleFormulas(rule, (f) => {
    const canonical = convert(f, localeSyntax(locale), CANONICAL);
    if (canonical === undefined) throw invalid(`Invalid formula "${f}" for the spreadsheet's locale ${localeSyntax(locale).locale}: Formula parse error.`);
    return canonical;
  }) as Rule;
}
