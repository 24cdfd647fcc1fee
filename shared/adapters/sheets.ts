// The one file that talks to Google Sheets. It implements the WorkspaceStore port with
// few calls: one spreadsheets.get reads everything intake needs (sheet IDs, grid sizes,
// the request index columns, members, calls), one batchUpdate writes rows and log.
import { auth as googleAuth, sheets, type sheets_v4 } from '@googleapis/sheets';
import { UpstreamError, WorkspaceError } from '../errors';
import type { IntakeSnapshot, WorkspaceStore } from '../ports';
import type { ExistingRequest } from '../domain/classify';
import { parseCalls, parseMembers } from '../workspace/config-rows';
import { toLogRow, type LogEntry } from '../workspace/log-entry';
import { INDEX_COLUMNS, MACHINE_HEADERS, REQUEST_COLUMNS, type CellValue } from '../workspace/request-row';
import { a1Tab, CALL_HEADERS, columnLetter, MEMBER_HEADERS, TABS } from '../workspace/tabs';
import { requestFormulas } from '../workspace/request-formulas';

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

/**
 * Reads may be retried on any 429/5xx. A write answered 5xx may have been applied, so
 * writes are retried by the client only on 429 (refused, never applied); the caller
 * re-reads and writes what is missing instead of repeating blindly.
 */
function retryConfig(retries: number, delay: number, write: boolean) {
  return {
    retry: true,
    retryConfig: {
      retry: retries,
      retryDelay: delay,
      retryDelayMultiplier: 2,
      maxRetryDelay: 20_000,
      httpMethodsToRetry: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'],
      statusCodesToRetry: write ? [[429, 429]] : [[429, 429], [500, 599]],
      noResponseRetries: write ? 0 : retries,
    },
  };
}

type Cell = sheets_v4.Schema$CellData;
const cellValue = (c: Cell | undefined): unknown => {
  const v = c?.effectiveValue;
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
  /** Header → column index of the request tab as last read; starts at the default order. */
  private headerIndex = new Map(MACHINE_HEADERS.map((h, i) => [h, i]));
  private header: string[] = [...MACHINE_HEADERS];
  private sheetsInfo = new Map<string, SheetInfo>();
  private lastDataRow = 1;

  constructor(private readonly opts: SheetsOptions) {
    this.api = sheetsApi(opts);
    this.retries = opts.retries ?? 6;
    this.delay = opts.retryDelayMs ?? 500;
  }

  async readIntakeSnapshot(): Promise<IntakeSnapshot> {
    let read = await this.readIndex();
    if (read.moved) read = await this.readIndex(); // the Commission moved a column: read it where it is now
    return read.snapshot;
  }

  private async readIndex(): Promise<{ moved: boolean; snapshot: IntakeSnapshot }> {
    const req = a1Tab(TABS.requests);
    const cols = INDEX_COLUMNS.map((c) => this.headerIndex.get(REQUEST_COLUMNS[c]));
    if (cols.some((c) => c === undefined)) throw new WorkspaceError(`Missing request headers in ${TABS.requests}`);
    const ranges = [
      `${req}!1:1`,
      ...cols.map((c) => `${req}!${columnLetter(c!)}2:${columnLetter(c!)}`),
      `${a1Tab(TABS.members)}!A2:${columnLetter(MEMBER_HEADERS.length - 1)}`,
      `${a1Tab(TABS.calls)}!A2:${columnLetter(CALL_HEADERS.length - 1)}`,
      `${a1Tab(TABS.log)}!A1:A1`,
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
        retryConfig(this.retries, this.delay, false),
      ),
    );
    const byTitle = new Map((res.data.sheets ?? []).map((s) => [s.properties?.title ?? '', s]));
    for (const [title, s] of byTitle) {
      this.sheetsInfo.set(title, {
        sheetId: s.properties?.sheetId ?? 0,
        rowCount: s.properties?.gridProperties?.rowCount ?? 0,
      });
    }
    for (const t of [TABS.requests, TABS.members, TABS.calls, TABS.log]) {
      if (!byTitle.has(t)) throw new WorkspaceError(`The workspace has no tab «${t}»: run npm run setup`);
    }
    const grids = (title: string) => byTitle.get(title)?.data ?? [];
    const rowsOf = (g: sheets_v4.Schema$GridData | undefined) =>
      (g?.rowData ?? []).map((r) => (r.values ?? []).map(cellValue));

    const reqGrids = grids(TABS.requests);
    const headerGrid = reqGrids.find((g) => (g.startRow ?? 0) === 0);
    const header = (rowsOf(headerGrid)[0] ?? []).map((v) => (v === undefined ? '' : String(v)));
    const fresh = new Map<string, number>();
    header.forEach((h, i) => h && !fresh.has(h) && fresh.set(h, i));
    const moved = INDEX_COLUMNS.some((c) => fresh.get(REQUEST_COLUMNS[c]) !== this.headerIndex.get(REQUEST_COLUMNS[c]));
    this.header = header;
    this.headerIndex = fresh;

    const column = (c: number) =>
      rowsOf(reqGrids.find((g) => (g.startRow ?? 0) === 1 && (g.startColumn ?? 0) === c)).map((r) => r[0]);
    const [ids, refs, calls, names, member, late, repeated] = cols.map((c) => column(c!));
    const existing: ExistingRequest[] = [];
    let last = 1;
    (ids ?? []).forEach((id, i) => {
      if (id === undefined || id === '') return;
      last = i + 2;
      existing.push({
        id: String(id),
        reference: String(refs?.[i] ?? ''),
        callId: String(calls?.[i] ?? ''),
        municipality: String(names?.[i] ?? ''),
        flags: [
          ...(late?.[i] === true ? (['late'] as const) : []),
          ...(member?.[i] === false ? (['non_member'] as const) : []),
          ...(repeated?.[i] === true ? (['repeated_in_call'] as const) : []),
        ],
      });
    });
    this.lastDataRow = last;
    return {
      moved,
      snapshot: {
        existing,
        members: parseMembers(rowsOf(grids(TABS.members)[0])),
        calls: parseCalls(rowsOf(grids(TABS.calls)[0])),
      },
    };
  }

  /**
   * Writes below the last request, into freshly inserted rows (inheriting the row above's
   * validation and format), so nothing a person typed below the table is overwritten and
   * Sheets' table detection (which array-formula columns can mislead) is not relied on.
   */
  async appendRequests(rows: Record<string, CellValue>[], log: LogEntry[]): Promise<void> {
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
    await this.batchUpdate(requests);
    // The next write reads the snapshot again; this only keeps a caller that skips it honest.
    this.lastDataRow += rows.length;
  }

  async appendLog(log: LogEntry[]): Promise<void> {
    if (log.length) await this.batchUpdate(this.logRequests(log));
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

  private async batchUpdate(requests: sheets_v4.Schema$Request[]): Promise<void> {
    await this.call(true, () =>
      this.api.spreadsheets.batchUpdate(
        { spreadsheetId: this.opts.spreadsheetId, requestBody: { requests } },
        retryConfig(this.retries, this.delay, true),
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
