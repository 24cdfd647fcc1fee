// Cells as the Sheets API carries them, both ways: what a read's effectiveValue means to us
// (a formula error stays visible), and what we write (typed values, our formulas).
import type { sheets_v4 } from '@googleapis/sheets';
import { FormulaError } from '../workspace/formula-error';
import type { CellValue } from '../workspace/request-row';

export type Cell = sheets_v4.Schema$CellData;

/** What Sheets shows for each ErrorValue type (FORMATTED_VALUE). */
const ERROR_SHOWN: Record<string, string> = {
  ERROR: '#ERROR!', NULL_VALUE: '#NULL!', DIVIDE_BY_ZERO: '#DIV/0!', VALUE: '#VALUE!', REF: '#REF!', NAME: '#NAME?', NUM: '#NUM!', N_A: '#N/A', LOADING: '#LOADING',
};

export const cellValue = (c: Cell | undefined): unknown => {
  const v = c?.effectiveValue;
  if (v?.errorValue) return new FormulaError(ERROR_SHOWN[v.errorValue.type ?? ''] ?? '#ERROR!');
  return v?.stringValue ?? v?.numberValue ?? v?.boolValue ?? undefined;
};

export const formulaCell = (f: string): Cell => ({ userEnteredValue: { formulaValue: f } });

/** A typed value as entered: text stays text (RAW), whatever it looks like. */
export const toCell = (v: CellValue | undefined): Cell =>
  v === undefined
    ? {}
    : {
        userEnteredValue:
          typeof v === 'string' ? { stringValue: v } : typeof v === 'number' ? { numberValue: v } : { boolValue: v },
      };
