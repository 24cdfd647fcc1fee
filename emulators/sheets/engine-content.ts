// What the live engine hands HyperFormula for a cell: the formula translated against the
// spreadsheet's current sheets and grids (formula-translate.ts), or the literal value.
//
// Literal text never reaches HyperFormula as something it could parse: every string is
// handed over with a leading apostrophe, HyperFormula's "this is text" marker, so a RAW
// `=IMPORTXML(…)` or `'2024-01-01` stays a string. Only `formulaValue` cells are formulas.
import type { RawCellContent } from 'hyperformula';
import { errorText } from './engine-values';
import { isUnparsed, PARSE_ERROR } from './formula-locale';
import { translateFormula } from './formula-translate';
import type { SheetShape, TranslateContext } from './formula-translate';
import { findSheet } from './model';
import type { ExtendedValue, Sheet, Spreadsheet } from './model';

/** HyperFormula's name for a sheet: stable across renames, never needs quoting rules. */
export const engineName = (s: Sheet): string => `s${s.properties.sheetId}`;

const shape = (s: Sheet): SheetShape => ({
  engineName: `'${engineName(s)}'`,
  rowCount: s.properties.gridProperties.rowCount,
  columnCount: s.properties.gridProperties.columnCount,
});

/** How formulas on `owner` are translated: against the sheets and grids `ss` has now. */
export function translationContext(ss: Spreadsheet, owner: Sheet): TranslateContext {
  return {
    own: shape(owner),
    resolve: (title) => {
      const target = findSheet(ss, title);
      return target && shape(target);
    },
  };
}

/** A cell's entered value as HyperFormula input. */
export function content(v: ExtendedValue | undefined, ctx: TranslateContext): RawCellContent {
  if (!v) return null;
  if (v.formulaValue !== undefined) {
    // A formula that did not parse in the spreadsheet's locale is an error to its dependents.
    return isUnparsed(v.formulaValue) ? errorText(PARSE_ERROR) : translateFormula(v.formulaValue, ctx);
  }
  if (v.numberValue !== undefined) return v.numberValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.stringValue !== undefined) return `'${v.stringValue}`; // apostrophe: always literal text
  if (v.errorValue) return errorText(v.errorValue);
  return null;
}
