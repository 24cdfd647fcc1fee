// The one file that talks to Google Sheets. It implements the WorkspaceStore port with
// few calls: one spreadsheets.get reads everything intake needs (sheet IDs, grid sizes,
// the request index columns, members, calls), one batchUpdate writes rows and log.
import { auth as googleAuth, sheets, type sheets_v4 } from '@googleapis/sheets';
import { UpstreamError, WorkspaceError } from '../errors';
import type { IntakeSnapshot, WorkspaceStore } from '../ports';
import type { ExistingRequest } from '../domain/classify';
import { parseCalls, parseMembers, parsePools } from '../workspace/config-rows';
import { withServices } from '../domain/calls';
import { parsePrivacy, SETTINGS_HEADERS, SETTINGS_TAB } from '../workspace/settings';
import { EVALUATION_HEADERS, EVALUATIONS_TAB } from '../workspace/evaluations';
import type { LogEntry } from '../domain/log-entry';
import { toLogRow } from '../workspace/log-row';

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
import { INDEX_COLUMNS, MACHINE_HEADERS, REQUEST_COLUMNS, type CellValue } from '../workspace/request-row';
import { a1Tab, CALL_HEADERS, columnLetter, LOG_HEADERS, MEMBER_HEADERS, TABS } from '../workspace/tabs';
import { COMMISSION_COLUMNS, currentHeader } from '../workspace/commission-columns';
import { POOL_HELPERS, SESSION_COLUMNS, SESSIONS_TAB } from '../workspace/tabs-extra';
import { parseDay } from '../domain/dates';
import type { RequestView, SweepState } from '../domain/workspace-state';
import { HELPER_COLUMNS, REQUEST_TAB_HEADERS, requestFormulas } from '../workspace/request-formulas';
import { retryConfig } from './google-retry';

export interface SheetsOptions {
  spreadsheetId: string;
  /** Local emulator root (GOOGLE_ROOT_URL); unset in production. */
  rootUrl?: string;
  /** Retries of 429/5xx for reads and of 429 for writes; tests lower the delays. */
  retries?: number;
  retryDelayMs?: number;
}

const SCOPES = ['https://www.googleapis.com/auth/spreadsheets'];

export function sheetsApi(opts: Pick<SheetsOptions, 'rootUrl'>): sheets_v4.Sheets {
  return sheets({
    version: 'v4',
    ...(opts.rootUrl
      ? { rootUrl: opts.rootUrl.endsWith('/') ? opts.rootUrl : `${opts.rootUrl}/` }
      : { auth: new googleAuth.GoogleAuth({ scopes: SCOPES }) }),
  });
}


type Cell = sheets_v4.Schema$CellData;
/**
 * A cell showing a formula error: read as the text people see (`#NAME?`), never as empty,
 * so a decision built from it is held instead of sent blank.
 */
export class FormulaError {
  constructor(readonly shown: string) {}
  toString(): string {
    return this.shown;
  }
}

/** What Sheets shows for each ErrorValue type (FORMATTED_VALUE). */
const ERROR_SHOWN: Record<string, string> = {
  ERROR: '#ERROR!', NULL_VALUE: '#NULL!', DIVIDE_BY_ZERO: '#DIV/0!', VALUE: '#VALUE!', REF: '#REF!', NAME: '#NAME?', NUM: '#NUM!', N_A: '#N/A', LOADING: '#LOADING',
};

const cellValue = (c: Cell | undefined): unknown => {
  const v = c?.effectiveValue;
  if (v?.errorValue) return new FormulaError(ERROR_SHOWN[v.errorValue.type ?? ''] ?? '#ERROR!');
  return v?.stringValue ?? v?.numberValue ?? v?.boolValue ?? undefined;
};
const formulaCell = (f: string): Cell => ({ userEnteredValue: { formulaValue: f } });
const toCell = (v: CellValue | undefined): Cell =>
  v === undefined
    ? {}
    : {
        userEnteredValue:
          typeof v === 'string' ? { stringValue: v } : typeof v === 'number' ? { numberValue: v } : { boolValue: v },
      };

interface SheetInfo {
  sheetId: number;
  rowCount: number;
}

export class SheetsWorkspace implements WorkspaceStore {
  private readonly api: sheets_v4.Sheets;
  private readonly retries: number;
  private readonly delay: number;
  /**
   * Header → column index of the request tab as last read. It starts at setup's layout, so
   * a fresh instance reads in one call, not two, until the Commission moves a column.
   */
  private headerIndex = new Map(REQUEST_TAB_HEADERS.map((h, i) => [h, i]));
  private header: string[] = [...REQUEST_TAB_HEADERS];
  private sheetsInfo = new Map<string, SheetInfo>();
  private lastDataRow = 1;
  private evaluationRows = 0;

  constructor(private readonly opts: SheetsOptions) {
    this.api = sheetsApi(opts);
    this.retries = opts.retries ?? 6;
    this.delay = opts.retryDelayMs ?? 500;
  }

  async readIntakeSnapshot(): Promise<IntakeSnapshot> {
    const headers = INDEX_COLUMNS.map((c) => REQUEST_COLUMNS[c]);
    const read = await this.readColumns(headers, [TABS.members, TABS.calls, TABS.pools, SETTINGS_TAB]);
    const col = (c: (typeof INDEX_COLUMNS)[number]) => read.columns.get(REQUEST_COLUMNS[c]) ?? [];
    const [ids, refs, calls, names, member, late, repeated, early, noCall] = INDEX_COLUMNS.map(col);
    const existing: ExistingRequest[] = [];
    (ids ?? []).forEach((id, i) => {
      if (id === undefined || id === '') return;
      existing.push({
        id: String(id),
        reference: String(refs?.[i] ?? ''),
        callId: String(calls?.[i] ?? ''),
        municipality: String(names?.[i] ?? ''),
        flags: [
          ...(late?.[i] === true ? (['late'] as const) : []),
          ...(member?.[i] === false ? (['non_member'] as const) : []),
          ...(repeated?.[i] === true ? (['repeated_in_call'] as const) : []),
          ...(early?.[i] === true ? (['early'] as const) : []),
          ...(noCall?.[i] === true ? (['no_call'] as const) : []),
        ],
      });
    });
    const pools = parsePools(read.tab(TABS.pools));
    return {
      existing,
      members: parseMembers(read.tab(TABS.members)),
      calls: withServices(parseCalls(read.tab(TABS.calls)), pools),
      pools,
      privacy: parsePrivacy(read.tab(SETTINGS_TAB)),
    };
  }

  /** Everything one sweep needs: at most 2 calls (1 while the Commission has not moved columns). */
  async readSweepState(): Promise<SweepState> {
    const R = REQUEST_COLUMNS;
    const C = COMMISSION_COLUMNS;
    const headers = [R.id, R.reference, R.call, R.municipality, R.contactName, R.contactEmail, R.topic, R.serviceType, R.late, R.member,
      R.receivedAt, R.early, C.decision, C.service, C.hours, C.adviser, C.adviserContact, C.message, C.redirectedTo, C.announce, C.release,
      HELPER_COLUMNS.hoursDone, HELPER_COLUMNS.hoursLeft];
    const read = await this.readColumns(headers, [TABS.members, TABS.calls, TABS.pools, TABS.log, SESSIONS_TAB, SETTINGS_TAB, EVALUATIONS_TAB]);
    const col = (h: string) => read.columns.get(h) ?? [];
    const str = (h: string, i: number) => { const v = col(h)[i]; return v === undefined || v === null ? '' : String(v).trim(); };
    const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    const requests: RequestView[] = [];
    col(R.id).forEach((id, i) => {
      if (id === undefined || id === '') return;
      const hours = col(C.hours)[i];
      requests.push({
        id: String(id), reference: str(R.reference, i), callId: str(R.call, i), municipality: str(R.municipality, i),
        contactName: str(R.contactName, i), contactEmail: str(R.contactEmail, i), topic: str(R.topic, i),
        requestedService: str(R.serviceType, i), late: col(R.late)[i] === true, member: col(R.member)[i] !== false,
        early: col(R.early)[i] === true, year: str(R.receivedAt, i).slice(0, 4), // the year it was received, as placement
        decision: str(C.decision, i), service: str(C.service, i), hours: typeof hours === 'number' ? hours : undefined,
        adviser: str(C.adviser, i), adviserContact: str(C.adviserContact, i), message: str(C.message, i),
        redirectedTo: str(C.redirectedTo, i), announce: col(C.announce)[i] === true, release: col(C.release)[i] === true,
        hoursDone: num(col(HELPER_COLUMNS.hoursDone)[i]), hoursLeft: num(col(HELPER_COLUMNS.hoursLeft)[i]),
        row: i + 2,
        cellErrors: headers.flatMap((h) => { const v = col(h)[i]; return v instanceof FormulaError ? [{ header: h, shown: v.shown }] : []; }),
      });
    });
    const evaluations = read.tab(EVALUATIONS_TAB).map((r) => text(r[0]));
    // Evaluations are written below the last answer; only the sweep writes there, one at a time.
    this.evaluationRows = evaluations.filter(Boolean).length;
    const session = (h: (typeof SESSION_COLUMNS)[number]) => SESSION_COLUMNS.indexOf(h);
    const sessions = read.tab(SESSIONS_TAB).flatMap((r) => {
      const inWindow = r[session('Dins del període')];
      return text(r[session('ID sol·licitud')])
        ? [{ requestId: text(r[session('ID sol·licitud')]), date: parseDay(r[session('Data')]) ?? text(r[session('Data')]), inWindow: typeof inWindow === 'boolean' ? inWindow : undefined }]
        : [];
    });
    return {
      evaluationResponseIds: new Set(evaluations.filter(Boolean)),
      requests,
      sessions,
      members: parseMembers(read.tab(TABS.members)),
      calls: parseCalls(read.tab(TABS.calls)),
      privacy: parsePrivacy(read.tab(SETTINGS_TAB)),
      pools: read.tab(TABS.pools).flatMap((r) =>
        text(r[0]) ? [{ callId: text(r[0]), service: text(r[1]), hours: num(r[2]) ?? 0, left: num(r[5]) }] : [],
      ),
      log: read.tab(TABS.log).flatMap((r) =>
        text(r[0]) || text(r[4])
          ? [{ requestId: text(r[0]), at: text(r[1]), kind: text(r[2]) as LogEntry['kind'], state: text(r[3]) as LogEntry['state'], key: text(r[4]), detail: text(r[5]) }]
          : [],
      ),
    };
  }

  /**
   * One spreadsheets.get for the request tab's header, the wanted request columns where the
   * header was last seen, and whole other tabs. If the Commission has moved a wanted
   * column since, a second read fetches it where it is now.
   */
  private async readColumns(headers: readonly string[], tabs: readonly string[]) {
    let read = await this.readOnce(headers, tabs);
    if (read.moved) read = await this.readOnce(headers, tabs);
    if (!read.columns.has(REQUEST_COLUMNS.id)) throw new WorkspaceError(`Missing header «${REQUEST_COLUMNS.id}» in ${TABS.requests}: run npm run setup`);
    return read;
  }

  private async readOnce(headers: readonly string[], tabs: readonly string[]) {
    const req = a1Tab(TABS.requests);
    const wanted = headers.flatMap((h) => {
      const c = this.headerIndex.get(h);
      return c === undefined ? [] : [{ h, c }];
    });
    const ranges = [
      `${req}!1:1`,
      ...wanted.map(({ c }) => `${req}!${columnLetter(c)}2:${columnLetter(c)}`),
      ...tabs.map((t) => `${a1Tab(t)}!A2:${columnLetter((TAB_WIDTH[t] ?? 26) - 1)}`),
      // The log tab's sheet ID is needed to append to it, not its content.
      ...(tabs.includes(TABS.log) ? [] : [`${a1Tab(TABS.log)}!A1:A1`]),
    ];
    const res = await this.call(false, () =>
      this.api.spreadsheets.get(
        {
          spreadsheetId: this.opts.spreadsheetId,
          ranges,
          includeGridData: true,
          fields:
            'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),data(startRow,startColumn,rowData(values(effectiveValue))))',
        },
        retryConfig(this.retries, this.delay, true),
      ),
    );
    const byTitle = new Map((res.data.sheets ?? []).map((s) => [s.properties?.title ?? '', s]));
    for (const [title, s] of byTitle) {
      this.sheetsInfo.set(title, { sheetId: s.properties?.sheetId ?? 0, rowCount: s.properties?.gridProperties?.rowCount ?? 0 });
    }
    for (const t of [TABS.requests, TABS.log, ...tabs]) {
      if (!byTitle.has(t)) throw new WorkspaceError(`The workspace has no tab «${t}»: run npm run setup`);
    }
    const grids = (title: string) => byTitle.get(title)?.data ?? [];
    const rowsOf = (g: sheets_v4.Schema$GridData | undefined) => (g?.rowData ?? []).map((r) => (r.values ?? []).map(cellValue));
    const reqGrids = grids(TABS.requests);
    // A column under a header of an earlier version is read as today's (setup renames it).
    const header = (rowsOf(reqGrids.find((g) => (g.startRow ?? 0) === 0))[0] ?? []).map((v) => (v === undefined ? '' : currentHeader(String(v))));
    const fresh = new Map<string, number>();
    header.forEach((h, i) => h && !fresh.has(h) && fresh.set(h, i));
    const moved = headers.some((h) => fresh.get(h) !== this.headerIndex.get(h));
    const columns = new Map<string, unknown[]>();
    for (const { h, c } of wanted) {
      if (fresh.get(h) !== c) continue;
      columns.set(h, rowsOf(reqGrids.find((g) => (g.startRow ?? 0) === 1 && (g.startColumn ?? 0) === c)).map((r) => r[0]));
    }
    this.header = header;
    this.headerIndex = fresh;
    const ids = columns.get(REQUEST_COLUMNS.id) ?? [];
    let last = ids.length;
    while (last > 0 && (ids[last - 1] === undefined || ids[last - 1] === '')) last--;
    this.lastDataRow = last + 1;
    return { moved, columns, tab: (t: string) => rowsOf(grids(t)[0]) };
  }

  /**
   * Writes below the last request, into freshly inserted rows (inheriting the row above's
   * validation and format), so nothing a person typed below the table is overwritten and
   * Sheets' table detection (which array-formula columns can mislead) is not relied on.
   */
  async appendRequests(rows: Record<string, CellValue>[], log: LogEntry[], opts: { timeoutMs?: number } = {}): Promise<void> {
    const info = this.sheetsInfo.get(TABS.requests);
    if (!info) throw new WorkspaceError('readIntakeSnapshot must run before appendRequests');
    for (const h of MACHINE_HEADERS) {
      if (!this.headerIndex.has(h)) throw new WorkspaceError(`Missing header «${h}» in ${TABS.requests}: run npm run setup`);
    }
    const requests: sheets_v4.Schema$Request[] = [];
    if (rows.length) {
      const at = this.lastDataRow; // 0-based index of the first new row
      const letterOf = (h: string) => columnLetter(this.headerIndex.get(h) ?? 0);
      // Helper formulas are ours, written with the row (same call); only headers the sheet has.
      const formulas = rows.map((_, i) =>
        Object.fromEntries(Object.entries(requestFormulas(at + i + 1, letterOf)).filter(([h]) => this.headerIndex.has(h))),
      );
      const width = Math.max(...[...MACHINE_HEADERS, ...Object.keys(formulas[0] ?? {})].map((h) => this.headerIndex.get(h)!)) + 1;
      // Inserting at row 2 would push an open range like A2:A down past the new row, so an
      // empty table is written in place; past the grid's end, rows are appended.
      if (at > 1 && at < info.rowCount) {
        requests.push({
          insertDimension: {
            range: { sheetId: info.sheetId, dimension: 'ROWS', startIndex: at, endIndex: at + rows.length },
            inheritFromBefore: true,
          },
        });
      } else if (at + rows.length > info.rowCount) {
        requests.push({
          appendDimension: { sheetId: info.sheetId, dimension: 'ROWS', length: at + rows.length - info.rowCount },
        });
      }
      requests.push(
        {
          updateCells: {
            start: { sheetId: info.sheetId, rowIndex: at, columnIndex: 0 },
            rows: rows.map((row, r) => ({
              values: Array.from({ length: width }, (_, i) => {
                const h = this.header[i] ?? '';
                const f = formulas[r]![h];
                return f ? formulaCell(f) : toCell(MACHINE_HEADERS.includes(h) ? row[h] : undefined);
              }),
            })),
            fields: 'userEnteredValue',
          },
        },
      );
    }
    requests.push(...this.logRequests(log));
    if (!requests.length) return;
    await this.batchUpdate(requests, false, opts.timeoutMs);
    // The next write reads the snapshot again; this only keeps a caller that skips it honest.
    this.lastDataRow += rows.length;
  }

  /**
   * Unlike rows, log entries may be written twice: the outbox folds identical entries into
   * one (sweep/state.ts). So a log write is retried on 5xx too; otherwise one lost answer
   * would leave intents without results, which the sweep resends after its timeout.
   */
  /**
   * Log entries, and the sweep's evaluation answers with them: one write. A retry after a
   * lost answer writes the same cells again (the answers go to fixed rows; the log's fold
   * counts a repeated entry once).
   */
  async appendLog(log: LogEntry[], evaluations: CellValue[][] = []): Promise<void> {
    const requests = [...this.evaluationRequests(evaluations), ...this.logRequests(log)];
    if (!requests.length) return;
    await this.batchUpdate(requests, true);
    this.evaluationRows += evaluations.length;
  }

  private evaluationRequests(rows: CellValue[][]): sheets_v4.Schema$Request[] {
    if (!rows.length) return [];
    const info = this.sheetsInfo.get(EVALUATIONS_TAB);
    if (!info) throw new WorkspaceError('readSweepState must run before writing evaluations');
    const at = this.evaluationRows + 1; // 0-based: below the header and the answers so far
    const grow = at + rows.length - info.rowCount;
    return [
      ...(grow > 0 ? [{ appendDimension: { sheetId: info.sheetId, dimension: 'ROWS', length: grow } }] : []),
      { updateCells: { start: { sheetId: info.sheetId, rowIndex: at, columnIndex: 0 }, rows: rows.map((r) => ({ values: r.map((v) => toCell(v)) })), fields: 'userEnteredValue' } },
    ];
  }

  private logRequests(log: LogEntry[]): sheets_v4.Schema$Request[] {
    if (!log.length) return [];
    const info = this.sheetsInfo.get(TABS.log);
    if (!info) throw new WorkspaceError('readIntakeSnapshot must run before writing the log');
    // The log tab is machine-only: appendCells' "after the last row with data" is exact there.
    return [
      {
        appendCells: {
          sheetId: info.sheetId,
          rows: log.map((e) => ({ values: toLogRow(e).map((v) => toCell(v)) })),
          fields: 'userEnteredValue',
        },
      },
    ];
  }

  /** `timeoutMs` bounds the call with its 429 retries: aborted, it is a transient failure. */
  private async batchUpdate(requests: sheets_v4.Schema$Request[], repeatable = false, timeoutMs?: number): Promise<void> {
    await this.call(true, () =>
      this.api.spreadsheets.batchUpdate(
        { spreadsheetId: this.opts.spreadsheetId, requestBody: { requests } },
        { ...retryConfig(this.retries, this.delay, repeatable), ...(timeoutMs !== undefined && { signal: AbortSignal.timeout(timeoutMs) }) },
      ),
    );
  }

  private async call<T>(write: boolean, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (cause) {
      const status = (cause as { status?: number; response?: { status?: number } }).response?.status ??
        (cause as { status?: number }).status;
      // 4xx other than 429 will not get better by trying again (403: not shared with us).
      const transient = status === undefined || status === 429 || status >= 500;
      throw new UpstreamError('sheets', transient, {
        cause,
        message: `Sheets ${write ? 'write' : 'read'} failed${status ? ` (${status})` : ''}`,
      });
    }
  }
}
