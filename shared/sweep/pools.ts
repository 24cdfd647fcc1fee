// Pool bookkeeping: which pool a request draws on, and the hours each request holds in it.
// An acceptance holds its hours once the municipality was told (sent), and also while its
// email is on its way — its intent written and no result yet, or failed and to be tried
// again (or given up on, until the Commission changes the decision: staff are told) — since
// it may already have arrived: no other acceptance may be promised those hours meanwhile.
// A request holds one decision's hours at a time (a correction moves them),
// and this sweep's plan moves them as it goes, so a later acceptance sees what an earlier
// one took or freed.
import { fingerprint, type DecisionValues } from '../domain/decisions';
import { DECISION, DEFAULT_PACKAGE_HOURS } from '../domain/vocabulary';
import type { PoolView, RequestView } from '../domain/workspace-state';
import { outboxKey, type OutboxStatus } from '../outbox';
import type { SweepContext } from './context';
import { decisionValues } from './decision-values';

const poolKey = (callId: string, service: string) => `${callId}|${service}`;

/** A pool's key as staff read it: «call / service». */
export const poolName = (k: string) => k.replace('|', ' / ');

export interface PoolBook {
  pools: ReadonlyMap<string, PoolView>;
  /** The pool a request draws on for a service: its call's, else a yearly pool of its year. */
  poolOf: (r: RequestView, service: string) => string;
  /** The hours a decision commits: its own, or its call's package when left blank. */
  hoursOf: (r: RequestView, v: DecisionValues) => number;
  /** The hours held in a pool, by every request but `except` (its own are its to reuse). */
  committed: (k: string, except?: string) => number;
  /** The request now holds this decision's hours (none unless an acceptance), not its earlier ones. */
  hold: (r: RequestView, v: DecisionValues | undefined) => void;
}

export function poolBook(ctx: SweepContext, ob: ReadonlyMap<string, OutboxStatus>): PoolBook {
  const pools = new Map(ctx.state.pools.map((p) => [poolKey(p.callId, p.service), p]));
  const poolOf = (r: RequestView, service: string) => {
    const own = poolKey(r.callId, service);
    if (pools.has(own) || !r.year) return own;
    const yearly = poolKey(r.year, service);
    return pools.has(yearly) ? yearly : own;
  };
  const hoursOf = (r: RequestView, v: DecisionValues) => (v.hours === '' ? (ctx.calls.get(r.callId)?.packageHours ?? DEFAULT_PACKAGE_HOURS) : v.hours);
  // What each request holds, and each pool's sum of it, kept in step.
  const holdings = new Map<string, { pool: string; hours: number }>();
  const totals = new Map<string, number>();
  const add = (pool: string, hours: number) => totals.set(pool, (totals.get(pool) ?? 0) + hours);
  const hold = (r: RequestView, v: DecisionValues | undefined) => {
    const before = holdings.get(r.id);
    if (before) add(before.pool, -before.hours);
    if (v?.decision !== DECISION.accepted) return void holdings.delete(r.id);
    const now = { pool: poolOf(r, v.service), hours: hoursOf(r, v) };
    holdings.set(r.id, now);
    add(now.pool, now.hours);
  };
  for (const [id, v] of ctx.lastSent) {
    const r = ctx.byId.get(id);
    if (r) hold(r, v);
  }
  // An acceptance on its way: an intent for today's values, not yet recorded as sent.
  for (const r of ctx.requests) {
    const v = r.release ? decisionValues(r) : undefined;
    if (v?.decision !== DECISION.accepted) continue;
    const st = ob.get(outboxKey.decision(r.id, fingerprint(v)).key);
    if (st && st.state !== 'enviat') hold(r, v);
  }
  const committed = (k: string, except?: string) => {
    const own = except === undefined ? undefined : holdings.get(except);
    return (totals.get(k) ?? 0) - (own?.pool === k ? own.hours : 0);
  };
  return { pools, poolOf, hoursOf, committed, hold };
}
