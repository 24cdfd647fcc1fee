// The write guard the intake pipeline takes once per flush: the read-classify-append of
// request rows runs inside it, and each append first asks `fence` how long it may take.
import { LeaseBusy, LeaseLost, withLease, type LeaseOptions } from './lease';

export interface WriteGuard {
  /**
   * Runs `work` while no other process runs its own. `fence(minMs)` resolves the ms the
   * next write may take, or throws LeaseLost: the write must not be sent.
   * Throws LeaseBusy when another holder kept the guard for the whole wait.
   */
  run<T>(work: (fence: (minWriteMs?: number) => Promise<number>) => Promise<T>): Promise<T>;
  /** Seconds a caller turned away with LeaseBusy should wait before trying again. */
  readonly retryAfterS: number;
}

/** The Cloud Storage lease (or any LeaseStore) as the guard. */
export function leaseGuard(o: LeaseOptions): WriteGuard {
  return {
    run: (work) => withLease(o, (lease) => work((min) => lease.fence(min))),
    // Long enough for a holder's flush to finish, short enough that a 503 costs little.
    retryAfterS: Math.max(1, Math.ceil(Math.min(o.leaseMs, 10_000) / 1000)),
  };
}

/**
 * Exclusion inside this process only (the write queue already runs one flush at a time):
 * for tests of pure pipeline logic and the single-process system test, never production.
 */
export const IN_PROCESS_ONLY: WriteGuard = {
  run: (work) => work(async () => Number.POSITIVE_INFINITY),
  retryAfterS: 1,
};

/** The guard's refusals: the caller is answered 503 (HTTP) or the event is redelivered. */
export const isGuardRefusal = (e: unknown): e is LeaseBusy | LeaseLost => e instanceof LeaseBusy || e instanceof LeaseLost;
