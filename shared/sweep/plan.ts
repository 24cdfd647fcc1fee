// What one sweep should send and report, decided from the workspace without I/O. The log
// is the outbox: a (request, kind, version) key already sent is never planned again; an
// intent left without a result for longer than the timeout is planned again and reported
// as a possible duplicate (the documented crash window).
import { DateTime } from 'luxon';
import { ZONE } from '../domain/dates';
import { fingerprint, isFinal, parseDecisionDetail, type DecisionValues } from '../domain/decisions';
import { caDecisions as t } from '../i18n/ca-decisions';
import { confirmationFromRow } from '../emails/confirmation';
import { decisionEmail } from '../emails/decision';
import { announcementEmail } from '../emails/digest';
import type { OutgoingEmail } from '../ports';
import type { LogKind } from '../workspace/log-entry';
import { outbox, type OutboxStatus, type RequestView, type SweepState } from './state';

export interface SweepOptions {
  staff: string[];
  replyTo?: string;
  /** An intent older than this without a result is taken as a crash between send and log. */
  intentTimeoutMinutes?: number;
  confirmationMaxTries?: number;
  /** First retry delay; it doubles with each failure. */
  retryBaseMinutes?: number;
}

export interface PlannedSend {
  key: string;
  kind: LogKind;
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
  marks: Array<{ requestId: string; kind: LogKind; key: string; detail: string }>;
}

const poolKey = (callId: string, service: string) => `${callId}|${service}`;

export function decisionValues(r: RequestView): DecisionValues | undefined {
  if (!isFinal(r.decision)) return undefined;
  return {
    decision: r.decision,
    service: r.service,
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
  const byId = new Map(state.requests.map((r) => [r.id, r]));
  const sends: PlannedSend[] = [];
  const digest: DigestItem[] = [];
  const marks: SweepPlan['marks'] = [];
  const report = (key: string, text: string) => {
    if (!ob.has(`resum:${key}`)) digest.push({ key, text });
  };

  // Hours committed by acceptances already sent, per pool: the municipality was told.
  const lastSent = new Map<string, DecisionValues>();
  for (const e of state.log) {
    if (e.kind === 'decisio' && e.state === 'enviat') {
      const v = parseDecisionDetail(e.detail);
      if (v) lastSent.set(e.requestId, v);
    }
  }
  const hoursOf = (r: RequestView, v: DecisionValues) => (v.hours === '' ? (calls.get(r.callId)?.packageHours ?? 4) : v.hours);
  const committed = new Map<string, number>();
  const commit = (r: RequestView, v: DecisionValues | undefined, sign: 1 | -1) => {
    if (v?.decision !== 'Acceptada') return;
    const k = poolKey(r.callId, v.service);
    committed.set(k, (committed.get(k) ?? 0) + sign * hoursOf(r, v));
  };
  for (const [id, v] of lastSent) {
    const r = byId.get(id);
    if (r) commit(r, v, 1);
  }

  // Decisions: releases that free hours first, then acceptances in sheet order.
  const released = state.requests
    .filter((r) => r.release)
    .map((r) => ({ r, v: decisionValues(r) }))
    .filter((x): x is { r: RequestView; v: DecisionValues } => x.v !== undefined)
    .sort((a, b) => Number(a.v.decision === 'Acceptada') - Number(b.v.decision === 'Acceptada'));
  for (const { r, v } of released) {
    const fp = fingerprint(v);
    const key = `decisio:${r.id}:${fp}`;
    const st = ob.get(key);
    if (st?.state === 'enviat' || inFlight(st)) continue;
    const previous = lastSent.get(r.id);
    if (v.decision === 'Acceptada') {
      const pool = pools.get(poolKey(r.callId, v.service));
      const k = poolKey(r.callId, v.service);
      const others = (committed.get(k) ?? 0) - (previous?.decision === 'Acceptada' && previous.service === v.service ? hoursOf(r, previous) : 0);
      const left = pool ? pool.hours - others - hoursOf(r, v) : 0;
      if (!pool || left < 0) {
        const blockKey = `bloquejada:${r.id}:${fp}`;
        if (!ob.has(blockKey)) {
          marks.push({ requestId: r.id, kind: 'bloquejada', key: blockKey, detail: `bossa ${r.callId} / ${v.service}: ${left} h` });
          digest.push({ key: blockKey, text: t.digest.poolBlocked(r.reference, `${r.callId} / ${v.service}`, left) });
        }
        continue;
      }
    }
    commit(r, previous, -1);
    commit(r, v, 1);
    if (stale(st)) report(`duplicat:${key}`, t.digest.possibleDuplicate(r.reference));
    if (st?.state === 'error') report(`error:${key}:${st.failures}`, t.digest.decisionFailed(r.reference));
    sends.push({
      key,
      kind: 'decisio',
      requestId: r.id,
      email: decisionEmail({ request: r, values: v, previous, call: calls.get(r.callId), replyTo: opts.replyTo, key }),
      sentDetail: JSON.stringify(v),
      attempt: (st?.failures ?? 0) + 1,
    });
  }

  // Confirmations that failed at intake (or whose result was never written): retry with a
  // growing delay, then tell staff once instead of trying forever.
  for (const [key, st] of ob) {
    if (!key.startsWith('confirmacio:') || st.state === 'enviat') continue;
    if (!(st.state === 'error' || stale(st))) continue;
    const r = byId.get(key.slice('confirmacio:'.length));
    if (!r) continue;
    if (st.failures >= maxTries) {
      const alertKey = `alerta:${key}`;
      if (!ob.has(alertKey)) {
        marks.push({ requestId: r.id, kind: 'alerta', key: alertKey, detail: `${st.failures} intents` });
        digest.push({ key: alertKey, text: t.digest.emailFailed(r.reference, st.failures) });
      }
      continue;
    }
    if (st.state === 'error' && minutesSince(st) < base * 2 ** Math.max(0, st.failures - 1)) continue;
    if (stale(st)) report(`duplicat:${key}`, t.digest.possibleDuplicate(r.reference));
    sends.push({
      key,
      kind: 'confirmacio',
      requestId: r.id,
      email: confirmationFromRow(r, calls.get(r.callId), opts.replyTo),
      sentDetail: `intent ${st.failures + 1}`,
      attempt: st.failures + 1,
    });
  }

  // Agreed advisories the Commission chose to announce to the other members.
  for (const r of state.requests) {
    const sent = lastSent.get(r.id);
    if (!r.announce || sent?.decision !== 'Acceptada' || sent.service === 'Mentoria') continue;
    const key = `difusio:${r.id}`;
    const st = ob.get(key);
    if (st?.state === 'enviat' || inFlight(st)) continue;
    const recipients = state.members
      .filter((m) => m.active && m.name !== r.municipality)
      .flatMap((m) => (m.contacts ?? '').split(/[,;\s]+/))
      .filter((e) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e));
    const email = announcementEmail({ municipality: r.municipality, topic: r.topic, recipients, staff: opts.staff, requestId: r.id });
    if (email) sends.push({ key, kind: 'difusio', requestId: r.id, email, sentDetail: `${recipients.length} destinataris`, attempt: (st?.failures ?? 0) + 1 });
  }

  // What only a person can judge.
  for (const r of state.requests) {
    if (r.late) report(`fora_termini:${r.id}`, t.digest.late(r.reference, r.municipality));
    if (!r.member) report(`no_membre:${r.id}`, t.digest.nonMember(r.reference, r.municipality));
  }
  for (const e of state.log) {
    if (e.kind === 'invalida') report(`invalida:${e.requestId}:${e.at}`, t.digest.invalid(e.requestId));
  }
  for (const p of state.pools) {
    if (p.left !== undefined && p.left < 0) report(`bossa:${p.callId}:${p.service}:${p.left}`, t.digest.poolOver(`${p.callId} / ${p.service}`, p.left));
  }
  for (const r of state.requests) {
    if (r.decision !== 'Llista d’espera') continue;
    const service = r.service || r.requestedService;
    const pool = pools.get(poolKey(r.callId, service));
    if (!pool) continue;
    const free = pool.hours - (committed.get(poolKey(r.callId, service)) ?? 0);
    const need = r.hours ?? calls.get(r.callId)?.packageHours ?? 4;
    if (free >= need) report(`espera:${r.id}:${free}`, t.digest.waitingServable(r.reference, `${r.callId} / ${service}`, free));
  }
  return { sends, digest, marks };
}
