// Calls (convocatòries) are configuration the Commission edits in the sheet, never
// constants: each call has its own window, deadline, recent-member date and areas.
import { localDay } from './dates';
import { foldForMatch } from './text';

export interface Call {
  id: string; // e.g. "2020-04": also the prefix of request references
  title: string;
  opens: string; // YYYY-MM-DD, Catalan calendar
  deadline: string; // YYYY-MM-DD, inclusive
  sessionsFrom?: string;
  sessionsTo?: string;
  recentMemberSince?: string;
  priorityTheme: string;
  packageHours: number;
  sessionHours: number;
  topics: string[];
  /** The public page of the call's bases (http or https), shown in the form and every email. */
  basesUrl?: string;
}

export interface CallPlacement {
  call: Call;
  late: boolean;
  /** Sent before the call opened (kept in the next call, noted in the log). */
  early: boolean;
}

/**
 * The call a submission belongs to: the one whose window holds its Catalan day; after a
 * deadline and before the next call opens, the call just closed (late); before the first
 * call opens, the first call (early). Undefined only when no call is configured.
 */
export function placeInCall(calls: readonly Call[], submittedAt: string): CallPlacement | undefined {
  const day = localDay(submittedAt);
  const sorted = [...calls].sort((a, b) => a.opens.localeCompare(b.opens));
  let placement: CallPlacement | undefined;
  for (const call of sorted) {
    if (day < call.opens) {
      return placement ?? { call, late: false, early: true };
    }
    placement = { call, late: day > call.deadline, early: false };
  }
  return placement;
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
