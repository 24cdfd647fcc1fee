// A lease on one object of a LeaseStore: the cross-process guard around every
// read-classify-append of request rows. One holder at a time, for a bounded time, so a
// holder that crashed blocks the others for at most the lease time.
//
// - Acquire: create the object only if absent (its generation is the fencing token). If it
//   exists and its body says it expired, delete that generation (only that one: if another
//   took it over meanwhile, the delete fails) and try again. Wait with jittered, growing
//   pauses, up to a bound; then give up with LeaseBusy and let the caller come back later.
// - Fence: before each append, re-read the object. Append only if its generation is still
//   ours and enough lease time remains; the append is bounded by what remains minus a guard,
//   so it ends before anyone may take over, even with clocks `skewMs` apart.
// - Release: delete our generation. A failure is harmless: the lease expires on its own.
//
// A create answered 5xx may have been applied: the body carries a token, and reading the
// object back tells whether it is ours, so a lost answer never locks us out of our own lease.
import { randomBytes } from 'node:crypto';
import type { LeaseStore } from '../ports';

export interface LeaseOptions {
  store: LeaseStore;
  /** The object guarded writers meet on (one per spreadsheet). */
  name: string;
  leaseMs: number;
  /** How long acquire waits for another holder before LeaseBusy. */
  waitMs: number;
  /** Who holds it, for people reading the object; the token makes each lease unique. */
  holder?: string;
  /** Another process's clock may be this much ahead: takeover waits this long past expiry. */
  skewMs?: number;
  /** Kept between a write's end and the expiry, on top of the skew. */
  guardMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Where failures that change nothing are told (a release that did not happen). */
  onWarning?: (message: string, detail: Record<string, unknown>) => void;
}

export interface LeaseBody {
  holder: string;
  token: string;
  acquiredAt: string;
  /** ms since the epoch, by the holder's clock. */
  expiresAt: number;
}

/** Another holder kept the lease for the whole wait: try again later (503 / redelivery). */
export class LeaseBusy extends Error {
  override name = 'LeaseBusy';
}

/** The lease is no longer ours, or too little of it remains to write safely. */
export class LeaseLost extends Error {
  override name = 'LeaseLost';
}

export interface HeldLease {
  readonly generation: string;
  readonly expiresAt: number;
  /**
   * Re-reads the lease: the ms a write may take if it is still ours with at least
   * `minWriteMs` to spare, else LeaseLost.
   */
  fence(minWriteMs?: number): Promise<number>;
}

const BACKOFF_START_MS = 25;
const BACKOFF_CAP_MS = 500;

export function parseLeaseBody(text: string): LeaseBody | undefined {
  try {
    const b = JSON.parse(text) as Partial<LeaseBody>;
    return typeof b.token === 'string' && typeof b.expiresAt === 'number' ? (b as LeaseBody) : undefined;
  } catch {
    return undefined;
  }
}

export async function withLease<T>(o: LeaseOptions, work: (lease: HeldLease) => Promise<T>): Promise<T> {
  const lease = await acquire(o);
  try {
    return await work(lease);
  } finally {
    await release(o, lease.generation);
  }
}

export async function acquire(o: LeaseOptions): Promise<HeldLease> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = o.random ?? Math.random;
  const skewMs = o.skewMs ?? 1000;
  const deadline = now() + o.waitMs;
  // A step that made room (an expired lease removed, a lease released between our calls)
  // earns one more create at once, even at the deadline; one, so a failing store cannot spin.
  let spare = 1;
  const again = () => now() < deadline || spare-- > 0;
  // Every token this acquire wrote, with its expiry: a create whose answer was lost, and
  // whose read-back failed too, is still recognised as ours by a later attempt.
  const mine = new Map<string, number>();
  for (let attempt = 0; ; attempt++) {
    const token = randomBytes(9).toString('base64url');
    const expiresAt = now() + o.leaseMs; // taken before the request: the holder's view errs early
    mine.set(token, expiresAt);
    const body: LeaseBody = { holder: o.holder ?? 'xmess', token, acquiredAt: new Date(now()).toISOString(), expiresAt };
    let created: string | 'held' | 'unknown';
    try {
      created = await o.store.create(o.name, JSON.stringify(body));
    } catch {
      created = 'unknown'; // maybe applied: the read below tells
    }
    if (created !== 'held' && created !== 'unknown') return held(o, created, expiresAt);

    let current;
    try {
      current = await o.store.read(o.name);
    } catch {
      current = undefined; // the store is failing: wait and try again within the bound
    }
    const seen = current && parseLeaseBody(current.body);
    const ours = seen && mine.get(seen.token);
    if (current && ours !== undefined) return held(o, current.generation, ours);
    if (current && (!seen || now() > seen.expiresAt + skewMs)) {
      // Expired (or not a lease at all): remove exactly that generation, then create at once.
      try {
        await o.store.remove(o.name, current.generation);
      } catch {
        // another contender may have removed it; the next create decides
      }
      if (again()) continue;
    }
    if (!current && created === 'held' && again()) continue; // released between our calls
    const left = deadline - now();
    if (left <= 0) throw new LeaseBusy(`lease ${o.name} busy for ${o.waitMs} ms`);
    const cap = Math.min(BACKOFF_CAP_MS, BACKOFF_START_MS * 2 ** Math.min(attempt, 10));
    await sleep(Math.min(left, Math.max(1, Math.floor(random() * cap))));
  }
}

function held(o: LeaseOptions, generation: string, expiresAt: number): HeldLease {
  const now = o.now ?? Date.now;
  const margin = (o.skewMs ?? 1000) + (o.guardMs ?? 1000);
  return {
    generation,
    expiresAt,
    async fence(minWriteMs = 1000) {
      const current = await o.store.read(o.name);
      if (current?.generation !== generation) throw new LeaseLost(`lease ${o.name} was taken over`);
      const budget = expiresAt - now() - margin;
      if (budget < minWriteMs) throw new LeaseLost(`lease ${o.name} has ${budget} ms left to write, under ${minWriteMs}`);
      return budget;
    },
  };
}

export async function release(o: LeaseOptions, generation: string): Promise<void> {
  try {
    if (!(await o.store.remove(o.name, generation))) o.onWarning?.('lease: released after it was taken over', { name: o.name, generation });
  } catch (error) {
    o.onWarning?.('lease: release failed; it expires by itself', { name: o.name, error });
  }
}
