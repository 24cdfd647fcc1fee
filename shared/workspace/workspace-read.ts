// What the intake and the sweep know of the workspace, made from what one read of it
// returned: the wanted request columns by header (row 2 down) and whole supporting tabs.
// Pure: the Sheets adapter does the reading, this the understanding.
import type { ExistingRequest } from '../domain/classify';
import { withServices } from '../domain/calls';
import { parseDay } from '../domain/dates';
import type { LogEntry } from '../domain/log-entry';
import type { RequestView, SweepState } from '../domain/workspace-state';
import type { IntakeSnapshot } from '../ports';
import { COMMISSION_COLUMNS as C } from './commission-columns';
import { parseCalls, parseMembers, parsePools } from './config-rows';
import { EVALUATIONS_TAB } from './evaluations';
import { FormulaError } from './formula-error';
import { HELPER_COLUMNS } from './request-formulas';
import { INDEX_COLUMNS, REQUEST_COLUMNS as R } from './request-row';
import { parsePrivacy, SETTINGS_TAB } from './settings';
import { TABS } from './tabs';
import { SESSION_COLUMNS, SESSIONS_TAB } from './tabs-extra';

/** One read: request columns by header (index 0 is row 2), and whole tabs from row 2. */
export interface WorkspaceRead {
  columns: Map<string, unknown[]>;
  tab(title: string): unknown[][];
}

export const INTAKE_READ = {
  headers: INDEX_COLUMNS.map((c) => R[c]),
  tabs: [TABS.members, TABS.calls, TABS.pools, SETTINGS_TAB],
};

export const SWEEP_READ = {
  headers: [R.id, R.reference, R.call, R.municipality, R.contactName, R.contactEmail, R.topic, R.serviceType, R.late, R.member,
    R.receivedAt, R.early, C.decision, C.service, C.hours, C.adviser, C.adviserContact, C.message, C.redirectedTo, C.announce, C.release,
    HELPER_COLUMNS.hoursDone, HELPER_COLUMNS.hoursLeft],
  tabs: [TABS.members, TABS.calls, TABS.pools, TABS.log, SESSIONS_TAB, SETTINGS_TAB, EVALUATIONS_TAB],
};

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

export function intakeSnapshotOf(read: WorkspaceRead): IntakeSnapshot {
  const col = (c: (typeof INDEX_COLUMNS)[number]) => read.columns.get(R[c]) ?? [];
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

/** Everything one sweep plans from; `row` is the request's row in the sheet. */
export function sweepStateOf(read: WorkspaceRead): SweepState {
  const col = (h: string) => read.columns.get(h) ?? [];
  const str = (h: string, i: number) => text(col(h)[i]).trim();
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
      cellErrors: SWEEP_READ.headers.flatMap((h) => { const v = col(h)[i]; return v instanceof FormulaError ? [{ header: h, shown: v.shown }] : []; }),
    });
  });
  const session = (h: (typeof SESSION_COLUMNS)[number]) => SESSION_COLUMNS.indexOf(h);
  const sessions = read.tab(SESSIONS_TAB).flatMap((r) => {
    const inWindow = r[session('Dins del període')];
    return text(r[session('ID sol·licitud')])
      ? [{ requestId: text(r[session('ID sol·licitud')]), date: parseDay(r[session('Data')]) ?? text(r[session('Data')]), inWindow: typeof inWindow === 'boolean' ? inWindow : undefined }]
      : [];
  });
  return {
    evaluationResponseIds: new Set(evaluationIds(read)),
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

/** The evaluation answers already written (their response IDs, one per row). */
export const evaluationIds = (read: WorkspaceRead): string[] => read.tab(EVALUATIONS_TAB).map((r) => text(r[0])).filter(Boolean);
