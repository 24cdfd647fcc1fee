// Setup's side of the Sheets adapter: read what the workspace holds, turn a plan into
// Sheets requests, apply it. Structural steps (tabs, headers, seeds) go first; then the
// workspace is read again so formulas, validation and colours land on the real columns.
import type { sheets_v4 } from '@googleapis/sheets';
import { planSetup, STRUCTURAL, type CurrentTab, type ProtectionNow, type SetupStep } from '../workspace/setup-plan';
import { a1Tab, columnLetter, TABS } from '../workspace/tabs';
import { normalFormula } from '../workspace/formula-syntax';
import type { TabSpec } from '../workspace/workspace-spec';
import type { Validation } from '../workspace/commission-columns';
import { retryConfig } from './google-retry';
import { sheetsApi } from './sheets';

/** The functions' policy (google-retry.ts): reads retried on 429/5xx, writes on 429 only. */
interface Retry {
  read: ReturnType<typeof retryConfig>;
  write: ReturnType<typeof retryConfig>;
  /** A write that sets the same cells to the same values: safe to repeat on a 5xx. */
  rewrite: ReturnType<typeof retryConfig>;
}
const policy = (retries: number, delay: number): Retry => ({
  read: retryConfig(retries, delay, true),
  write: retryConfig(retries, delay, false),
  rewrite: retryConfig(retries, delay, true),
});

interface ReadState {
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

export async function readState(api: sheets_v4.Sheets, spreadsheetId: string, retry = policy(0, 0)): Promise<ReadState> {
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

function validationRule(rule: Validation): sheets_v4.Schema$DataValidationRule {
  const v = (s: string | number) => ({ userEnteredValue: String(s) });
  switch (rule.kind) {
    case 'number':
      return { condition: { type: 'NUMBER_BETWEEN', values: [v(rule.min), v(rule.max)] }, strict: true };
    case 'list':
      return { condition: { type: 'ONE_OF_LIST', values: rule.values.map(v) }, strict: true, showCustomUi: true };
    case 'range':
      return { condition: { type: 'ONE_OF_RANGE', values: [v(`=${rule.range}`)] }, strict: true, showCustomUi: true };
    case 'checkbox':
      return { condition: { type: 'BOOLEAN' } };
    case 'multipleOf':
      return { condition: { type: 'CUSTOM_FORMULA', values: [v(rule.ofCell)] }, strict: true };
  }
}

/** Runs of consecutive rows become one updateCells each. */
function runs(cells: Array<{ row: number; formula: string }>): Array<Array<{ row: number; formula: string }>> {
  const out: Array<Array<{ row: number; formula: string }>> = [];
  for (const c of [...cells].sort((a, b) => a.row - b.row)) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1]!.row === c.row - 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

function toRequests(steps: SetupStep[], state: ReadState): sheets_v4.Schema$Request[] {
  const reqs: sheets_v4.Schema$Request[] = [];
  for (const s of steps) {
    const info = state.ids.get(s.title);
    if (!info) continue;
    const sheetId = info.sheetId;
    const columns = (c: number[] | 'all') => (c === 'all' ? [undefined] : c);
    switch (s.kind) {
      case 'notes':
        for (const n of s.notes) {
          reqs.push({ updateCells: { start: { sheetId, rowIndex: 0, columnIndex: n.column }, rows: [{ values: [{ note: n.note }] }], fields: 'note' } });
        }
        break;
      case 'validation':
        reqs.push({
          setDataValidation: {
            range: { sheetId, startRowIndex: 1, endRowIndex: info.rowCount, startColumnIndex: s.column, endColumnIndex: s.column + 1 },
            rule: validationRule(s.rule),
          },
        });
        break;
      case 'formulas':
        for (const run of runs(s.cells)) {
          reqs.push({
            updateCells: {
              start: { sheetId, rowIndex: run[0]!.row - 1, columnIndex: s.column },
              // No formula: the cell is emptied (an older layout's formula, not a person's value).
              rows: run.map((c) => ({ values: [c.formula === '' ? {} : { userEnteredValue: { formulaValue: c.formula } }] })),
              fields: 'userEnteredValue',
            },
          });
        }
        break;
      case 'protect':
        for (const c of columns(s.columns)) {
          reqs.push({
            addProtectedRange: {
              protectedRange: {
                range: c === undefined ? { sheetId } : { sheetId, startColumnIndex: c, endColumnIndex: c + 1 },
                description: s.key,
                // With the functions' service accounts as the only editors, people cannot type
                // there; without them (local, or before deploy) they are warned instead.
                // Google: editors are not supported with warningOnly, so never both.
                ...(s.editors.length ? { warningOnly: false, editors: { users: s.editors } } : { warningOnly: true }),
              },
            },
          });
        }
        break;
      case 'enforce':
        reqs.push({
          updateProtectedRange: {
            protectedRange: { protectedRangeId: s.protectedRangeId, warningOnly: false, editors: { users: s.editors } },
            fields: 'warningOnly,editors',
          },
        });
        break;
      case 'conditional':
        reqs.push({
          addConditionalFormatRule: {
            index: 0,
            rule: {
              ranges: columns(s.columns).map((c) =>
                c === undefined ? { sheetId, startRowIndex: 1 } : { sheetId, startRowIndex: 1, startColumnIndex: c, endColumnIndex: c + 1 },
              ),
              booleanRule: { condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: s.formula }] }, format: { backgroundColor: s.color } },
            },
          },
        });
        break;
      case 'filterView':
        reqs.push({
          addFilterView: {
            filter: {
              title: s.name,
              range: { sheetId },
              filterSpecs: [{ columnIndex: s.column, filterCriteria: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: s.value }] } } }],
            },
          },
        });
        break;
      case 'chart': {
        const source = (c: number) => ({ sourceRange: { sources: [{ sheetId, startRowIndex: 0, endRowIndex: s.chart.rows, startColumnIndex: c, endColumnIndex: c + 1 }] } });
        reqs.push({
          addChart: {
            chart: {
              spec: {
                title: s.chart.title,
                basicChart: {
                  chartType: 'COLUMN',
                  legendPosition: 'BOTTOM_LEGEND',
                  headerCount: 1,
                  domains: [{ domain: source(0) }],
                  series: s.chart.series.map((c) => ({ series: source(c), targetAxis: 'LEFT_AXIS' })),
                },
              },
              position: { overlayPosition: { anchorCell: { sheetId, rowIndex: 1, columnIndex: s.chart.anchorColumn } } },
            },
          },
        });
        break;
      }
      default:
        break;
    }
  }
  return reqs;
}

/** Plain-text format for a column below its header: what is typed there stays text. */
const textColumn = (sheetId: number, column: number): sheets_v4.Schema$Request => ({
  repeatCell: {
    range: { sheetId, startRowIndex: 1, startColumnIndex: column, endColumnIndex: column + 1 },
    cell: { userEnteredFormat: { numberFormat: { type: 'TEXT', pattern: '@' } } },
    fields: 'userEnteredFormat.numberFormat',
  },
});

async function applyStructural(api: sheets_v4.Sheets, spreadsheetId: string, steps: SetupStep[], state: ReadState, retry: Retry) {
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
  const retry = policy(opts.retries ?? 6, opts.retryDelayMs ?? 500);
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

async function setupOnce(api: sheets_v4.Sheets, opts: { spreadsheetId: string; spec: TabSpec[]; dryRun?: boolean; writers?: readonly string[] }, retry: Retry) {
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

