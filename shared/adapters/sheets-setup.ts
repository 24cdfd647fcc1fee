// Setup's side of the Sheets adapter: read what the workspace holds (sheets-setup-read.ts),
// turn a plan into Sheets requests (sheets-setup-requests.ts), apply it. Structural steps
// (tabs, headers, seeds) go first; then the workspace is read again so formulas, validation
// and colours land on the real columns.
import type { sheets_v4 } from '@googleapis/sheets';
import { planSetup } from '../workspace/setup-plan';
import { STRUCTURAL, type SetupStep } from '../workspace/setup-steps';
import { a1Tab, columnLetter } from '../workspace/tabs';
import type { TabSpec } from '../workspace/tab-spec';
import { retryPolicy, type RetryPolicy } from './google-retry';
import { sheetsApi } from './sheets';
import { readState, type ReadState } from './sheets-setup-read';
import { textColumn, toRequests } from './sheets-setup-requests';

async function applyStructural(api: sheets_v4.Sheets, spreadsheetId: string, steps: SetupStep[], state: ReadState, retry: RetryPolicy) {
  const adds = steps.filter((s) => s.kind === 'addTab');
  if (adds.length) {
    await api.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: { requests: adds.map((s) => ({ addSheet: { properties: { title: s.title, gridProperties: { frozenRowCount: 1 } } } })) },
    }, retry.write);
    state = await readState(api, spreadsheetId, retry);
  }
  // Grow the grid first where new headers would run past its last column.
  const grow = steps.flatMap((s) => {
    if (s.kind !== 'addHeaders') return [];
    const info = state.ids.get(s.title)!;
    const need = s.startColumn + s.headers.length - info.columnCount;
    return need > 0 ? [{ appendDimension: { sheetId: info.sheetId, dimension: 'COLUMNS', length: need } }] : [];
  });
  if (grow.length) await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: grow } }, retry.write);
  const headers = steps.flatMap((s) =>
    s.kind === 'addHeaders'
      ? [{ range: `${a1Tab(s.title)}!${columnLetter(s.startColumn)}1`, values: [s.headers] }]
      : s.kind === 'renameHeader'
        ? [{ range: `${a1Tab(s.title)}!${columnLetter(s.column)}1`, values: [[s.to]] }]
        : [],
  );
  // Headers are text whatever they look like; seed rows are our own constants, entered as a
  // person would type them so dates become dates — in any locale, as they are ISO dates —
  // while the ID columns, plain text by then, keep `2020-04` as text.
  if (headers.length) await api.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: 'RAW', data: headers } }, retry.rewrite);
  const text = steps.flatMap((s) => (s.kind === 'textFormat' ? s.columns.map((c) => textColumn(state.ids.get(s.title)!.sheetId, c)) : []));
  if (text.length) await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: text } }, retry.rewrite);
  const seeds = steps.flatMap((s) => (s.kind === 'seed' ? [{ range: `${a1Tab(s.title)}!A${s.startRow}`, values: s.rows.map((r) => [...r]) }] : []));
  if (seeds.length) await api.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: 'USER_ENTERED', data: seeds } }, retry.rewrite);
}

export async function setupWorkspace(opts: {
  spreadsheetId: string;
  rootUrl?: string;
  spec: TabSpec[];
  dryRun?: boolean;
  /** The service accounts that write (the functions'): the only editors of machine columns. */
  writers?: readonly string[];
  /** Client retries per call (429/5xx for reads, 429 for writes), and runs of the whole setup. */
  retries?: number;
  retryDelayMs?: number;
}): Promise<{ steps: SetupStep[] }> {
  const api = sheetsApi(opts);
  const retry = retryPolicy(opts.retries ?? 6, opts.retryDelayMs ?? 500);
  // A write answered 5xx may have been applied, so it is not repeated blindly: the whole
  // setup runs again, reading the workspace and planning only what is still missing (each
  // run keeps what the one before applied, so runs are cheap).
  for (let run = 1; ; run++) {
    try {
      return await setupOnce(api, opts, retry);
    } catch (error) {
      if (run >= SETUP_RUNS || !transient(error)) throw error;
    }
  }
}

const SETUP_RUNS = 20;

const transient = (error: unknown): boolean => {
  const status = (error as { response?: { status?: number }; status?: number }).response?.status ?? (error as { status?: number }).status;
  return status === undefined || status === 429 || status >= 500;
};

async function setupOnce(api: sheets_v4.Sheets, opts: { spreadsheetId: string; spec: TabSpec[]; dryRun?: boolean; writers?: readonly string[] }, retry: RetryPolicy) {
  const writers = opts.writers ?? [];
  let state = await readState(api, opts.spreadsheetId, retry);
  const planned = planSetup(opts.spec, state.tabs, state.callIds, writers);
  if (opts.dryRun || !planned.length) return { steps: planned };
  const structural = planned.filter((s) => STRUCTURAL.has(s.kind));
  if (structural.length) {
    await applyStructural(api, opts.spreadsheetId, structural, state, retry);
    state = await readState(api, opts.spreadsheetId, retry);
  }
  const rest = planSetup(opts.spec, state.tabs, state.callIds, writers).filter((s) => !STRUCTURAL.has(s.kind));
  const requests = toRequests(rest, state);
  if (requests.length) await api.spreadsheets.batchUpdate({ spreadsheetId: opts.spreadsheetId, requestBody: { requests } }, retry.write);
  return { steps: [...structural, ...rest] };
}

