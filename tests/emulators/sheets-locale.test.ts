// The Sheets emulator reads formulas and USER_ENTERED text in the spreadsheet's locale, as
// Google does (docs/google-fidelity.md, "Locale and USER_ENTERED"), and compares a blank
// cell equal to FALSE, 0 and "" — through the real client, table-driven per locale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, startSheets } from '../support/sheets-harness';
import type { Harness } from '../support/sheets-harness';
import type { sheets_v4 } from '@googleapis/sheets';

let h: Harness;
beforeAll(async () => {
  h = await startSheets();
});
afterAll(async () => {
  await h.close();
});

async function sheetIn(locale?: string): Promise<string> {
  const res = await h.api.spreadsheets.create({ requestBody: { properties: { title: 'Locale', ...(locale ? { locale } : {}) } } });
  return res.data.spreadsheetId as string;
}

async function enter(id: string, range: string, values: unknown[][]): Promise<void> {
  await h.api.spreadsheets.values.update({ spreadsheetId: id, range, valueInputOption: 'USER_ENTERED', requestBody: { values } });
}

async function read(id: string, range: string, valueRenderOption: string): Promise<unknown[][]> {
  const res = await h.api.spreadsheets.values.get({ spreadsheetId: id, range, valueRenderOption });
  return (res.data.values ?? []) as unknown[][];
}

const batch = (id: string, ...requests: sheets_v4.Schema$Request[]) =>
  h.api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } });

const setLocale = (id: string, locale: string) => batch(id, { updateSpreadsheetProperties: { properties: { locale }, fields: 'locale' } });

const A1 = async (id: string, text: string, render = 'UNFORMATTED_VALUE'): Promise<unknown> => {
  await enter(id, 'Sheet1!A1', [[text]]);
  return (await read(id, 'Sheet1!A1', render))[0]?.[0];
};

describe('properties.locale', () => {
  it('is en_US when none is given, kept when given, changed by updateSpreadsheetProperties', async () => {
    const plain = await sheetIn();
    expect((await h.api.spreadsheets.get({ spreadsheetId: plain })).data.properties?.locale).toBe('en_US');
    const ca = await sheetIn('ca_ES');
    expect((await h.api.spreadsheets.get({ spreadsheetId: ca })).data.properties?.locale).toBe('ca_ES');
    await setLocale(ca, 'en_GB');
    expect((await h.api.spreadsheets.get({ spreadsheetId: ca })).data.properties?.locale).toBe('en_GB');
  });

  it('refuses a value that is not a locale name', async () => {
    const id = await sheetIn();
    const err = await apiError(setLocale(id, 'Catalan'));
    expect(err.status).toBe(400);
  });
});

// [locale, typed formula, value, formula as read back]
const FORMULAS: Array<[string, string, unknown, string]> = [
  ['ca_ES', '=ROUND(2,567;1)', 2.6, '=ROUND(2,567;1)'],
  ['es_ES', '=ROUND(2,567;1)', 2.6, '=ROUND(2,567;1)'],
  ['ca_ES', '=IF(1=1,"a","b")', '#ERROR!', '=IF(1=1,"a","b")'],
  ['es_ES', '=SUM(1,5;2)', 3.5, '=SUM(1,5;2)'],
  ['ca_ES', '=SUM(1;,5)', 1.5, '=SUM(1;0,5)'],
  ['ca_ES', '=ROUND(2.567;1)', '#ERROR!', '=ROUND(2.567;1)'],
  ['ca_ES', '=IF(1=1;"a,b";"c")', 'a,b', '=IF(1=1;"a,b";"c")'],
  ['ca_ES', '=INDEX({1\\2;3\\4};2;2)', 4, '=INDEX({1\\2;3\\4};2;2)'],
  ['en_US', '=ROUND(2.567,1)', 2.6, '=ROUND(2.567,1)'],
  ['en_GB', '=ROUND(2.567,1)', 2.6, '=ROUND(2.567,1)'],
  // Comma locales correct `;` between arguments (and keep it as the row break of arrays).
  ['en_US', '=ROUND(2.567;1)', 2.6, '=ROUND(2.567,1)'],
  ['en_GB', '=IF(1=1;"a";"b")', 'a', '=IF(1=1,"a","b")'],
  ['en_US', '=INDEX({1,2;3,4};2;2)', 4, '=INDEX({1,2;3,4},2,2)'],
];

describe.each(FORMULAS)('in %s, %s', (locale, typed, value, shown) => {
  it(`shows ${String(value)} and reads back ${shown}`, async () => {
    const id = await sheetIn(locale);
    expect(await A1(id, typed, 'FORMATTED_VALUE')).toBe(typeof value === 'number' ? String(value) : value);
    expect(await A1(id, typed)).toBe(value);
    expect(await A1(id, typed, 'FORMULA')).toBe(shown);
  });
});

describe('formulas written through batchUpdate', () => {
  it('take the locale in updateCells, and a parse error is an ERROR value with Google’s message', async () => {
    const id = await sheetIn('ca_ES');
    await batch(id, {
      updateCells: {
        start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
        rows: [{ values: [{ userEnteredValue: { formulaValue: '=ROUND(2,567;1)' } }, { userEnteredValue: { formulaValue: '=ROUND(2.5,1)' } }] }],
        fields: 'userEnteredValue',
      },
    });
    const res = await h.api.spreadsheets.get({ spreadsheetId: id, ranges: ['Sheet1!A1:B1'], includeGridData: true });
    const [a, b] = res.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values ?? [];
    expect(a?.effectiveValue?.numberValue).toBe(2.6);
    expect(a?.userEnteredValue?.formulaValue).toBe('=ROUND(2,567;1)');
    expect(b?.effectiveValue?.errorValue).toEqual({ type: 'ERROR', message: 'Formula parse error.' });
    expect(b?.formattedValue).toBe('#ERROR!');
  });

  it('conditional-format and validation formulas take the locale; one that does not parse is refused', async () => {
    const id = await sheetIn('ca_ES');
    const rule = (formula: string) => ({
      addConditionalFormatRule: {
        index: 0,
        rule: {
          ranges: [{ sheetId: 0, startRowIndex: 1 }],
          booleanRule: { condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: formula }] }, format: { backgroundColor: { red: 1 } } },
        },
      },
    });
    await batch(id, rule('=AND($A2<>"";$B2=FALSE)'));
    const err = await apiError(batch(id, rule('=AND($A2<>"",$B2=FALSE)')));
    expect(err.status).toBe(400);
    await batch(id, {
      setDataValidation: {
        range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 2, endColumnIndex: 3 },
        rule: { condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: '=MOD(C1;0,5)=0' }] } },
      },
    });
    const formulas = async () => {
      const got = await h.api.spreadsheets.get({ spreadsheetId: id, ranges: ['Sheet1!C1'], includeGridData: true });
      const sheet = got.data.sheets?.[0];
      return [
        sheet?.conditionalFormats?.[0]?.booleanRule?.condition?.values?.[0]?.userEnteredValue,
        sheet?.data?.[0]?.rowData?.[0]?.values?.[0]?.dataValidation?.condition?.values?.[0]?.userEnteredValue,
      ];
    };
    expect(await formulas()).toEqual(['=AND($A2<>"";$B2=FALSE)', '=MOD(C1;0,5)=0']);
    // Another locale shows the same rules in its own syntax.
    await setLocale(id, 'en_US');
    expect(await formulas()).toEqual(['=AND($A2<>"",$B2=FALSE)', '=MOD(C1,0.5)=0']);
  });
});

describe('a locale changed after formulas exist', () => {
  it.each([
    ['ca_ES', 'en_US', '=ROUND(2,567;1)', '=ROUND(2.567,1)'],
    ['en_US', 'ca_ES', '=ROUND(2.567,1)', '=ROUND(2,567;1)'],
  ])('%s → %s: the formula keeps its value and reads back in the new locale', async (from, to, typed, shown) => {
    const id = await sheetIn(from);
    await enter(id, 'Sheet1!A1', [[typed]]);
    await setLocale(id, to);
    expect(await read(id, 'Sheet1!A1', 'UNFORMATTED_VALUE')).toEqual([[2.6]]);
    expect(await read(id, 'Sheet1!A1', 'FORMULA')).toEqual([[shown]]);
  });
});

const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

// [locale, typed, unformatted value read back]
const TYPED: Array<[string, string, unknown]> = [
  ['en_US', '2020-04', serial(2020, 4, 1)],
  ['ca_ES', '2020-04', serial(2020, 4, 1)],
  ['ca_ES', '2020-04-03', serial(2020, 4, 3)],
  ['en_US', '03/04/2020', serial(2020, 3, 4)],
  ['en_GB', '03/04/2020', serial(2020, 4, 3)],
  ['ca_ES', '03/04/2020', serial(2020, 4, 3)],
  ['es_ES', '3-4-2020', serial(2020, 4, 3)],
  ['en_US', '1.5', 1.5],
  ['en_US', '1,5', '1,5'],
  ['en_US', '1,234.5', 1234.5],
  ['ca_ES', '1,5', 1.5],
  ['ca_ES', '1.234,5', 1234.5],
  ['ca_ES', '1.5', '1.5'],
  ['en_US', '50%', 0.5],
  ['ca_ES', '1,5%', 0.015],
  ['en_US', 'TRUE', true],
  ['ca_ES', 'false', false],
  ['ca_ES', 'XMESS-2020-04-001', 'XMESS-2020-04-001'],
  ['ca_ES', '+34 600 000 000', '+34 600 000 000'],
  ['ca_ES', "'2020-04", '2020-04'],
  ['en_US', '31/12/2020', '31/12/2020'],
];

describe('USER_ENTERED text', () => {
  it.each(TYPED)('in %s, %s reads back as %s', async (locale, typed, value) => {
    const id = await sheetIn(locale);
    expect(await A1(id, typed)).toEqual(value);
  });

  it.each(['en_US', 'ca_ES'])('in %s, a cell formatted as plain text keeps what is typed', async (locale) => {
    const id = await sheetIn(locale);
    await batch(id, {
      repeatCell: {
        range: { sheetId: 0, startColumnIndex: 0, endColumnIndex: 1 },
        cell: { userEnteredFormat: { numberFormat: { type: 'TEXT', pattern: '@' } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
    const typed = ['2020-04', '1,5', '50%', 'TRUE', '03/04/2020', '=1+1'];
    await enter(id, 'Sheet1!A1:A6', typed.map((t) => [t]));
    expect(await read(id, 'Sheet1!A1:A6', 'UNFORMATTED_VALUE')).toEqual(typed.map((t) => [t]));
  });
});

describe('a blank cell in comparisons', () => {
  it.each(['en_US', 'ca_ES'])('in %s equals FALSE, 0 and "" — which is why rules guard on a real row', async (locale) => {
    const id = await sheetIn(locale);
    const sep = locale === 'en_US' ? ',' : ';';
    await enter(id, 'Sheet1!B1:E1', [['=A1=FALSE', '=A1=0', '=A1=""', `=AND(A1<>""${sep}A1=FALSE)`]]);
    expect(await read(id, 'Sheet1!B1:E1', 'UNFORMATTED_VALUE')).toEqual([[true, true, true, false]]);
  });
});
