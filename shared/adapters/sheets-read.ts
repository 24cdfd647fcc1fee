// One spreadsheets.get, both ends: the ranges it asks for (the request tab's header, the
// wanted request columns where the header was last seen, whole supporting tabs) and what
// its grids say — sheet IDs and sizes, today's header, the columns, the last request row.
import type { sheets_v4 } from '@googleapis/sheets';
import { WorkspaceError } from '../errors';
import { currentHeader } from '../workspace/commission-columns';
import { EVALUATION_HEADERS, EVALUATIONS_TAB } from '../workspace/evaluations';
import { REQUEST_COLUMNS } from '../workspace/request-row';
import { SETTINGS_HEADERS, SETTINGS_TAB } from '../workspace/settings';
import { a1Tab, CALL_HEADERS, columnLetter, LOG_HEADERS, MEMBER_HEADERS, TABS } from '../workspace/tabs';
import { POOL_HELPERS, SESSION_COLUMNS, SESSIONS_TAB } from '../workspace/tabs-extra';
import type { WorkspaceRead } from '../workspace/workspace-read';
import { cellValue } from './sheets-cells';
import type { SheetInfo } from './sheets-writes';

/** How many columns of each fixed-layout tab a read needs. */
const TAB_WIDTH: Record<string, number> = {
  [TABS.members]: MEMBER_HEADERS.length,
  [TABS.calls]: CALL_HEADERS.length,
  [TABS.pools]: 3 + POOL_HELPERS.length,
  [TABS.log]: LOG_HEADERS.length,
  [SETTINGS_TAB]: SETTINGS_HEADERS.length,
  [EVALUATIONS_TAB]: EVALUATION_HEADERS.length,
  [SESSIONS_TAB]: SESSION_COLUMNS.length,
};

/** Only what the read uses: values as shown, and each sheet's ID and size. */
export const READ_FIELDS = 'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),data(startRow,startColumn,rowData(values(effectiveValue))))';

type Wanted = Array<{ h: string; c: number }>;

/** The ranges of one read, with the request columns asked for where `index` last saw them. */
export function readRanges(index: ReadonlyMap<string, number>, headers: readonly string[], tabs: readonly string[]): { wanted: Wanted; ranges: string[] } {
  const req = a1Tab(TABS.requests);
  const wanted = headers.flatMap((h) => {
    const c = index.get(h);
    return c === undefined ? [] : [{ h, c }];
  });
  const ranges = [
    `${req}!1:1`,
    ...wanted.map(({ c }) => `${req}!${columnLetter(c)}2:${columnLetter(c)}`),
    ...tabs.map((t) => `${a1Tab(t)}!A2:${columnLetter((TAB_WIDTH[t] ?? 26) - 1)}`),
    // The log tab's sheet ID is needed to append to it, not its content.
    ...(tabs.includes(TABS.log) ? [] : [`${a1Tab(TABS.log)}!A1:A1`]),
  ];
  return { wanted, ranges };
}

export interface GridsRead extends WorkspaceRead {
  sheets: Map<string, SheetInfo>;
  /** The request tab's header as it is now (an earlier version's names read as today's). */
  header: string[];
  headerIndex: Map<string, number>;
  /** A wanted column is not where it was asked for: read again with `headerIndex`. */
  moved: boolean;
  /** 0-based index of the row after the last request. */
  lastDataRow: number;
}

export function gridsRead(data: sheets_v4.Schema$Spreadsheet, wanted: Wanted, headers: readonly string[], tabs: readonly string[]): GridsRead {
  const byTitle = new Map((data.sheets ?? []).map((s) => [s.properties?.title ?? '', s]));
  const sheets = new Map([...byTitle].map(([title, s]) => [title, { sheetId: s.properties?.sheetId ?? 0, rowCount: s.properties?.gridProperties?.rowCount ?? 0 }]));
  for (const t of [TABS.requests, TABS.log, ...tabs]) {
    if (!byTitle.has(t)) throw new WorkspaceError(`The workspace has no tab «${t}»: run npm run setup`);
  }
  const grids = (title: string) => byTitle.get(title)?.data ?? [];
  const rowsOf = (g: sheets_v4.Schema$GridData | undefined) => (g?.rowData ?? []).map((r) => (r.values ?? []).map(cellValue));
  const reqGrids = grids(TABS.requests);
  // A column under a header of an earlier version is read as today's (setup renames it).
  const header = (rowsOf(reqGrids.find((g) => (g.startRow ?? 0) === 0))[0] ?? []).map((v) => (v === undefined ? '' : currentHeader(String(v))));
  const headerIndex = new Map<string, number>();
  header.forEach((h, i) => h && !headerIndex.has(h) && headerIndex.set(h, i));
  const asked = new Map(wanted.map(({ h, c }) => [h, c]));
  const moved = headers.some((h) => headerIndex.get(h) !== asked.get(h));
  const columns = new Map<string, unknown[]>();
  for (const { h, c } of wanted) {
    if (headerIndex.get(h) !== c) continue;
    columns.set(h, rowsOf(reqGrids.find((g) => (g.startRow ?? 0) === 1 && (g.startColumn ?? 0) === c)).map((r) => r[0]));
  }
  const ids = columns.get(REQUEST_COLUMNS.id) ?? [];
  let last = ids.length;
  while (last > 0 && (ids[last - 1] === undefined || ids[last - 1] === '')) last--;
  return { sheets, header, headerIndex, moved, columns, lastDataRow: last + 1, tab: (t: string) => rowsOf(grids(t)[0]) };
}
