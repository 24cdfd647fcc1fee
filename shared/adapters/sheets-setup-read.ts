// Setup's read of the workspace: every tab's header, notes, first rows, validation,
// protections, colour rules, filter views and charts, as the plan (setup-plan.ts) compares
// them with the spec. Two calls: the titles, then everything under them.
import type { sheets_v4 } from '@googleapis/sheets';
import { normalFormula } from '../workspace/formula-syntax';
import type { CurrentTab, ProtectionNow } from '../workspace/setup-steps';
import { a1Tab, TABS } from '../workspace/tabs';
import { retryPolicy, type RetryPolicy } from './google-retry';

export interface ReadState {
  tabs: Map<string, CurrentTab>;
  ids: Map<string, { sheetId: number; rowCount: number; columnCount: number }>;
  callIds: string[];
}

type Cell = sheets_v4.Schema$CellData;
const text = (c: Cell | undefined): string => {
  const v = c?.userEnteredValue;
  if (!v) return '';
  return String(v.stringValue ?? v.numberValue ?? v.boolValue ?? v.formulaValue ?? '');
};

function validationKey(v: sheets_v4.Schema$DataValidationRule | undefined): string | undefined {
  const c = v?.condition;
  const vals = (c?.values ?? []).map((x) => x.userEnteredValue ?? '');
  switch (c?.type) {
    case 'NUMBER_BETWEEN':
      return `number:${Number(vals[0])}:${Number(vals[1])}`;
    case 'ONE_OF_LIST':
      return `list:${vals.join('|')}`;
    case 'ONE_OF_RANGE':
      return `range:${String(vals[0]).replace(/^=/, '')}`;
    case 'BOOLEAN':
      return 'checkbox';
    case 'CUSTOM_FORMULA':
      return `multipleOf:${normalFormula(String(vals[0]))}`;
    default:
      return undefined;
  }
}

export async function readState(api: sheets_v4.Sheets, spreadsheetId: string, retry: RetryPolicy = retryPolicy(0, 0)): Promise<ReadState> {
  const meta = await api.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties(title))' }, retry.read);
  const titles = (meta.data.sheets ?? []).map((s) => s.properties?.title ?? '');
  const res = await api.spreadsheets.get({
    spreadsheetId,
    ranges: titles.map((t) => a1Tab(t)),
    includeGridData: true,
    fields:
      'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),protectedRanges(protectedRangeId,description,warningOnly,editors(users)),conditionalFormats(booleanRule(condition)),filterViews(title),charts(spec(title)),data(rowData(values(userEnteredValue,note,dataValidation,userEnteredFormat(numberFormat)))))',
  }, retry.read);
  const tabs = new Map<string, CurrentTab>();
  const ids: ReadState['ids'] = new Map();
  let callIds: string[] = [];
  for (const s of res.data.sheets ?? []) {
    const title = s.properties?.title ?? '';
    ids.set(title, {
      sheetId: s.properties?.sheetId ?? 0,
      rowCount: s.properties?.gridProperties?.rowCount ?? 1000,
      columnCount: s.properties?.gridProperties?.columnCount ?? 26,
    });
    const rows = (s.data?.[0]?.rowData ?? []).map((r) => r.values ?? []);
    const header = (rows[0] ?? []).map(text);
    const col = (h: string) => header.indexOf(h);
    if (title === TABS.calls) callIds = rows.slice(1).map((r) => text(r[0])).filter(Boolean);
    tabs.set(title, {
      header,
      notes: (rows[0] ?? []).map((c) => c.note ?? ''),
      hasData: rows.slice(1, 3).some((r) => r.some((c) => text(c) !== '')),
      valuesOf: (h) => (col(h) < 0 ? [] : rows.slice(1).map((r) => text(r[col(h)])).filter(Boolean)),
      filledRows: (h) => (col(h) < 0 ? [] : rows.flatMap((r, i) => (i > 0 && text(r[col(h)]) !== '' ? [i + 1] : []))),
      formulaAt: (h, row) => (col(h) < 0 ? undefined : (rows[row - 1]?.[col(h)]?.userEnteredValue?.formulaValue ?? undefined)),
      isText: (h) => col(h) >= 0 && rows[1]?.[col(h)]?.userEnteredFormat?.numberFormat?.type === 'TEXT',
      validationOf: (h) => (col(h) < 0 ? undefined : validationKey(rows[1]?.[col(h)]?.dataValidation)),
      protections: protectionsOf(s.protectedRanges ?? []),
      conditionalFormulas: new Set(
        (s.conditionalFormats ?? []).map((c) => c.booleanRule?.condition?.values?.[0]?.userEnteredValue ?? ''),
      ),
      filterViews: new Set((s.filterViews ?? []).map((f) => f.title ?? '')),
      chartTitles: new Set((s.charts ?? []).map((c) => c.spec?.title ?? '')),
    });
  }
  return { tabs, ids, callIds };
}

function protectionsOf(ranges: sheets_v4.Schema$ProtectedRange[]): Map<string, ProtectionNow[]> {
  const out = new Map<string, ProtectionNow[]>();
  for (const p of ranges) {
    const key = p.description ?? '';
    const now: ProtectionNow = { id: p.protectedRangeId ?? 0, warningOnly: p.warningOnly === true, editors: p.editors?.users ?? [] };
    out.set(key, [...(out.get(key) ?? []), now]);
  }
  return out;
}
