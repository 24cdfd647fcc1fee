// How long a call's personal data are kept: the network's retention period counts from the
// end of the call's sessions (the service is over), or from its deadline when the call has
// no sessions window. After that date `npm run retention` anonymises them.
import { DateTime } from 'luxon';
import type { Call } from './calls';
import { ZONE } from './dates';

/** The first Catalan day on which the call's personal data may be anonymised (YYYY-MM-DD). */
export function retentionDue(call: Pick<Call, 'sessionsTo' | 'deadline'>, years: number): string {
  // Months, so a period of 2,5 years means 30 months and not a rounding of luxon's.
  const end = DateTime.fromISO(call.sessionsTo ?? call.deadline ?? '', { zone: ZONE });
  // A call with neither sessions nor a deadline has no end yet: nothing is due.
  return end.isValid ? (end.plus({ months: Math.round(years * 12) }).plus({ days: 1 }).toISODate() ?? '') : '9999-12-31';
}

export const isRetentionDue = (call: Pick<Call, 'sessionsTo' | 'deadline'>, years: number, today: string): boolean =>
  today >= retentionDue(call, years);
