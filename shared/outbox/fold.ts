// The outbox view of the append-only log: for each idempotency key, the last state and
// how many attempts failed.
import { DateTime } from 'luxon';
import { ZONE } from '../domain/dates';
import type { LogEntry } from '../domain/log-entry';
import { MAYBE_SENT, PERMANENT_FAILURE } from './entries';

export interface OutboxStatus {
  state: LogEntry['state'];
  /** Results that were errors. */
  failures: number;
  /** When the last intent or result was written. */
  lastAt: DateTime;
  /** The detail of the last successful send (decisions keep their values there). */
  sentDetail?: string;
  /** An intent is the last word: a send may have happened without its result recorded. */
  openIntent: boolean;
  /** The last result was a refusal for good, for these recipients (recipientTag): not tried again for them. */
  permanentFor?: string;
  /** The last result was a failure with no answer once the message was on its way: it may have arrived. */
  maybeSent: boolean;
}

const PERMANENT = new RegExp(`^intent \\d+ \\(${PERMANENT_FAILURE} ([0-9a-f]*)\\)`);
const MAYBE = new RegExp(`^intent \\d+ \\(${MAYBE_SENT}\\)`);

export const parseStamp = (s: string): DateTime => DateTime.fromFormat(s, 'yyyy-MM-dd HH:mm:ss', { zone: ZONE });

/**
 * Folds the append-only log into the current state of each key. A log write retried after
 * its answer was lost leaves the same entry twice in a row: it counts once.
 */
export function outbox(log: readonly LogEntry[]): Map<string, OutboxStatus> {
  const out = new Map<string, OutboxStatus>();
  const last = new Map<string, LogEntry>();
  for (const e of log) {
    const seen = last.get(e.key);
    if (seen && seen.at === e.at && seen.state === e.state && seen.detail === e.detail) continue;
    last.set(e.key, e);
    const prev = out.get(e.key);
    const failures = (prev?.failures ?? 0) + (e.state === 'error' ? 1 : 0);
    let at: DateTime | undefined;
    out.set(e.key, {
      state: e.state,
      failures,
      // Parsed on first use: only open intents and failures are timed, and parsing every
      // stamp of a long log is most of a sweep's planning time.
      get lastAt() {
        return (at ??= parseStamp(e.at));
      },
      sentDetail: e.state === 'enviat' ? e.detail : prev?.sentDetail,
      openIntent: e.state === 'pendent',
      permanentFor: e.state === 'error' ? PERMANENT.exec(e.detail)?.[1] : undefined,
      maybeSent: e.state === 'error' && MAYBE.test(e.detail),
    });
  }
  return out;
}
