// Formula evaluation with HyperFormula (GPL-3 licence key), one engine per spreadsheet, built
// from the model and cached until the spreadsheet's revision changes. Rebuilding on change
// (rather than patching the engine) keeps the model the single source of truth: inserted
// rows, grown grids and renamed sheets simply produce new translated formulas
// (formula-translate.ts), so open-ended ranges follow the grid as in Sheets.
//
// Literal text never reaches HyperFormula as something it could parse: every string is
// handed over with a leading apostrophe, HyperFormula's "this is text" marker, so a RAW
// `=IMPORTXML(…)` or `'2024-01-01` stays a string. Only `formulaValue` cells are formulas.
//
// Checked to evaluate as Google Sheets does (tests/integration/sheets-emulator-formulas):
//   IF, IFERROR, AND, OR, NOT, LEN, TRIM, LOWER, UPPER, SUM, SUMIF, SUMIFS, COUNT, COUNTA,
//   COUNTIF, COUNTIFS, COUNTBLANK, AVERAGE, AVERAGEIF, AVERAGEIFS (rewritten), MAX, MIN,
//   ROUND, INDEX, MATCH, VLOOKUP, ISBLANK, ISNUMBER, ISTEXT, DATE, TODAY, CONCATENATE, &,
//   ROW (with a range: rewritten), SUMPRODUCT, RANK/RANK.EQ (plugin, also vectorised inside
//   ARRAYFORMULA), TEXT with date and fixed-decimal patterns, ARRAYFORMULA, and inline arrays
//   `{"Total"; …}` spilling down a column; bare TRUE/FALSE (rewritten).
// Known differences:
//   - array arithmetic is on everywhere, so `=IF(A2:A5="",…)` spills even without
//     ARRAYFORMULA (Sheets would need the wrapper); harmless for formulas written for Sheets.
//   - an array that would run past the grid is clipped; Sheets adds rows instead.
//   - a blocked spill is #REF! (HyperFormula's #SPILL! is mapped), message differs slightly.
//   - TEXT(x,"0%") gives "0%": HyperFormula's TEXT does not scale percentages.
//   - TODAY()/NOW() follow the machine's time zone, not the spreadsheet's timeZone.
//   - Google-only functions (IMPORTXML, QUERY, REGEXMATCH, …) evaluate to #NAME?.
//   - numbers are rounded to ~15 significant digits internally (HyperFormula smartRounding).
//   - stored formula text is returned as entered; Sheets also upper-cases function names.
import { HyperFormula } from 'hyperformula';
import type { CellValue } from 'hyperformula';
import { registerSheetsFunctions } from './engine-functions';
import { errorText, toExtended } from './engine-values';
import { translateFormula } from './formula-translate';
import type { SheetShape } from './formula-translate';
import { findSheet, getCell } from './model';
import type { ExtendedValue, Sheet, Spreadsheet } from './model';

export type NumberKind = 'DATE' | 'DATE_TIME' | 'TIME';

export interface EvaluatedCell {
  /** The effective value; undefined for an empty cell. */
  value?: ExtendedValue;
  /** Set when a formula produced a date/time serial (Sheets formats those as dates). */
  numberKind?: NumberKind;
  /** True when the value comes from an array formula in another cell. */
  spilled?: boolean;
}

const engineName = (s: Sheet): string => `s${s.properties.sheetId}`;

function hasFormulas(ss: Spreadsheet): boolean {
  return ss.sheets.some((s) => s.rows.some((r) => r?.some((c) => c?.userEnteredValue?.formulaValue !== undefined)));
}

function rawContent(v: ExtendedValue | undefined, translate: (f: string) => string): unknown {
  if (!v) return null;
  if (v.formulaValue !== undefined) return translate(v.formulaValue);
  if (v.numberValue !== undefined) return v.numberValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.stringValue !== undefined) return `'${v.stringValue}`; // apostrophe: always literal text
  if (v.errorValue) return errorText(v.errorValue);
  return null;
}

export class Evaluation {
  private readonly hf?: HyperFormula;
  private readonly values = new Map<number, CellValue[][]>();

  constructor(ss: Spreadsheet) {
    if (!hasFormulas(ss)) return;
    registerSheetsFunctions();
    const shape = (s: Sheet): SheetShape => ({
      engineName: `'${engineName(s)}'`,
      rowCount: s.properties.gridProperties.rowCount,
      columnCount: s.properties.gridProperties.columnCount,
    });
    const data: Record<string, unknown[][]> = {};
    for (const sheet of ss.sheets) {
      const ctx = {
        own: shape(sheet),
        resolve: (title: string) => {
          const target = findSheet(ss, title);
          return target ? shape(target) : undefined;
        },
      };
      data[engineName(sheet)] = sheet.rows.map((row) =>
        (row ?? []).map((cell) => rawContent(cell?.userEnteredValue, (f) => translateFormula(f, ctx))),
      );
    }
    this.hf = HyperFormula.buildFromSheets(data as never, {
      licenseKey: 'gpl-v3',
      useArrayArithmetic: true,
      maxRows: 100_000,
    });
  }

  cell(sheet: Sheet, row: number, col: number): EvaluatedCell {
    const entered = getCell(sheet, row, col)?.userEnteredValue;
    if (entered && entered.formulaValue === undefined) {
      const { formulaValue: _f, ...literal } = entered;
      return Object.keys(literal).length ? { value: literal } : {};
    }
    const found = this.sheetValues(sheet);
    if (!found || !this.hf) return {};
    const [sheetId, values] = found;
    const raw = values[row]?.[col] ?? null;
    const value = toExtended(raw);
    if (!value) return {};
    const out: EvaluatedCell = { value };
    if (!entered) out.spilled = true;
    if (typeof raw === 'number') {
      const t = this.hf.getCellValueDetailedType({ sheet: sheetId, row, col });
      if (t === 'NUMBER_DATE') out.numberKind = 'DATE';
      else if (t === 'NUMBER_DATETIME') out.numberKind = 'DATE_TIME';
      else if (t === 'NUMBER_TIME') out.numberKind = 'TIME';
    }
    return out;
  }

  /** Rows that hold computed values (formula results and spills) in the engine. */
  height(sheet: Sheet): number {
    return this.sheetValues(sheet)?.[1].length ?? 0;
  }

  private sheetValues(sheet: Sheet): [number, CellValue[][]] | undefined {
    if (!this.hf) return undefined;
    const sheetId = this.hf.getSheetId(engineName(sheet));
    if (sheetId === undefined) return undefined;
    let values = this.values.get(sheetId);
    if (!values) {
      values = this.hf.getSheetValues(sheetId);
      this.values.set(sheetId, values);
    }
    return [sheetId, values];
  }

  dispose(): void {
    this.hf?.destroy();
  }
}

const cache = new WeakMap<Spreadsheet, { revision: number; evaluation: Evaluation }>();

/** The (cached) evaluation of a spreadsheet at its current revision. */
export function evaluate(ss: Spreadsheet): Evaluation {
  const hit = cache.get(ss);
  if (hit && hit.revision === ss.revision) return hit.evaluation;
  hit?.evaluation.dispose();
  const evaluation = new Evaluation(ss);
  cache.set(ss, { revision: ss.revision, evaluation });
  return evaluation;
}
