// Reading the workspace back the way an attacker hopes a person will: is any cell a
// formula, a number or a boolean where someone typed text, or longer than Sheets allows?
// And is every refusal a Catalan message from shared/i18n, not a library's English?
import type { sheets_v4 } from '@googleapis/sheets';
import { ca } from '../../shared/i18n/ca';
import { MACHINE_HEADERS } from '../../shared/workspace/request-row';
import { TABS } from '../../shared/workspace/tabs';

/** A Sheets cell holds at most 50,000 characters; the real API refuses the whole write. */
export const CELL_LIMIT = 50_000;

export interface CellProblem {
  tab: string;
  row: number;
  column: string;
  problem: string;
}

/**
 * Every cell machine-written from user input (the request tab's machine columns, the
 * whole log tab), as stored: text must be stored as text, never as a formula or a value
 * Sheets parsed from it.
 */
export async function storedCellProblems(api: sheets_v4.Sheets, spreadsheetId = 'local-workspace'): Promise<CellProblem[]> {
  const res = await api.spreadsheets.get({
    spreadsheetId,
    ranges: [`'${TABS.requests}'`, `'${TABS.log}'`],
    includeGridData: true,
    fields: 'sheets(properties(title),data(rowData(values(userEnteredValue))))',
  });
  const problems: CellProblem[] = [];
  for (const sheet of res.data.sheets ?? []) {
    const tab = sheet.properties?.title ?? '';
    const rows = sheet.data?.[0]?.rowData ?? [];
    const header = (rows[0]?.values ?? []).map((v) => v.userEnteredValue?.stringValue ?? '');
    rows.slice(1).forEach((r, i) => {
      (r.values ?? []).forEach((cell, c) => {
        const column = header[c] ?? String(c);
        const v = cell.userEnteredValue;
        if (!v) return;
        const machine = tab === TABS.log || MACHINE_HEADERS.includes(column);
        if (!machine) return; // helper formulas and the Commission's own columns
        if (v.formulaValue !== undefined && v.formulaValue !== null) problems.push({ tab, row: i + 2, column, problem: `formula ${v.formulaValue.slice(0, 60)}` });
        if (tab === TABS.log && v.stringValue === undefined) problems.push({ tab, row: i + 2, column, problem: `not text: ${JSON.stringify(v).slice(0, 60)}` });
        if ((v.stringValue?.length ?? 0) > CELL_LIMIT) problems.push({ tab, row: i + 2, column, problem: `${v.stringValue!.length} characters` });
      });
    });
  }
  return problems;
}

// Each Catalan error template, called with markers, becomes a pattern: a message matches
// when it is one of ours whatever the field label, key or limit put into it.
const MARK = '\u0001';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns: RegExp[] = Object.values(ca.errors).map((t) => {
  const text = typeof t === 'function' ? (t as (a: string, b: number) => string)(MARK, 987654) : t;
  const source = escapeRe(text)
    .replaceAll(MARK, '[\\s\\S]+')
    .replace(escapeRe((987654).toLocaleString('ca-ES')), '[\\d.\\s\u00a0]+');
  return new RegExp(`^${source}$`);
});

export const isCatalanError = (message: unknown): boolean => typeof message === 'string' && patterns.some((p) => p.test(message));
