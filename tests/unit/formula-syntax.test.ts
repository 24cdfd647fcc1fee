// Formulas the workspace writes parse in every locale: `;` between arguments, no decimal or
// array literal; and what a comma locale reads back compares equal to what was written.
import { describe, expect, test } from 'vitest';
import { normalFormula, portable, sameFormula } from '../../shared/workspace/formula-syntax';
import { columnLetter } from '../../shared/workspace/tabs';
import { workspaceSpec } from '../../shared/workspace/workspace-spec';

describe('portable', () => {
  test.each([
    ['=IF($A2="","",SUM(B2,C2))', '=IF($A2="";"";SUM(B2;C2))'],
    ['=COUNTIFS(Registre!$A:$A,$A2,Registre!$C:$C,"a, b")', '=COUNTIFS(Registre!$A:$A;$A2;Registre!$C:$C;"a, b")'],
    ['=ROUND(X2*Criteris!$C$5,2)', '=ROUND(X2*Criteris!$C$5;2)'],
  ])('%s → %s', (written, expected) => {
    expect(portable(written)).toBe(expected);
    expect(sameFormula(written, expected)).toBe(true);
  });

  test.each(['=ROUND(A1*0.5,1)', '=INDEX({1,2},1)'])('refuses %s, which reads differently per locale', (f) => {
    expect(() => portable(f)).toThrow(/not portable/);
  });

  test('a string with ";" inside is not taken for a separator', () => {
    expect(normalFormula('=IF(A1="x;y";1;2)')).toBe('=IF(A1="x;y",1,2)');
    expect(sameFormula('=IF(A1="x;y",1,2)', '=IF(A1="x,y";1;2)')).toBe(false);
  });
});

test('every formula and rule of the workspace has no "," between arguments', () => {
  const letterOf = (h: string) => columnLetter(h.length % 26);
  const formulas = workspaceSpec().flatMap((tab) => [
    ...(tab.formulas ? [2, 3].flatMap((r) => tab.formulas!.build(r, letterOf)) : []),
    ...(tab.conditional ?? []).map((c) => c.formula(letterOf)),
  ]);
  expect(formulas.length).toBeGreaterThan(30);
  const code = (f: string) => f.replace(/"(?:[^"]|"")*"/g, '""');
  expect(formulas.filter((f) => code(f).includes(','))).toEqual([]);
  expect(formulas.filter((f) => code(f).includes(';')).length).toBeGreaterThan(20);
});
