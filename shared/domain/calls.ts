// Calls (convocatòries) are configuration the Commission edits in the sheet, never
// constants: each call has its own window, deadline, recent-member date, areas and the
// services it offers (its pools). A yearly pool belongs to no call: requests of any call,
// or of none, may draw on it.
import { localDay } from './dates';
import { foldForMatch } from './text';

export interface Call {
  id: string; // e.g. "2020-04": also the prefix of request references
  title: string;
  opens: string; // YYYY-MM-DD, Catalan calendar
  /** Inclusive. Blank when the bases do not give it: the call then takes requests until its sessions end. */
  deadline?: string;
  sessionsFrom?: string;
  sessionsTo?: string;
  recentMemberSince?: string;
  priorityTheme: string;
  packageHours: number;
  sessionHours: number;
  topics: string[];
  /** The public page of the call's bases (http or https), shown in the form and every email. */
  basesUrl?: string;
  /** The services of its pools; undefined when the call has no pool yet (it offers any). */
  services?: string[];
  /** Not a call: the year a request that fits no open call is recorded under. */
  noCall?: boolean;
}

/** A row of the pools tab: `callId` is a call's ID, or a year (e.g. "2024") for a yearly pool. */
export interface PoolConfig {
  callId: string;
  service: string;
  hours: number;
}

export const isYear = (id: string): boolean => /^\d{4}$/.test(id);

/** The calls with the services their pools offer. */
export function withServices(calls: readonly Call[], pools: readonly PoolConfig[]): Call[] {
  return calls.map((c) => {
    const services = pools.filter((p) => p.callId === c.id).map((p) => p.service);
    return services.length ? { ...c, services } : c;
  });
}

export interface CallPlacement {
  call: Call;
  late: boolean;
  /** Sent before the call opened (kept in the next call, flagged). */
  early: boolean;
  /** No call open for this date and service: `call` is the year, flagged. */
  noCall: boolean;
}

/** The last day a call takes requests on time. */
const closes = (c: Call, next?: Call): string | undefined => c.deadline ?? c.sessionsTo ?? (next ? dayBefore(next.opens) : undefined);
/** After its deadline a call still answers (late) until its sessions are over or the next call opens. */
const answersLateUntil = (c: Call, next?: Call): string | undefined => c.sessionsTo ?? (next ? dayBefore(next.opens) : undefined);

function dayBefore(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether a call takes requests on time that day (a blank deadline: until its sessions end). */
export const isOpenOn = (c: Call, day: string): boolean => c.opens <= day && day <= (closes(c) ?? '9999-12-31');

/** Whether a call offers a requested service (a label of its pools; "either" fits any). */
export function offers(call: Call, service: string | undefined, either?: string): boolean {
  if (!call.services || service === undefined || service === either) return true;
  return call.services.includes(service);
}

/** The record a request that fits no call is kept under: its year. */
export function yearCall(year: string, title: string, defaults: Pick<Call, 'packageHours' | 'sessionHours'>): Call {
  return { id: year, title, opens: `${year}-01-01`, priorityTheme: '', topics: [], noCall: true, ...defaults };
}

/**
 * The call a submission belongs to, by its Catalan day and the service asked for: an open
 * call offering it (on time); else the call offering it whose deadline has passed while its
 * sessions are not over (late); else the next call of that year offering it (early). Undefined when none
 * fits: the caller records the request under its year, flagged.
 */
export function placeInCall(calls: readonly Call[], submittedAt: string, service?: string, either?: string): Omit<CallPlacement, 'noCall'> | undefined {
  const day = localDay(submittedAt);
  const sorted = [...calls].filter((c) => offers(c, service, either)).sort((a, b) => a.opens.localeCompare(b.opens));
  const nextOf = (i: number) => sorted[i + 1];
  const started = sorted.map((c, i) => ({ c, next: nextOf(i) })).filter(({ c }) => c.opens <= day);
  const open = started.filter(({ c, next }) => day <= (closes(c, next) ?? '9999-12-31'));
  if (open.length) return { call: open[open.length - 1]!.c, late: false, early: false };
  const late = started.filter(({ c, next }) => c.deadline !== undefined && day > c.deadline && day <= (answersLateUntil(c, next) ?? '9999-12-31'));
  if (late.length) return { call: late[late.length - 1]!.c, late: true, early: false };
  // Early only for a call of the same year: the work plan sets each year's calls, so a
  // request years ahead of one is not early for it, it fits no call.
  const upcoming = sorted.find((c) => day < c.opens && c.opens.slice(0, 4) === day.slice(0, 4));
  return upcoming ? { call: upcoming, late: false, early: true } : undefined;
}

/**
 * The call's own spelling of a thematic area, or undefined when the call does not offer
 * it. "other" is always allowed; a call with no configured areas accepts any.
 */
export function canonicalTopic(call: Call, topic: string): string | undefined {
  if (topic === 'other' || call.topics.length === 0) return topic;
  const folded = foldForMatch(topic);
  return call.topics.find((t) => foldForMatch(t) === folded);
}
