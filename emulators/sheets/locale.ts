// A spreadsheet's locale, as far as it changes how text is read: the decimal mark, the digit
// grouping, the argument separator of formulas and the column separator of array literals,
// and the order of day and month in typed dates. Sheets offers 72 locales; 44 of them write
// numbers with a decimal comma and so take `;` between arguments (docs/google-fidelity.md,
// "Locale and USER_ENTERED"). The languages below are those locales' languages; a locale of
// another language reads like en_US. Spanish is the one language split by country: Spain
// and most of Latin America write a decimal comma, Mexico and the US a point.
import { invalid } from './errors';

export interface LocaleSyntax {
  locale: string;
  decimal: '.' | ',';
  grouping: ',' | '.';
  /** Between function arguments. */
  argument: ',' | ';';
  /** Between the columns of an array literal (rows are always `;`). */
  arrayColumn: ',' | '\\';
  /** Typed dates like 03/04/2020: day first (en_GB, ca_ES…) or month first (en_US). */
  dayFirst: boolean;
}

const COMMA_DECIMAL_LANGUAGES = new Set([
  'ca', 'de', 'fr', 'it', 'nl', 'pt', 'ru', 'pl', 'cs', 'sk', 'sl', 'hr', 'sr', 'bg', 'ro', 'hu',
  'da', 'fi', 'sv', 'nb', 'no', 'tr', 'el', 'uk', 'lt', 'lv', 'et', 'id', 'vi', 'eu', 'gl',
]);
const POINT_DECIMAL_SPANISH = new Set(['es_MX', 'es_US', 'es_419']);
const MONTH_FIRST = new Set(['en_US', 'en_PH', 'es_US']);

export const DEFAULT_LOCALE = 'en_US';

export function localeSyntax(locale: unknown): LocaleSyntax {
  const name = typeof locale === 'string' && locale ? locale : DEFAULT_LOCALE;
  const language = name.split(/[_-]/)[0]?.toLowerCase() ?? '';
  const comma = COMMA_DECIMAL_LANGUAGES.has(language) || (language === 'es' && !POINT_DECIMAL_SPANISH.has(name));
  return {
    locale: name,
    decimal: comma ? ',' : '.',
    grouping: comma ? '.' : ',',
    argument: comma ? ';' : ',',
    arrayColumn: comma ? '\\' : ',',
    dayFirst: !MONTH_FIRST.has(name),
  };
}

/**
 * Fills in or checks `properties.locale`: a spreadsheet created without one is en_US (what
 * the API reports for it); a name not shaped like `ll_CC` (or a bare language) is refused.
 */
export function checkLocale(properties: Record<string, unknown>): void {
  const v = properties['locale'];
  if (v === undefined || v === null || v === '') {
    properties['locale'] = DEFAULT_LOCALE;
    return;
  }
  if (typeof v !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2}|_\d{3})?$/.test(v)) {
    throw invalid(`Invalid value at 'spreadsheet.properties.locale': unsupported locale "${String(v)}"`);
  }
}
