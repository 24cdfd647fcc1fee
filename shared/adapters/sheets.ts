// The one file that talks to Google Sheets for the functions. It implements the
// WorkspaceStore port with few calls: one spreadsheets.get reads everything a door needs
// (sheet IDs, grid sizes, the wanted request columns, whole supporting tabs), one
// batchUpdate writes rows and log. The read's ranges and grids are sheets-read.ts, what it
// means workspace/workspace-read.ts; the requests written sheets-writes.ts.
import { auth as googleAuth, sheets, type sheets_v4 } from '@googleapis/sheets';
import { UpstreamError, WorkspaceError } from '../errors';
import type { IntakeSnapshot, WorkspaceStore } from '../ports';
import type { LogEntry } from '../domain/log-entry';
import type { SweepState } from '../domain/workspace-state';
import { EVALUATIONS_TAB } from '../workspace/evaluations';
import { REQUEST_TAB_HEADERS } from '../workspace/request-formulas';
import { MACHINE_HEADERS, REQUEST_COLUMNS, type CellValue } from '../workspace/request-row';
import { TABS } from '../workspace/tabs';
import { evaluationIds, INTAKE_READ, intakeSnapshotOf, SWEEP_READ, sweepStateOf, type WorkspaceRead } from '../workspace/workspace-read';
import { retryConfig } from './google-retry';
import { gridsRead, READ_FIELDS, readRanges } from './sheets-read';
import { evaluationRequests, logRequests, requestRowsRequests, type SheetInfo } from './sheets-writes';

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
    return intakeSnapshotOf(await this.readColumns(INTAKE_READ.headers, INTAKE_READ.tabs));
  }

  /** Everything one sweep needs: at most 2 calls (1 while the Commission has not moved columns). */
  async readSweepState(): Promise<SweepState> {
    const read = await this.readColumns(SWEEP_READ.headers, SWEEP_READ.tabs);
    // Evaluations are written below the last answer; only the sweep writes there, one at a time.
    this.evaluationRows = evaluationIds(read).length;
    return sweepStateOf(read);
  }

  /**
   * One spreadsheets.get for the request tab's header, the wanted request columns where the
   * header was last seen, and whole other tabs. If the Commission has moved a wanted
   * column since, a second read fetches it where it is now.
   */
  private async readColumns(headers: readonly string[], tabs: readonly string[]): Promise<WorkspaceRead> {
    let read = await this.readOnce(headers, tabs);
    if (read.moved) read = await this.readOnce(headers, tabs);
    if (!read.columns.has(REQUEST_COLUMNS.id)) throw new WorkspaceError(`Missing header «${REQUEST_COLUMNS.id}» in ${TABS.requests}: run npm run setup`);
    return read;
  }

  private async readOnce(headers: readonly string[], tabs: readonly string[]): Promise<WorkspaceRead & { moved: boolean }> {
    const { wanted, ranges } = readRanges(this.headerIndex, headers, tabs);
    const res = await this.call(false, () =>
      this.api.spreadsheets.get(
        { spreadsheetId: this.opts.spreadsheetId, ranges, includeGridData: true, fields: READ_FIELDS },
        retryConfig(this.retries, this.delay, true),
      ),
    );
    const read = gridsRead(res.data, wanted, headers, tabs);
    for (const [title, info] of read.sheets) this.sheetsInfo.set(title, info);
    this.header = read.header;
    this.headerIndex = read.headerIndex;
    this.lastDataRow = read.lastDataRow;
    return read;
  }

  /** Rows below the last request and their log entries, in one write (sheets-writes.ts). */
  async appendRequests(rows: Record<string, CellValue>[], log: LogEntry[], opts: { timeoutMs?: number } = {}): Promise<void> {
    const info = this.sheetsInfo.get(TABS.requests);
    if (!info) throw new WorkspaceError('readIntakeSnapshot must run before appendRequests');
    for (const h of MACHINE_HEADERS) {
      if (!this.headerIndex.has(h)) throw new WorkspaceError(`Missing header «${h}» in ${TABS.requests}: run npm run setup`);
    }
    const requests = [...requestRowsRequests(info, this.lastDataRow, this.header, this.headerIndex, rows), ...this.logRequests(log)];
    if (!requests.length) return;
    await this.batchUpdate(requests, false, opts.timeoutMs);
    // The next write reads the snapshot again; this only keeps a caller that skips it honest.
    this.lastDataRow += rows.length;
  }

  /**
   * Log entries, and the sweep's evaluation answers with them: one write. Unlike rows, it
   * may land twice, so it is retried on 5xx too (one lost answer would otherwise leave
   * intents without results, which the sweep resends after its timeout): the answers go to
   * fixed rows, and the outbox's fold counts a repeated log entry once.
   */
  async appendLog(log: LogEntry[], evaluations: CellValue[][] = [], opts: { timeoutMs?: number } = {}): Promise<void> {
    const requests = [...this.evaluationRequests(evaluations), ...this.logRequests(log)];
    if (!requests.length) return;
    await this.batchUpdate(requests, true, opts.timeoutMs);
    this.evaluationRows += evaluations.length;
  }

  private evaluationRequests(rows: CellValue[][]): sheets_v4.Schema$Request[] {
    if (!rows.length) return [];
    const info = this.sheetsInfo.get(EVALUATIONS_TAB);
    if (!info) throw new WorkspaceError('readSweepState must run before writing evaluations');
    return evaluationRequests(info, this.evaluationRows + 1, rows); // below the header and the answers so far
  }

  private logRequests(log: LogEntry[]): sheets_v4.Schema$Request[] {
    if (!log.length) return [];
    const info = this.sheetsInfo.get(TABS.log);
    if (!info) throw new WorkspaceError('readIntakeSnapshot must run before writing the log');
    return logRequests(info, log);
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
