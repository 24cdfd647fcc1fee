// Formulas that parse in every spreadsheet locale. Sheets reads formula text in the
// spreadsheet's locale: `,` between arguments in comma locales (en_US, en_GB…), `;` in the
// semicolon ones (ca_ES, es_ES… — where `,` is the decimal mark and a `,` between arguments
// is a parse error). Comma locales accept `;` between arguments and correct it to `,`, so a
// formula written with `;`, and with no decimal or array literal (those differ too), works
// in both — the Commission's locale stays whatever they chose. Such a formula reads back
// with `,` in a comma locale and `;` in a semicolon one: compare with sameFormula.

/** Splits formula text into string literals (kept whole) and the code between them. */
function parts(formula: string): Array<{ code: boolean; text: string }> {
  return formula.split(/("(?:[^"]|"")*")/).map((text, i) => ({ code: i % 2 === 0, text }));
}

const mapCode = (formula: string, map: (code: string) => string): string =>
  parts(formula)
    .map((p) => (p.code ? map(p.text) : p.text))
    .join('');

/**
 * The formula with `;` between arguments. Refuses what would not read the same in every
 * locale: a decimal literal (`0.5`), an array literal (`{…}`).
 */
export function portable(formula: string): string {
  return mapCode(formula, (code) => {
    if (/\d\.\d|\{/.test(code.replace(/'[^']*'!|[A-Za-z_][\w.]*!/g, ''))) {
      throw new Error(`formula not portable across locales: ${formula}`);
    }
    return code.replace(/,/g, ';');
  });
}

/** One spelling for comparing formulas read back in any locale with what setup writes. */
export function normalFormula(formula: string): string {
  return mapCode(formula, (code) => code.replace(/;/g, ','));
}

export const sameFormula = (a: string | undefined, b: string): boolean => a !== undefined && normalFormula(a) === normalFormula(b);

/** A text value as a formula's string literal: `Llista d’espera` → `"Llista d’espera"`. */
export const literal = (value: string): string => `"${value.replace(/"/g, '""')}"`;
