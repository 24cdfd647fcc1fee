// Which cells `npm run retention` rewrites for one call, decided from the tabs' values
// without I/O. Personal fields (names, roles, emails, phones, free-text answers, the
// Commission's notes to or about people) become a marker; everything the figures count
// stays as it is (call, municipality, topic, service, decision, hours, dates, flags, scores).
// Text that is kept (session notes, the log's details, topics) loses any name, email or
// phone the call's own rows hold, wherever it appears. A second run plans nothing.
import { placeInCall, type Call } from '../domain/calls';
import type { DecisionValues } from '../domain/decisions';
import { LOG_KIND } from '../domain/log-entry';
import { parseStamp } from '../outbox';
import { COMMISSION_COLUMNS as C } from '../workspace/commission-columns';
import { REQUEST_COLUMNS as R } from '../workspace/request-row';
import { LOG_HEADERS, TABS } from '../workspace/tabs';
import { REVIEWS_TAB, SESSIONS_TAB } from '../workspace/tabs-extra';
import { EVALUATIONS_TAB } from '../workspace/evaluations';

import { EMAIL, MARKER, scrubber } from './scrub';

export { MARKER, scrubber };

/** A tab as one values read gives it: the header row and the rows below (row i is sheet row i + 2). */
export interface Grid {
  header: readonly string[];
  rows: ReadonlyArray<readonly unknown[]>;
}

export interface RetentionInput {
  call: Call;
  /** Every call, to place a refused submission (it has no call of its own) by its date. */
  calls: readonly Call[];
  requests: Grid;
  reviews: Grid;
  sessions: Grid;
  log: Grid;
  /** Absent on a sheet set up before the evaluations existed. */
  evaluations?: Grid;
}

export interface CellChange {
  tab: string;
  /** 1-based sheet row. */
  row: number;
  /** 0-based column. */
  column: number;
  header: string;
  /** The request the row belongs to, so the write can check the row has not moved. */
  requestId: string;
  from: string;
  to: string;
}

/** Columns whose whole value is personal: replaced by the marker. */
export const PERSONAL_REQUEST_COLUMNS: readonly string[] = [
  R.contactName, R.contactRole, R.contactEmail, R.contactPhone,
  R.need, R.expectedImpact, R.transferability, R.alignment, R.priorityThemeDetail, R.involvement, R.preferredDates,
  C.adviser, C.adviserContact, C.message, C.redirectedTo,
];
/** Columns whose value is what someone said or who they are; the scores next to them stay. */
export const PERSONAL_REVIEW_COLUMNS: readonly string[] = ['Persona avaluadora', 'Comentari'];
/** An evaluation's own words; its scale answers and points are figures. */
export const PERSONAL_EVALUATION_COLUMNS: readonly string[] = ['Què compartiran', 'Comentaris'];
/** Known people's details the scrub looks for in every kept text. */
const IDENTITY_COLUMNS: readonly string[] = [R.contactName, R.contactEmail, R.contactPhone, C.adviser, C.adviserContact];
/** Kept request columns that the figures never read: scrubbed of names, not replaced. */
const SCRUBBED_REQUEST_COLUMNS: readonly string[] = [R.topic, R.typedName];
const DECISION_PERSONAL: ReadonlyArray<keyof DecisionValues> = ['adviser', 'adviserContact', 'message', 'redirectedTo'];

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
export function planRetention(input: RetentionInput): CellChange[] {
  const { call } = input;
  const changes: CellChange[] = [];
  const col = (g: Grid, h: string) => g.header.indexOf(h);
  const at = (g: Grid, i: number, h: string) => (col(g, h) < 0 ? '' : str(g.rows[i]?.[col(g, h)]));
  const change = (tab: string, g: Grid, i: number, header: string, requestId: string, to: (from: string) => string) => {
    const c = col(g, header);
    if (c < 0) return;
    const from = str(g.rows[i]?.[c]);
    const next = to(from);
    if (from !== '' && next !== from) changes.push({ tab, row: i + 2, column: c, header, requestId, from, to: next });
  };
  const toMarker = () => MARKER;

  const rq = input.requests;
  const ids = new Set<string>();
  const known: string[] = [];
  rq.rows.forEach((_, i) => {
    if (at(rq, i, R.call) !== call.id || !at(rq, i, R.id)) return;
    ids.add(at(rq, i, R.id));
    for (const h of IDENTITY_COLUMNS) known.push(at(rq, i, h), ...(at(rq, i, h).match(EMAIL) ?? []));
  });
  const ofCall = (g: Grid, i: number) => ids.has(at(g, i, 'ID sol·licitud'));
  input.reviews.rows.forEach((_, i) => ofCall(input.reviews, i) && known.push(at(input.reviews, i, 'Persona avaluadora')));
  const scrub = scrubber(known);

  rq.rows.forEach((_, i) => {
    const id = at(rq, i, R.id);
    if (!ids.has(id) || at(rq, i, R.call) !== call.id) return;
    for (const h of PERSONAL_REQUEST_COLUMNS) change(TABS.requests, rq, i, h, id, toMarker);
    for (const h of SCRUBBED_REQUEST_COLUMNS) change(TABS.requests, rq, i, h, id, scrub);
  });
  const rv = input.reviews;
  rv.rows.forEach((_, i) => {
    if (!ofCall(rv, i)) return;
    for (const h of PERSONAL_REVIEW_COLUMNS) change(REVIEWS_TAB, rv, i, h, at(rv, i, 'ID sol·licitud'), toMarker);
  });
  // Session notes are the network's shared knowledge (FAQ, good practices): kept, without people.
  const ss = input.sessions;
  ss.rows.forEach((_, i) => {
    if (!ofCall(ss, i)) return;
    for (const h of ['Temes treballats', 'Pregunta FAQ', 'Resposta FAQ', 'Bona pràctica']) change(SESSIONS_TAB, ss, i, h, at(ss, i, 'ID sol·licitud'), scrub);
  });

  const ev = input.evaluations ?? { header: [], rows: [] };
  ev.rows.forEach((_, i) => {
    if (!ofCall(ev, i)) return;
    for (const h of PERSONAL_EVALUATION_COLUMNS) change(EVALUATIONS_TAB, ev, i, h, at(ev, i, 'ID sol·licitud'), toMarker);
  });

  const lg = input.log;
  const [idH, atH, kindH, , , detailH] = LOG_HEADERS;
  lg.rows.forEach((_, i) => {
    const id = at(lg, i, idH);
    const kind = at(lg, i, kindH);
    // A refused submission has no call: it belongs to the one a submission sent then would.
    const when = kind === LOG_KIND.invalid ? sentAt(at(lg, i, detailH)) || stampIso(at(lg, i, atH)) : '';
    const refused = when !== '' && placeInCall(input.calls, when)?.call.id === call.id;
    if (ids.has(id) && kind === LOG_KIND.decision) change(TABS.log, lg, i, detailH, id, (d) => scrub(anonymiseDecision(d)));
    else if (refused) change(TABS.log, lg, i, detailH, id, toMarker);
    // Other entries (and digest items, which have no request) keep their words, not the call's people.
    else if (ids.has(id) || id === '') change(TABS.log, lg, i, detailH, id, scrub);
  });
  return changes;
}

/** A decision's logged values keep what the figures need (decision, service, hours). */
function anonymiseDecision(detail: string): string {
  try {
    const v = JSON.parse(detail) as Record<string, unknown>;
    for (const k of DECISION_PERSONAL) if (typeof v[k] === 'string' && v[k] !== '') v[k] = MARKER;
    return JSON.stringify(v);
  } catch {
    return detail;
  }
}

/** When a refused submission says it was sent (its body is kept in the entry's detail), as intake places it. */
function sentAt(detail: string): string {
  try {
    const body = JSON.parse(String((JSON.parse(detail) as { body?: unknown }).body ?? '')) as { submittedAt?: unknown };
    return typeof body.submittedAt === 'string' && !Number.isNaN(Date.parse(body.submittedAt)) ? body.submittedAt : '';
  } catch {
    return '';
  }
}

/** The log's Catalan stamp as an ISO instant ("" when it is not one: then no call). */
const stampIso = (stamp: string): string => (parseStamp(stamp).isValid ? (parseStamp(stamp).toISO() ?? '') : '');

/** The column that tells which request a row of `tab` belongs to. */
export const rowKeyHeader = (tab: string): string => (tab === TABS.requests ? R.id : 'ID sol·licitud');

/** Changes whose row no longer holds the same request after the write: a row moved meanwhile. */
export function movedRows(changes: readonly CellChange[], after: Record<string, Grid>): CellChange[] {
  return changes.filter((c) => {
    const g = after[c.tab];
    const k = g ? g.header.indexOf(rowKeyHeader(c.tab)) : -1;
    return !g || k < 0 || str(g.rows[c.row - 2]?.[k]) !== c.requestId;
  });
}
