// HyperFormula results as the API's ExtendedValue. Errors get Google's ErrorValue types
// (DIVIDE_BY_ZERO, N_A, …) and the `#DIV/0!`-style text FORMATTED_VALUE shows; a few
// HyperFormula-only errors map to what Sheets shows in the same situation.
import { DetailedCellError } from 'hyperformula';
import type { CellValue } from 'hyperformula';
import type { ErrorValue, ExtendedValue } from './model';

const ERROR_TYPES: Record<string, [string, string]> = {
  DIV_BY_ZERO: ['DIVIDE_BY_ZERO', '#DIV/0!'],
  NA: ['N_A', '#N/A'],
  NAME: ['NAME', '#NAME?'],
  VALUE: ['VALUE', '#VALUE!'],
  REF: ['REF', '#REF!'],
  NUM: ['NUM', '#NUM!'],
  NULL: ['NULL_VALUE', '#NULL!'],
  SPILL: ['REF', '#REF!'],
  CYCLE: ['REF', '#REF!'],
  ERROR: ['ERROR', '#ERROR!'],
  LIC: ['ERROR', '#ERROR!'],
};

const ERROR_MESSAGES: Record<string, string> = {
  SPILL: 'Array result was not expanded because it would overwrite data.',
  CYCLE: 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.',
  DIV_BY_ZERO: 'Function DIVIDE parameter 2 cannot be zero.',
};

/** `#DIV/0!` etc. for an errorValue (what FORMATTED_VALUE shows). */
export function errorText(e: ErrorValue): string {
  for (const [type, text] of Object.values(ERROR_TYPES)) if (type === e.type) return text;
  return '#ERROR!';
}

export function toExtended(v: CellValue): ExtendedValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (v instanceof DetailedCellError) {
    const [type] = ERROR_TYPES[v.type] ?? ['ERROR'];
    // HyperFormula explains where its parser stopped; Sheets says only this.
    const message = v.type === 'ERROR' && v.message?.startsWith('Parsing error') ? 'Formula parse error.' : v.message;
    return { errorValue: { type, message: ERROR_MESSAGES[v.type] ?? message ?? '' } };
  }
  return undefined;
}

