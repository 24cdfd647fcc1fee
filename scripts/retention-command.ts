// `npm run retention -- --call ID [--dry-run]`: anonymises a closed call's personal data
// once its retention period is over, keeping the figures.
//
// The functions only ever append rows and never rewrite a machine cell (DESIGN.md,
// "Ownership of cells"): this admin command is the one sanctioned exception. The law asks
// that personal data be kept no longer than needed, and a Google Sheet has no other way to
// forget a cell than to overwrite it; deleting the rows instead would take the figures
// (Resum, the pools, the yearly view) with them. So it is run by a person, never by a
// function; it prints the plan first (--dry-run), refuses before the retention date,
// checks afterwards that no row moved under it and that nothing is left, and records
// itself in the log so the sweep stops writing to those people and stops reminding staff.
import { parseArgs } from 'node:util';
import { SheetsRetention } from '../shared/adapters/sheets-retention';
import { SheetsWorkspace } from '../shared/adapters/sheets';
import { localDay, localStamp } from '../shared/domain/dates';
import { retentionDue } from '../shared/domain/retention';
import { caRetention as t } from '../shared/i18n/ca-retention';
import { mark, outboxKey } from '../shared/outbox';
import { movedRows, planRetention, type CellChange } from '../shared/retention/plan';
import { DEFAULT_PRIVACY } from '../shared/i18n/ca-privacy';
import { shellEnv, type Env } from '../shared/runtime/env';
import { a1Tab, columnLetter, TABS } from '../shared/workspace/tabs';
import { REVIEWS_TAB, SESSIONS_TAB } from '../shared/workspace/tabs-extra';
import { EVALUATIONS_TAB } from '../shared/workspace/evaluations';

export interface CommandResult {
  code: number;
  out: string;
}

const where = (c: CellChange) => `${a1Tab(c.tab)}!${columnLetter(c.column)}${c.row}`;
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s).replace(/\n/g, ' ');

export async function retentionCommand(argv: string[], env: Env = shellEnv(), now = new Date()): Promise<CommandResult> {
  const { values } = parseArgs({
    args: argv,
    options: { call: { type: 'string' }, spreadsheet: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  if (!values.call) return { code: 2, out: t.usage };
  const spreadsheetId = values.spreadsheet ?? (env.SPREADSHEET_ID || undefined);
  if (!spreadsheetId) return { code: 2, out: t.needSpreadsheet };
  const rootUrl = env.GOOGLE_ROOT_URL || undefined;

  const workspace = new SheetsWorkspace({ spreadsheetId, rootUrl });
  const state = await workspace.readSweepState();
  const call = state.calls.find((c) => c.id === values.call);
  if (!call) return { code: 1, out: t.unknownCall(values.call) };
  const due = retentionDue(call, (state.privacy ?? DEFAULT_PRIVACY).retentionYears);
  const store = new SheetsRetention({ spreadsheetId, rootUrl });
  const grids = await store.read();
  const plan = planRetention({ call, calls: state.calls, ...grids });
  const lines = [t.heading(call.id, call.title, due), ...plan.map((c) => t.change(where(c), c.header, c.requestId, short(c.from), short(c.to)))];
  if (!plan.length) return { code: 0, out: [...lines, t.nothing].join('\n') };
  if (values['dry-run']) return { code: 0, out: [...lines, ...(localDay(now.toISOString()) < due ? [t.notDue(due)] : []), t.dryRun(plan.length)].join('\n') };
  if (localDay(now.toISOString()) < due) return { code: 1, out: [lines[0]!, t.notDue(due)].join('\n') };

  await store.write(plan);
  const after = await store.read();
  const moved = movedRows(plan, { [TABS.requests]: after.requests, [REVIEWS_TAB]: after.reviews, [SESSIONS_TAB]: after.sessions, [TABS.log]: after.log, [EVALUATIONS_TAB]: after.evaluations });
  const left = planRetention({ call, calls: state.calls, ...after });
  const rows = new Set(plan.map((c) => `${c.tab}|${c.row}`)).size;
  await workspace.appendLog([mark({ requestId: '', at: localStamp(now), ...outboxKey.anonymised(call.id), detail: t.logDetail(plan.length, rows) })]);
  const problems = [...(moved.length ? [t.moved(moved.map(where))] : []), ...(left.length ? [t.left(left.length)] : [])];
  return { code: problems.length ? 1 : 0, out: [...lines, t.done(plan.length, rows), ...problems].join('\n') };
}
