// A1 notation, formula reference rewriting and field masks of the Sheets emulator.
import { describe, expect, it } from 'vitest';
import { A1ParseError, clipToGrid, columnToLetters, formatA1, lettersToColumn, parseA1, quoteSheetName } from '../../emulators/sheets/a1';
import { applyMask, parseFieldMask, selectFields } from '../../emulators/sheets/fields';
import { formatNumberPattern, formatPlainNumber } from '../../emulators/sheets/format';
import { renameInFormula, shiftFormula } from '../../emulators/sheets/formula-refs';
import { translateFormula } from '../../emulators/sheets/formula-translate';

describe('columns', () => {
  it('converts letters and indexes both ways', () => {
    for (const [i, s] of [[0, 'A'], [25, 'Z'], [26, 'AA'], [51, 'AZ'], [701, 'ZZ'], [702, 'AAA']] as const) {
      expect(columnToLetters(i)).toBe(s);
      expect(lettersToColumn(s)).toBe(i);
    }
    expect(lettersToColumn('ab')).toBe(27);
  });
});

describe('parseA1', () => {
  it.each([
    ['Registre', { sheetName: 'Registre' }],
    ["'Sol·licituds'!A1:Z", { sheetName: 'Sol·licituds', startRow: 0, startCol: 0, endCol: 26 }],
    ["'It''s'!A:A", { sheetName: "It's", startCol: 0, endCol: 1 }],
    ["'Bosses d''hores'", { sheetName: "Bosses d'hores" }],
    ['A2:A', { startRow: 1, startCol: 0, endCol: 1 }],
    ['A:C', { startCol: 0, endCol: 3 }],
    ['2:5', { startRow: 1, endRow: 5 }],
    ['Sheet1!B3', { sheetName: 'Sheet1', startRow: 2, endRow: 3, startCol: 1, endCol: 2 }],
    ['Sheet1!$B$3:$A$1', { sheetName: 'Sheet1', startRow: 0, endRow: 3, startCol: 0, endCol: 2 }],
    ['a1:b2', { startRow: 0, endRow: 2, startCol: 0, endCol: 2 }],
    ['Full 1!A1', { sheetName: 'Full 1', startRow: 0, endRow: 1, startCol: 0, endCol: 1 }],
    ['A:B5', { startCol: 0, endCol: 2, endRow: 5 }],
  ])('%s', (text, want) => {
    expect(parseA1(text)).toEqual(want);
  });

  it.each(['Foo!!A1', "'unterminated", "'x'A1", 'Sheet1!', 'Sheet1!A0', '', "''!A1", 'S!2:B5', 'S!A2:5'])('rejects %j', (text) => {
    expect(() => parseA1(text)).toThrow(A1ParseError);
  });

  it('clips open and oversized bounds to the grid', () => {
    expect(clipToGrid(parseA1('A2:A'), 1000, 26)).toEqual({ startRow: 1, endRow: 1000, startCol: 0, endCol: 1 });
    expect(clipToGrid(parseA1('A1:AZ5000'), 1000, 26)).toEqual({ startRow: 0, endRow: 1000, startCol: 0, endCol: 26 });
  });
});

describe('formatA1 / quoteSheetName', () => {
  it('quotes names Google quotes', () => {
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('Registre_2')).toBe('Registre_2');
    expect(quoteSheetName('Sol·licituds')).toBe("'Sol·licituds'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName('Full 1')).toBe("'Full 1'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('2024')).toBe("'2024'");
  });

  it('formats cells and ranges', () => {
    expect(formatA1('Sol·licituds', { startRow: 0, endRow: 1000, startCol: 0, endCol: 26 })).toBe("'Sol·licituds'!A1:Z1000");
    expect(formatA1('Sheet1', { startRow: 2, endRow: 3, startCol: 1, endCol: 2 })).toBe('Sheet1!B3');
  });

  it('round-trips through parse', () => {
    for (const name of ['Sheet1', "Bosses d'hores", 'Sol·licituds', 'A1', "''"]) {
      const text = formatA1(name, { startRow: 1, endRow: 4, startCol: 2, endCol: 5 });
      expect(parseA1(text)).toEqual({ sheetName: name, startRow: 1, endRow: 4, startCol: 2, endCol: 5 });
    }
  });
});

describe('formula references', () => {
  it('shifts references at or after an insertion, in strings never', () => {
    expect(shiftFormula('=SUM(A2:A10)+A1+"A5"', 'S', 'S', 'ROWS', 1, 2)).toBe('=SUM(A4:A12)+A1+"A5"');
    expect(shiftFormula('=SUM(A1:A10)', 'S', 'S', 'ROWS', 5, 1)).toBe('=SUM(A1:A11)');
    expect(shiftFormula('=SUM(A2:A)+COUNTA(B:B)+SUM(3:4)', 'S', 'S', 'ROWS', 0, 1)).toBe('=SUM(A3:A)+COUNTA(B:B)+SUM(4:5)');
    expect(shiftFormula('=$B$2*C3', 'S', 'S', 'COLUMNS', 1, 1)).toBe('=$C$2*D3');
    expect(shiftFormula("='Bosses d''hores'!A2+Other!A2+A2", 'Calc', "Bosses d'hores", 'ROWS', 0, 1)).toBe(
      "='Bosses d''hores'!A3+Other!A2+A2",
    );
    expect(shiftFormula('=LOG10(A1)+ATAN2(1,2)', 'S', 'S', 'ROWS', 0, 1)).toBe('=LOG10(A2)+ATAN2(1,2)');
  });

  it('renames sheets in references', () => {
    expect(renameInFormula("=Dades!A1+'dades'!B2+\"Dades!A1\"", 'Dades', 'Sol·licituds')).toBe(
      "='Sol·licituds'!A1+'Sol·licituds'!B2+\"Dades!A1\"",
    );
  });

  it('translates to bounded, internally named references for the engine', () => {
    const shapes = { Dades: { engineName: "'s1'", rowCount: 100, columnCount: 5 } };
    const ctx = {
      own: { engineName: "'s0'", rowCount: 1000, columnCount: 26 },
      resolve: (t: string) => (t === 'Dades' ? shapes.Dades : undefined),
    };
    expect(translateFormula('=SUM(A2:A)', ctx)).toBe("=SUM('s0'!A2:A1000)");
    expect(translateFormula('=COUNTA(Dades!A:A)+Dades!B2', ctx)).toBe("=COUNTA('s1'!A1:A100)+'s1'!B2");
    expect(translateFormula('=SUM(2:3)', ctx)).toBe("=SUM('s0'!A2:Z3)");
    expect(translateFormula('=Nope!A1', ctx)).toBe('=#REF!');
    expect(translateFormula('=ARRAYFORMULA(IF(ROW(A:A)=1,"h",TRUE))', ctx)).toBe('=ARRAYFORMULA(IF(SEQUENCE(1000,1,1)=1,"h",TRUE()))');
    expect(translateFormula('=ROW(A5)', ctx)).toBe("=ROW('s0'!A5)");
    expect(translateFormula('=AVERAGEIFS(B2:B3,C2:C3,"x")', ctx)).toBe(
      "=(SUMIFS('s0'!B2:B3,'s0'!C2:C3,\"x\")/COUNTIFS('s0'!C2:C3,\"x\"))",
    );
  });
});

describe('field masks', () => {
  it('selects members for partial responses', () => {
    const obj = { a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }] };
    expect(selectFields(obj, parseFieldMask('b.c,e(g)'))).toEqual({ b: { c: 2 }, e: [{ g: 2 }] });
    expect(selectFields(obj, parseFieldMask('b/d'))).toEqual({ b: { d: 3 } });
    expect(selectFields(obj, parseFieldMask('*'))).toEqual(obj);
  });

  it('applies update masks, clearing members absent from the source', () => {
    const target: Record<string, unknown> = { title: 'x', gridProperties: { rowCount: 5, frozenRowCount: 1 } };
    applyMask(target, { gridProperties: {} }, parseFieldMask('gridProperties.frozenRowCount'));
    expect(target).toEqual({ title: 'x', gridProperties: { rowCount: 5 } });
    applyMask(target, { title: 'y' }, parseFieldMask('title'));
    expect(target['title']).toBe('y');
  });
});

describe('number formatting', () => {
  it('formats like the Automatic format', () => {
    expect(formatPlainNumber(6)).toBe('6');
    expect(formatPlainNumber(1 / 3)).toBe('0.3333333333');
    expect(formatPlainNumber(100 / 3)).toBe('33.33333333');
    expect(formatPlainNumber(-1.5)).toBe('-1.5');
    expect(formatPlainNumber(1e21)).toBe('1E+21');
  });

  it('applies simple patterns', () => {
    expect(formatNumberPattern(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatNumberPattern(0.256, '0.0%')).toBe('25.6%');
    expect(formatNumberPattern(-3, '0" h"')).toBe('-3 h');
  });
});
