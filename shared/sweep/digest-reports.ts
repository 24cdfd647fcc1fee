// What only a person can judge: digest items with nothing to send, each reported once
// under its key (late, early or non-member requests, sessions outside the window, refused
// submissions, clock skew, rows removed by hand, retention due, pools overdrawn, waiting
// requests a pool could serve).
import { CLOCK_SKEW_NOTE } from '../domain/classify';
import { LOG_KIND } from '../domain/log-entry';
import { DECISION, DEFAULT_PACKAGE_HOURS } from '../domain/vocabulary';
import { caDecisions as t } from '../i18n/ca-decisions';
import { digestKey } from '../outbox';
import type { SweepContext } from './context';
import { acceptedService } from './decision-values';
import type { Ledger } from './ledger';
import { poolName, type PoolBook } from './pools';
import { retentionReminders } from './retention';

export function reportForStaff(ctx: SweepContext, ledger: Ledger, book: PoolBook): void {
  const { state, requests, byId, calls } = ctx;
  const { report } = ledger;
  for (const r of requests) {
    if (r.late) report(digestKey.late(r.id), t.digest.late(r.reference, r.municipality));
    if (!r.member) report(digestKey.nonMember(r.id), t.digest.nonMember(r.reference, r.municipality));
    if (r.early) report(digestKey.early(r.id), t.digest.early(r.reference, r.municipality));
  }
  for (const s of state.sessions ?? []) {
    const r = byId.get(s.requestId);
    if (r && s.inWindow === false) report(digestKey.sessionOutside(r.id, s.date), t.digest.sessionOutside(r.reference, s.date));
  }
  // Every request ever recorded, whatever its call: a row of an anonymised call is still there.
  const rows = new Set(state.requests.map((r) => r.id));
  for (const e of state.log) {
    if (e.kind === LOG_KIND.invalid) report(digestKey.invalid(e.requestId, e.at), t.digest.invalid(e.requestId));
    // Recorded, and its row gone: someone removed it. Not made again (that would send a second
    // confirmation with a new reference); staff hear of it once.
    if (e.kind === LOG_KIND.received && e.requestId && !rows.has(e.requestId)) report(digestKey.rowGone(e.requestId), t.digest.rowGone(e.detail.split(' · ')[0] || e.requestId));
    if (e.kind === LOG_KIND.received && e.detail.includes(CLOCK_SKEW_NOTE)) {
      report(digestKey.clockSkew(e.requestId), t.digest.clockSkew(byId.get(e.requestId)?.reference ?? e.requestId));
    }
  }
  for (const d of retentionReminders(state.calls, ctx.anonymised, state.privacy, ctx.now.toISODate() ?? '')) report(d.key, d.text);
  for (const p of state.pools) {
    if (p.left !== undefined && p.left < 0) report(digestKey.poolOver(p.callId, p.service, p.left), t.digest.poolOver(`${p.callId} / ${p.service}`, p.left));
  }
  // Free hours as this sweep leaves them, its own acceptances counted.
  for (const r of requests) {
    if (r.decision !== DECISION.waiting) continue;
    const service = acceptedService(r);
    const k = book.poolOf(r, service);
    const pool = book.pools.get(k);
    if (!pool) continue;
    const free = pool.hours - book.committed(k);
    const need = r.hours ?? calls.get(r.callId)?.packageHours ?? DEFAULT_PACKAGE_HOURS;
    if (free >= need) report(digestKey.waitingServable(r.id, free), t.digest.waitingServable(r.reference, poolName(k), free));
  }
}
