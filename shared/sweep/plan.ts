// What one sweep should send and report, decided from the workspace without I/O. The log
// is the outbox: a (request, kind, version) key already sent is never planned again; an
// intent left without a result for longer than the timeout is planned again and reported
// as a possible duplicate (the documented crash window).
import { DateTime } from 'luxon';
import { CLOCK_SKEW_NOTE } from '../domain/classify';
import { ZONE } from '../domain/dates';
import { fingerprint, isFinal, parseDecisionDetail, type DecisionValues } from '../domain/decisions';
import { caDecisions as t } from '../i18n/ca-decisions';
import { confirmationFromRow } from '../emails/confirmation';
import { decisionEmail } from '../emails/decision';
import { announcementEmail } from '../emails/digest';
import { LOG_KIND } from '../domain/log-entry';
import { DECISION, DEFAULT_PACKAGE_HOURS, EITHER_SERVICE, SERVICE } from '../domain/vocabulary';
import type { RequestView, SweepState } from '../domain/workspace-state';
import { contactAddresses, distinctAddresses } from '../emails/recipients';
import { confirmationOf, digestKey, outbox, outboxKey, recipientTag, type Keyed, type OutboxStatus } from '../outbox';
import type { OutgoingEmail } from '../ports';
import { REQUEST_COLUMNS } from '../workspace/request-row';
import { MEMBER_HEADERS, TABS } from '../workspace/tabs';
import { afterFailure, heldBy } from './gates';
import { anonymisedCalls, retentionReminders } from './retention';
import { serviceOver } from '../domain/evaluation';
import { evaluationEmail } from '../emails/evaluation';
import { evaluationLink } from '../forms/evaluation-form';

export interface SweepOptions {
  staff: string[];
  replyTo?: string;
  /** An intent older than this without a result is taken as a crash between send and log. */
  intentTimeoutMinutes?: number;
  confirmationMaxTries?: number;
  /** First retry delay; it doubles with each failure. */
  retryBaseMinutes?: number;
  /** The evaluation form's address for respondents; unset: no evaluation is asked. */
  evaluationUri?: string;
}

export interface PlannedSend extends Keyed {
  requestId: string;
  email: OutgoingEmail;
  /** What the log keeps once sent (decisions keep their values, for corrections). */
  sentDetail: string;
  attempt: number;
}

export interface DigestItem {
  key: string;
  text: string;
}

export interface SweepPlan {
  sends: PlannedSend[];
  digest: DigestItem[];
  /** Log entries to write whatever happens (held-back acceptances, alerts). */
  marks: Array<Keyed & { requestId: string; detail: string }>;
}

const poolKey = (callId: string, service: string) => `${callId}|${service}`;
type EmailWhat = 'confirmation' | 'decision' | 'announcement' | 'evaluation';
/** A cell as staff find it: «header», row N of the request tab. */
const cellName = (header: string, row: number | undefined) => (row ? t.digest.cell(header, row) : `«${header}»`);

/**
 * The service an acceptance is for: the one assigned; left blank, the one asked for when
 * that is one service. For "either" it stays blank: the Commission must choose.
 */
export const acceptedService = (r: Pick<RequestView, 'service' | 'requestedService'>): string =>
  r.service || (r.requestedService === EITHER_SERVICE ? '' : r.requestedService);

export function decisionValues(r: RequestView): DecisionValues | undefined {
  if (!isFinal(r.decision)) return undefined;
  return {
    decision: r.decision,
    // Only an acceptance names a service it did not have: other decisions keep their versions.
    service: r.decision === DECISION.accepted ? acceptedService(r) : r.service,
    hours: r.hours ?? '',
    adviser: r.adviser,
    adviserContact: r.adviserContact,
    message: r.message,
    redirectedTo: r.redirectedTo,
  };
}

export function planSweep(state: SweepState, now: Date, opts: SweepOptions): SweepPlan {
  const nowDt = DateTime.fromJSDate(now).setZone(ZONE);
  const timeout = opts.intentTimeoutMinutes ?? 10;
  const maxTries = opts.confirmationMaxTries ?? 5;
  const base = opts.retryBaseMinutes ?? 5;
  const ob = outbox(state.log);
  const minutesSince = (s: OutboxStatus) => nowDt.diff(s.lastAt, 'minutes').minutes;
  const stale = (s: OutboxStatus | undefined) => Boolean(s?.openIntent && minutesSince(s) >= timeout);
  const inFlight = (s: OutboxStatus | undefined) => Boolean(s?.openIntent && minutesSince(s) < timeout);
  const calls = new Map(state.calls.map((c) => [c.id, c]));
  const pools = new Map(state.pools.map((p) => [poolKey(p.callId, p.service), p]));
  // The pool a request draws on for a service: its call's, else a yearly pool of its year.
  const poolOf = (r: RequestView, service: string) => {
    const own = poolKey(r.callId, service);
    if (pools.has(own) || !r.year) return own;
    const yearly = poolKey(r.year, service);
    return pools.has(yearly) ? yearly : own;
  };
  // An anonymised call's rows hold no one to write to: nothing is planned for them.
  const anonymised = anonymisedCalls(state.log);
  const requests = state.requests.filter((r) => !anonymised.has(r.callId));
  const byId = new Map(requests.map((r) => [r.id, r]));
  const sends: PlannedSend[] = [];
  const digest: DigestItem[] = [];
  const marks: SweepPlan['marks'] = [];
  const report = (key: string, text: string) => {
    if (!ob.has(outboxKey.reported(key).key)) digest.push({ key, text });
  };
  /**
   * Whether an email whose last send failed goes again now. Refused for good or out of
   * tries, it stops, and staff are told once (refused: what to fix, and where).
   */
  const mayRetry = (r: RequestView, key: string, st: OutboxStatus | undefined, email: OutgoingEmail, what: EmailWhat, refused: () => string): boolean => {
    if (st?.state !== 'error') return true;
    const recipients = recipientTag(email);
    const gate = afterFailure(st, recipients, minutesSince(st), { maxTries, baseMinutes: base });
    if (gate === 'refused') report(digestKey.refused(key, recipients), refused());
    else if (gate === 'stopped') {
      const alert = outboxKey.alert(key);
      if (!ob.has(alert.key)) {
        marks.push({ requestId: r.id, ...alert, detail: `${st.failures} intents` });
        digest.push({ key: alert.key, text: t.digest.emailFailed(what, r.reference, st.failures) });
      }
    }
    return gate === 'send';
  };

  // Hours committed by acceptances already sent, per pool: the municipality was told.
  const lastSent = new Map<string, DecisionValues>();
  for (const e of state.log) {
    if (e.kind === LOG_KIND.decision && e.state === 'enviat') {
      const v = parseDecisionDetail(e.detail);
      if (v) lastSent.set(e.requestId, v);
    }
  }
  const hoursOf = (r: RequestView, v: DecisionValues) => (v.hours === '' ? (calls.get(r.callId)?.packageHours ?? DEFAULT_PACKAGE_HOURS) : v.hours);
  const committed = new Map<string, number>();
  const commit = (r: RequestView, v: DecisionValues | undefined, sign: 1 | -1) => {
    if (v?.decision !== DECISION.accepted) return;
    const k = poolOf(r, v.service);
    committed.set(k, (committed.get(k) ?? 0) + sign * hoursOf(r, v));
  };
  for (const [id, v] of lastSent) {
    const r = byId.get(id);
    if (r) commit(r, v, 1);
  }

  // Decisions: releases that free hours first, then acceptances in sheet order.
  const released = requests
    .filter((r) => r.release)
    .map((r) => ({ r, v: decisionValues(r) }))
    .filter((x): x is { r: RequestView; v: DecisionValues } => x.v !== undefined)
    .sort((a, b) => Number(a.v.decision === DECISION.accepted) - Number(b.v.decision === DECISION.accepted));
  for (const { r, v } of released) {
    const fp = fingerprint(v);
    const keyed = outboxKey.decision(r.id, fp);
    const key = keyed.key;
    const st = ob.get(key);
    if (st?.state === 'enviat' || inFlight(st)) continue;
    const held = heldBy(r);
    if (held) {
      report(digestKey.held(r.id, held.header, held.shown), t.digest.decisionHeld(r.reference, cellName(held.header, r.row), held.shown));
      continue;
    }
    const previous = lastSent.get(r.id);
    if (v.decision === DECISION.accepted && v.service === '') {
      // "Either" and no service assigned: held until the Commission chooses one.
      const block = outboxKey.blocked(r.id, fp);
      if (!ob.has(block.key)) {
        marks.push({ requestId: r.id, ...block, detail: 'cal triar el servei' });
        digest.push({ key: block.key, text: t.digest.chooseService(r.reference) });
      }
      continue;
    }
    if (v.decision === DECISION.accepted) {
      const k = poolOf(r, v.service);
      const pool = pools.get(k);
      const others = (committed.get(k) ?? 0) - (previous?.decision === DECISION.accepted && previous.service === v.service ? hoursOf(r, previous) : 0);
      const left = pool ? pool.hours - others - hoursOf(r, v) : 0;
      if (!pool || left < 0) {
        const block = outboxKey.blocked(r.id, fp);
        if (!ob.has(block.key)) {
          const name = k.replace('|', ' / ');
          marks.push({ requestId: r.id, ...block, detail: `bossa ${name}: ${left} h` });
          digest.push({ key: block.key, text: t.digest.poolBlocked(r.reference, name, left) });
        }
        continue;
      }
    }
    // Built once nothing holds it back: a held decision is neither retried nor reported as failing.
    const email = decisionEmail({ request: r, values: v, previous, call: calls.get(r.callId), replyTo: opts.replyTo, key, privacy: state.privacy });
    if (!mayRetry(r, key, st, email, 'decision', () => t.digest.decisionRefused(r.reference, cellName(REQUEST_COLUMNS.contactEmail, r.row)))) continue;
    commit(r, previous, -1);
    commit(r, v, 1);
    if (stale(st)) report(digestKey.possibleDuplicate(key), t.digest.possibleDuplicate(r.reference));
    sends.push({
      ...keyed,
      requestId: r.id,
      email,
      sentDetail: JSON.stringify(v),
      attempt: (st?.failures ?? 0) + 1,
    });
  }

  // Confirmations that failed at intake (or whose result was never written): retry with a
  // growing delay, then tell staff once instead of trying forever.
  for (const [key, st] of ob) {
    const id = confirmationOf(key);
    if (id === undefined || st.state === 'enviat') continue;
    if (!(st.state === 'error' || stale(st))) continue;
    const r = byId.get(id);
    if (!r) continue;
    const email = confirmationFromRow(r, calls.get(r.callId), opts.replyTo, state.privacy);
    if (!mayRetry(r, key, st, email, 'confirmation', () => t.digest.confirmationRefused(r.reference, cellName(REQUEST_COLUMNS.contactEmail, r.row)))) continue;
    if (stale(st)) report(digestKey.possibleDuplicate(key), t.digest.possibleDuplicate(r.reference));
    sends.push({
      ...outboxKey.confirmation(r.id),
      requestId: r.id,
      email,
      sentDetail: `intent ${st.failures + 1}`,
      attempt: st.failures + 1,
    });
  }

  // Agreed advisories the Commission chose to announce to the other members.
  for (const r of requests) {
    const sent = lastSent.get(r.id);
    if (!r.announce || sent?.decision !== DECISION.accepted || sent.service === SERVICE.mentoring) continue;
    const keyed = outboxKey.announcement(r.id);
    const st = ob.get(keyed.key);
    if (st?.state === 'enviat' || inFlight(st)) continue;
    // Each address once, and none of staff's: they are on the message's To line.
    const recipients = distinctAddresses(contactAddresses(state.members.filter((m) => m.active && m.name !== r.municipality).map((m) => m.contacts ?? '')), opts.staff);
    const email = announcementEmail({ municipality: r.municipality, topic: r.topic, recipients, staff: opts.staff, requestId: r.id, privacy: state.privacy });
    if (!email || !mayRetry(r, keyed.key, st, email, 'announcement', () => t.digest.announcementRefused(r.reference, `${TABS.members} › ${MEMBER_HEADERS[7]}`))) continue;
    sends.push({ ...keyed, requestId: r.id, email, sentDetail: `${recipients.length} destinataris`, attempt: (st?.failures ?? 0) + 1 });
  }

  // The evaluation, once the service is over (all hours done, or the sessions window ended).
  for (const r of requests) {
    if (!opts.evaluationUri || lastSent.get(r.id)?.decision !== DECISION.accepted) continue;
    const call = calls.get(r.callId);
    if (!serviceOver(r, call, nowDt.toISODate() ?? '')) continue;
    const keyed = outboxKey.evaluation(r.id);
    const st = ob.get(keyed.key);
    if (st?.state === 'enviat' || inFlight(st)) continue;
    const link = evaluationLink(opts.evaluationUri, r.reference);
    const email = evaluationEmail({ request: r, call, link, replyTo: opts.replyTo, privacy: state.privacy });
    // Refused for good or failing on: stop and tell staff once, as for the other emails.
    if (!mayRetry(r, keyed.key, st, email, 'evaluation', () => t.digest.evaluationRefused(r.reference, cellName(REQUEST_COLUMNS.contactEmail, r.row)))) continue;
    sends.push({ ...keyed, requestId: r.id, email, sentDetail: 'avaluació', attempt: (st?.failures ?? 0) + 1 });
  }

  // What only a person can judge.
  for (const r of requests) {
    if (r.late) report(digestKey.late(r.id), t.digest.late(r.reference, r.municipality));
    if (!r.member) report(digestKey.nonMember(r.id), t.digest.nonMember(r.reference, r.municipality));
    if (r.early) report(digestKey.early(r.id), t.digest.early(r.reference, r.municipality));
  }
  for (const s of state.sessions ?? []) {
    const r = byId.get(s.requestId);
    if (r && s.inWindow === false) report(digestKey.sessionOutside(r.id, s.date), t.digest.sessionOutside(r.reference, s.date));
  }
  for (const e of state.log) {
    if (e.kind === LOG_KIND.invalid) report(digestKey.invalid(e.requestId, e.at), t.digest.invalid(e.requestId));
    if (e.kind === LOG_KIND.received && e.detail.includes(CLOCK_SKEW_NOTE)) {
      report(digestKey.clockSkew(e.requestId), t.digest.clockSkew(byId.get(e.requestId)?.reference ?? e.requestId));
    }
  }
  for (const d of retentionReminders(state.calls, anonymised, state.privacy, nowDt.toISODate() ?? '')) report(d.key, d.text);
  for (const p of state.pools) {
    if (p.left !== undefined && p.left < 0) report(digestKey.poolOver(p.callId, p.service, p.left), t.digest.poolOver(`${p.callId} / ${p.service}`, p.left));
  }
  for (const r of requests) {
    if (r.decision !== DECISION.waiting) continue;
    const service = acceptedService(r);
    const k = poolOf(r, service);
    const pool = pools.get(k);
    if (!pool) continue;
    const free = pool.hours - (committed.get(k) ?? 0);
    const need = r.hours ?? calls.get(r.callId)?.packageHours ?? DEFAULT_PACKAGE_HOURS;
    if (free >= need) report(digestKey.waitingServable(r.id, free), t.digest.waitingServable(r.reference, k.replace('|', ' / '), free));
  }
  return { sends, digest, marks };
}
