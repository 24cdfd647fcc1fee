// The emulator replaces HyperFormula's COUNTIF/COUNTIFS/SUMIF/SUMIFS and exact MATCH with
// faster versions that share range reads, criterion masks and lookup maps between formulas
// (emulators/sheets/engine-criteria.ts, engine-lookup.ts). They must answer exactly as
// HyperFormula's own: the same sheet is built with each, values compared, then edited the
// same way and compared again.
import { HyperFormula } from 'hyperformula';
import type { CellValue, RawCellContent } from 'hyperformula';
import { afterAll, describe, expect, it } from 'vitest';
import { FastCriteriaPlugin } from '../../emulators/sheets/engine-criteria';
import { registerSheetsFunctions } from '../../emulators/sheets/engine-functions';
import { FastMatchPlugin } from '../../emulators/sheets/engine-lookup';

registerSheetsFunctions();
// HyperFormula's own plugins still serve AVERAGEIF and VLOOKUP, so they are found there.
const conditional = HyperFormula.getFunctionPlugin('AVERAGEIF');
const lookup = HyperFormula.getFunctionPlugin('VLOOKUP');
const REPLACED = ['COUNTIF', 'COUNTIFS', 'SUMIF', 'SUMIFS'];
const ours = () => {
  HyperFormula.registerFunctionPlugin(FastCriteriaPlugin as never);
  HyperFormula.registerFunctionPlugin(FastMatchPlugin as never);
};
afterAll(ours);

const config = { licenseKey: 'gpl-v3', useArrayArithmetic: true } as never;

/** Builds the sheet twice, with HyperFormula's functions and with the emulator's. */
function both(data: RawCellContent[][]): [HyperFormula, HyperFormula] {
  if (!conditional || !lookup) throw new Error('HyperFormula plugins not found');
  for (const id of REPLACED) HyperFormula.registerFunction(id, conditional);
  HyperFormula.registerFunction('MATCH', lookup);
  const theirs = HyperFormula.buildFromArray(data, config);
  ours();
  return [theirs, HyperFormula.buildFromArray(data, config)];
}

const plain = (values: CellValue[][]) => JSON.parse(JSON.stringify(values)) as unknown;

const DATA: RawCellContent[][] = [
  [1, 'abc', true, 10, '=DATE(2024,1,5)'],
  [5, 'ABC', false, 20, '=DATE(2023,12,31)'],
  ['5', 'àbc', null, 30, '=1/0'],
  [null, 'a*b', 'TRUE', '=""', null],
  [3, '', true, 'x', 45000],
  [-2, 'xabc', false, 5.5, '=NA()'],
  [7, 'abc', true, '=1/0', 45296],
  ['=3+4', 'b', null, 1, 0],
];

const CRITERIA = ['5', '=5', '">3"', '">=3"', '"<>3"', '"<>"', '""', '"="', '"a*"', '"?bc"', '"abc"', '"ABC"', 'TRUE', 'FALSE', '"TRUE"', '">"&DATE(2024,1,1)', '"*"', '"~*"', '"àbc"', '1/0', 'H1', '"<"&45100'];

function formulas(): RawCellContent[][] {
  const rows: RawCellContent[][] = [];
  for (const c of CRITERIA) {
    rows.push([
      `=COUNTIF(A1:A8,${c})`, `=COUNTIF(B1:B8,${c})`, `=COUNTIF(C1:C8,${c})`, `=COUNTIF(E1:E8,${c})`,
      `=SUMIF(A1:A8,${c})`, `=SUMIF(B1:B8,${c},D1:D8)`, `=SUMIF(C1:C8,${c},E1:E8)`,
      `=COUNTIFS(A1:A8,${c},C1:C8,TRUE)`, `=COUNTIFS(B1:B8,"*b*",A1:A8,${c})`,
      `=SUMIFS(D1:D8,C1:C8,TRUE,B1:B8,${c})`, `=SUMIFS(A1:A8,A1:A8,${c},A1:A8,">0")`,
    ]);
  }
  // Mismatched sizes, and many formulas sharing criteria so that masks get cached.
  rows.push(['=COUNTIFS(A1:A8,1,B1:B7,"abc")', '=SUMIFS(D1:D8,A1:A7,">0")', '=SUMIF(A1:A8,">0",D1:D3)', '=COUNTIFS(A1:B8,">0")']);
  for (let i = 1; i <= 8; i++) rows.push([`=COUNTIFS(C$1:C$8,TRUE,B$1:B$8,B${i})`, `=SUMIFS(D$1:D$8,C$1:C$8,TRUE,A$1:A$8,"<="&A${i})`]);
  // MATCH: exact over columns and rows (shared maps), other types and 2-D ranges delegated.
  for (const k of ['5', '"5"', '"abc"', '"ABC"', '"abç"', 'TRUE', 'FALSE', '""', 'H1', 'Z99', '7', '45296', '"a*b"', '"zz"', 'DATE(2024,1,5)']) {
    rows.push([`=MATCH(${k},A1:A8,0)`, `=MATCH(${k},B1:B8,0)`, `=MATCH(${k},C1:C8,0)`, `=MATCH(${k},E1:E8,0)`, `=MATCH(${k},A2:E2,0)`, `=MATCH(${k},A1:B8,0)`, `=MATCH(${k},A1:A8)`, `=MATCH(${k},E1:E8,-1)`, `=MATCH(${k},B1:B8,2)`]);
  }
  return rows;
}

function sheet(): RawCellContent[][] {
  const data = DATA.map((r) => [...r, null, null, r === DATA[0] ? 'abc' : null]);
  return [...data, ...formulas().map((r) => r)];
}

describe('COUNTIF(S)/SUMIF(S) replacements', () => {
  it('give HyperFormula’s results on build and after edits', () => {
    const [theirs, ours] = both(sheet());
    try {
      expect(plain(ours.getSheetValues(0))).toEqual(plain(theirs.getSheetValues(0)));
      const edits: Array<[number, number, RawCellContent]> = [
        [0, 0, 'abc'], [3, 0, 5], [4, 2, 'FALSE'], [1, 1, null], [7, 3, '=2*3'], [2, 4, 45001], [0, 7, 'ABC'], [5, 1, 'a*b'],
      ];
      for (const [row, col, value] of edits) {
        for (const hf of [theirs, ours]) {
          hf.suspendEvaluation();
          hf.setCellContents({ sheet: 0, row, col }, [[value]]);
          hf.resumeEvaluation();
        }
        expect(plain(ours.getSheetValues(0))).toEqual(plain(theirs.getSheetValues(0)));
      }
      for (const hf of [theirs, ours]) hf.addRows(0, [4, 2]);
      expect(plain(ours.getSheetValues(0))).toEqual(plain(theirs.getSheetValues(0)));
    } finally {
      theirs.destroy();
      ours.destroy();
    }
  });
});
