// The decision emails a sweep sends: releases that free hours first, then acceptances in
// sheet order, each checked against what holds it back (a cell to fix, a service to
// choose, a pool without the hours) before its email is built.
import { fingerprint, type DecisionValues } from '../domain/decisions';
import { DECISION } from '../domain/vocabulary';
import type { RequestView } from '../domain/workspace-state';
import { decisionEmail } from '../emails/decision';
import { caDecisions as t } from '../i18n/ca-decisions';
import { digestKey, outboxKey } from '../outbox';
import { REQUEST_COLUMNS } from '../workspace/request-row';
import type { SweepContext } from './context';
import { decisionValues } from './decision-values';
import { heldBy } from './gates';
import { cellName, type Ledger } from './ledger';
import { poolName, type PoolBook } from './pools';

export function planDecisions(ctx: SweepContext, ledger: Ledger, book: PoolBook): void {
  const { ob, sends, report, reportMarked, inFlight, stale, mayRetry } = ledger;
  const released = ctx.requests
    .filter((r) => r.release)
    .map((r) => ({ r, v: decisionValues(r) }))
    .filter((x): x is { r: RequestView; v: DecisionValues } => x.v !== undefined)
    .sort((a, b) => Number(a.v.decision === DECISION.accepted) - Number(b.v.decision === DECISION.accepted));
  for (const { r, v } of released) {
    const fp = fingerprint(v);
    const keyed = outboxKey.decision(r.id, fp);
    const key = keyed.key;
    const st = ob.get(key);
    // Sent and still what the municipality holds: done. Sent once but since corrected (a
    // decision changed back to it): it goes again, as a correction of the last one sent.
    if ((st?.state === 'enviat' && ctx.lastSentKey.get(r.id) === key) || inFlight(st)) continue;
    const held = heldBy(r);
    if (held) {
      report(digestKey.held(r.id, held.header, held.shown), t.digest.decisionHeld(r.reference, cellName(held.header, r.row), held.shown));
      continue;
    }
    const previous = ctx.lastSent.get(r.id);
    if (v.decision === DECISION.accepted && v.service === '') {
      // "Either" and no service assigned: held until the Commission chooses one.
      reportMarked({ requestId: r.id, ...outboxKey.blocked(r.id, fp), detail: 'cal triar el servei' }, t.digest.chooseService(r.reference));
      continue;
    }
    if (v.decision === DECISION.accepted) {
      const k = book.poolOf(r, v.service);
      const pool = book.pools.get(k);
      // The hours this request already holds in this pool are its own to reuse.
      const left = pool ? pool.hours - book.committed(k, r.id) - book.hoursOf(r, v) : 0;
      if (!pool || left < 0) {
        const name = poolName(k);
        reportMarked(
          { requestId: r.id, ...outboxKey.blocked(r.id, fp), detail: pool ? `bossa ${name}: ${left} h` : `sense bossa ${name}` },
          pool ? t.digest.poolBlocked(r.reference, name, left) : t.digest.noPool(r.reference, name),
        );
        continue;
      }
    }
    // Built once nothing holds it back: a held decision is neither retried nor reported as failing.
    const email = decisionEmail({ request: r, values: v, previous, call: ctx.calls.get(r.callId), replyTo: ctx.opts.replyTo, key, privacy: ctx.state.privacy });
    if (!mayRetry(r, key, st, email, 'decision', () => t.digest.decisionRefused(r.reference, cellName(REQUEST_COLUMNS.contactEmail, r.row)))) continue;
    book.hold(r, v);
    if (stale(st)) report(digestKey.possibleDuplicate(key), t.digest.possibleDuplicate(r.reference));
    sends.push({
      ...keyed,
      requestId: r.id,
      email,
      sentDetail: JSON.stringify(v),
      attempt: (st?.failures ?? 0) + 1,
    });
  }
}
