// The outbox as one sweep plans against it: what the log says was done, and the sends,
// digest items and marks this plan is building. The log is the outbox: a (request, kind,
// version) key already sent is never planned again; an intent left without a result for
// longer than the timeout is planned again and reported as a possible duplicate (the
// documented crash window). Every planner writes through here, so "already reported",
// "in flight" and "may go again" are decided in one place.
import type { DateTime } from 'luxon';
import type { LogEntry } from '../domain/log-entry';
import type { RequestView } from '../domain/workspace-state';
import { caDecisions as t } from '../i18n/ca-decisions';
import { digestKey, outbox, outboxKey, recipientTag, type OutboxStatus } from '../outbox';
import type { OutgoingEmail } from '../ports';
import { afterFailure } from './gates';
import type { SweepOptions, SweepPlan } from './types';

export type EmailWhat = 'confirmation' | 'decision' | 'announcement' | 'evaluation';

/** A cell as staff find it: «header», row N of the request tab. */
export const cellName = (header: string, row: number | undefined) => (row ? t.digest.cell(header, row) : `«${header}»`);

export interface Ledger extends SweepPlan {
  /** The log folded by key: each key's last state. */
  ob: Map<string, OutboxStatus>;
  /** An intent without a result past the timeout: the send may have happened before a crash. */
  stale: (s: OutboxStatus | undefined) => boolean;
  /** An intent still within the timeout: its send may yet be recorded. */
  inFlight: (s: OutboxStatus | undefined) => boolean;
  /**
   * A digest item, unless staff were told of it (its mark, or its `reported` entry) or are
   * being told (another sweep's digest carrying it is on its way: its intent within the
   * timeout), or it is in this plan already.
   */
  report: (key: string, text: string) => void;
  /** The same for a digest item that is also a mark (written once the digest went out). */
  reportMarked: (m: SweepPlan['marks'][number], text: string) => void;
  /**
   * Whether an email whose last send failed goes again now. Refused for good or out of
   * tries, it stops, and staff are told once (refused: what to fix, and where).
   */
  mayRetry: (r: RequestView, key: string, st: OutboxStatus | undefined, email: OutgoingEmail, what: EmailWhat, refused: () => string) => boolean;
}

export function createLedger(log: readonly LogEntry[], now: DateTime, opts: SweepOptions): Ledger {
  const timeout = opts.intentTimeoutMinutes ?? 10;
  const maxTries = opts.confirmationMaxTries ?? 5;
  const base = opts.retryBaseMinutes ?? 5;
  const ob = outbox(log);
  const minutesSince = (s: OutboxStatus) => now.diff(s.lastAt, 'minutes').minutes;
  const sends: SweepPlan['sends'] = [];
  const digest: SweepPlan['digest'] = [];
  const marks: SweepPlan['marks'] = [];
  // Once per key: not again after staff were told (the log), nor twice in this plan (two
  // rows saying the same thing, such as one session typed twice).
  const inFlight = (s: OutboxStatus | undefined) => Boolean(s?.openIntent && minutesSince(s) < timeout);
  const told = (key: string) => {
    if (ob.has(key)) return true; // a mark written once the digest went out (an alert, a held-back acceptance)
    const st = ob.get(outboxKey.reported(key).key);
    return Boolean(st && (st.state === 'registrat' || inFlight(st)));
  };
  const reported = new Set<string>();
  const report = (key: string, text: string) => {
    if (told(key) || reported.has(key)) return;
    reported.add(key);
    digest.push({ key, text });
  };
  const reportMarked = (m: SweepPlan['marks'][number], text: string) => {
    if (told(m.key) || reported.has(m.key)) return;
    marks.push(m);
    report(m.key, text);
  };
  return {
    ob,
    sends,
    digest,
    marks,
    stale: (s) => Boolean(s?.openIntent && minutesSince(s) >= timeout),
    inFlight,
    report,
    reportMarked,
    mayRetry: (r, key, st, email, what, refused) => {
      if (st?.state !== 'error') return true;
      const recipients = recipientTag(email);
      const gate = afterFailure(st, recipients, minutesSince(st), { maxTries, baseMinutes: base });
      if (gate === 'refused') report(digestKey.refused(key, recipients), refused());
      else if (gate === 'stopped') reportMarked({ requestId: r.id, ...outboxKey.alert(key), detail: `${st.failures} intents` }, t.digest.emailFailed(what, r.reference, st.failures));
      // The last try got no answer once on its way: this one may make it arrive twice.
      if (gate === 'send' && st.maybeSent) report(digestKey.possibleDuplicate(key), t.digest.possibleDuplicate(r.reference));
      return gate === 'send';
    },
  };
}
