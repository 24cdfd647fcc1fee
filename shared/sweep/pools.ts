// Pool bookkeeping: which pool a request draws on, and the hours committed from each. An
// acceptance counts once it is sent (the municipality was told); the count then moves as
// this sweep plans decisions, so a later acceptance sees what an earlier one took or freed.
import type { DecisionValues } from '../domain/decisions';
import { DECISION, DEFAULT_PACKAGE_HOURS } from '../domain/vocabulary';
import type { PoolView, RequestView } from '../domain/workspace-state';
import type { SweepContext } from './context';

const poolKey = (callId: string, service: string) => `${callId}|${service}`;

/** A pool's key as staff read it: «call / service». */
export const poolName = (k: string) => k.replace('|', ' / ');

export interface PoolBook {
  pools: ReadonlyMap<string, PoolView>;
  /** The pool a request draws on for a service: its call's, else a yearly pool of its year. */
  poolOf: (r: RequestView, service: string) => string;
  /** The hours a decision commits: its own, or its call's package when left blank. */
  hoursOf: (r: RequestView, v: DecisionValues) => number;
  /** The hours committed from a pool so far. */
  committed: (k: string) => number;
  /** Counts an acceptance's hours in (1) or out (-1) of its pool; other decisions commit none. */
  commit: (r: RequestView, v: DecisionValues | undefined, sign: 1 | -1) => void;
}

export function poolBook(ctx: SweepContext): PoolBook {
  const pools = new Map(ctx.state.pools.map((p) => [poolKey(p.callId, p.service), p]));
  const poolOf = (r: RequestView, service: string) => {
    const own = poolKey(r.callId, service);
    if (pools.has(own) || !r.year) return own;
    const yearly = poolKey(r.year, service);
    return pools.has(yearly) ? yearly : own;
  };
  const hoursOf = (r: RequestView, v: DecisionValues) => (v.hours === '' ? (ctx.calls.get(r.callId)?.packageHours ?? DEFAULT_PACKAGE_HOURS) : v.hours);
  const committed = new Map<string, number>();
  const commit = (r: RequestView, v: DecisionValues | undefined, sign: 1 | -1) => {
    if (v?.decision !== DECISION.accepted) return;
    const k = poolOf(r, v.service);
    committed.set(k, (committed.get(k) ?? 0) + sign * hoursOf(r, v));
  };
  for (const [id, v] of ctx.lastSent) {
    const r = ctx.byId.get(id);
    if (r) commit(r, v, 1);
  }
  return { pools, poolOf, hoursOf, committed: (k) => committed.get(k) ?? 0, commit };
}
