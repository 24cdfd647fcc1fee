// The lease's logic against an in-memory store with the same compare-and-set semantics as
// Cloud Storage (create-if-absent, delete-if-generation), on a clock the test moves.
import { describe, expect, it } from 'vitest';
import { acquire, LeaseBusy, LeaseLost, parseLeaseBody, withLease, type LeaseOptions } from '../../shared/lease/lease';
import type { LeaseRecord, LeaseStore } from '../../shared/ports';

class MemoryLeaseStore implements LeaseStore {
  objects = new Map<string, LeaseRecord>();
  private gen = 100;
  calls: string[] = [];
  /** The next create is applied, then its answer is lost (a 5xx after the write). */
  loseNextCreateAnswer = false;

  async create(name: string, body: string) {
    this.calls.push('create');
    await Promise.resolve();
    if (this.objects.has(name)) return 'held' as const;
    const generation = String(++this.gen);
    this.objects.set(name, { generation, body });
    if (this.loseNextCreateAnswer) {
      this.loseNextCreateAnswer = false;
      throw new Error('503 after apply');
    }
    return generation;
  }
  async read(name: string) {
    this.calls.push('read');
    await Promise.resolve();
    return this.objects.get(name);
  }
  async remove(name: string, generation: string) {
    this.calls.push('remove');
    await Promise.resolve();
    if (this.objects.get(name)?.generation !== generation) return false;
    this.objects.delete(name);
    return true;
  }
}

function setup(extra: Partial<LeaseOptions> = {}) {
  const store = new MemoryLeaseStore();
  const clock = { t: 1_000_000 };
  const sleeps: number[] = [];
  const opts = (holder: string): LeaseOptions => ({
    store,
    name: 'leases/requests',
    leaseMs: 30_000,
    waitMs: 10_000,
    skewMs: 1000,
    guardMs: 1000,
    holder,
    now: () => clock.t,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.t += ms;
    },
    random: () => 0.5,
    ...extra,
  });
  return { store, clock, sleeps, opts };
}

describe('acquire', () => {
  it('takes a free lease with one create, its body saying who and until when', async () => {
    const { store, opts, clock } = setup();
    const lease = await acquire(opts('a'));
    expect(store.calls).toEqual(['create']);
    const body = parseLeaseBody(store.objects.get('leases/requests')!.body)!;
    expect(body).toMatchObject({ holder: 'a', expiresAt: clock.t + 30_000 });
    expect(lease.generation).toBe(store.objects.get('leases/requests')!.generation);
  });

  it('waits for a live lease with jittered, bounded pauses, then gives up with LeaseBusy and leaves it alone', async () => {
    const { store, opts, clock, sleeps } = setup();
    await acquire(opts('a'));
    const before = store.objects.get('leases/requests');
    const start = clock.t;
    await expect(acquire(opts('b'))).rejects.toBeInstanceOf(LeaseBusy);
    expect(clock.t - start).toBe(10_000); // waited exactly the bound, never past it
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(500);
    expect(sleeps.slice(0, 3)).toEqual([12, 25, 50]); // growing, half of each cap with random() = 0.5
    expect(store.objects.get('leases/requests')).toBe(before);
    expect(store.calls).not.toContain('remove');
  });

  it('takes over an expired lease only once the skew allowance has passed, removing exactly that generation', async () => {
    const { store, opts, clock } = setup({ waitMs: 0 });
    const a = await acquire(opts('a'));
    clock.t = a.expiresAt + 1000; // expired, but within the skew allowance
    await expect(acquire(opts('b'))).rejects.toBeInstanceOf(LeaseBusy);
    clock.t += 1;
    const b = await acquire(opts('b'));
    expect(b.generation).not.toBe(a.generation);
    expect(parseLeaseBody(store.objects.get('leases/requests')!.body)?.holder).toBe('b');
  });

  it('a create whose answer was lost is recognised by its token: no wait for its own lease', async () => {
    const { store, opts, sleeps } = setup();
    store.loseNextCreateAnswer = true;
    const lease = await acquire(opts('a'));
    expect(lease.generation).toBe(store.objects.get('leases/requests')!.generation);
    expect(sleeps).toEqual([]);
  });

  it('a lost create whose read-back failed too is recognised by a later attempt, keeping its first expiry', async () => {
    const { store, opts, clock } = setup();
    store.loseNextCreateAnswer = true;
    const read = store.read.bind(store);
    let failReads = 1;
    store.read = async (name) => (failReads-- > 0 ? Promise.reject(new Error('503')) : read(name));
    const start = clock.t;
    const lease = await acquire(opts('a'));
    expect(lease.generation).toBe(store.objects.get('leases/requests')!.generation);
    expect(lease.expiresAt).toBe(start + 30_000);
    expect(clock.t - start).toBeLessThan(1000); // no waiting for its own lease to expire
  });

  it('an object that is not a lease body is treated as expired', async () => {
    const { store, opts } = setup({ waitMs: 0 });
    store.objects.set('leases/requests', { generation: '7', body: 'garbage' });
    const lease = await acquire(opts('a'));
    expect(lease.generation).not.toBe('7');
  });
});

describe('fence', () => {
  it('gives the write what remains of the lease minus skew and guard', async () => {
    const { opts, clock } = setup();
    const lease = await acquire(opts('a'));
    clock.t += 10_000;
    expect(await lease.fence()).toBe(30_000 - 10_000 - 2000);
  });

  it('refuses when too little remains, and when another holder has taken over', async () => {
    const { opts, clock } = setup();
    const a = await acquire(opts('a'));
    clock.t = a.expiresAt - 2500; // 500 ms of budget
    await expect(a.fence(1000)).rejects.toBeInstanceOf(LeaseLost);
    clock.t = a.expiresAt + 1001;
    await acquire(opts('b'));
    await expect(a.fence(1)).rejects.toThrow(/taken over/);
  });
});

describe('withLease', () => {
  it('releases after the work, and after a failure; a late release never removes another’s lease', async () => {
    const { store, opts, clock } = setup();
    await expect(withLease(opts('a'), async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(store.objects.size).toBe(0);
    const warnings: string[] = [];
    await withLease({ ...opts('a'), onWarning: (m) => warnings.push(m) }, async (lease) => {
      clock.t = lease.expiresAt + 1001;
      await acquire(opts('b'));
    });
    expect(parseLeaseBody(store.objects.get('leases/requests')!.body)?.holder).toBe('b');
    expect(warnings).toEqual(['lease: released after it was taken over']);
  });

  it('never lets two holders in at once among many concurrent contenders', async () => {
    const store = new MemoryLeaseStore();
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        withLease({ store, name: 'l', leaseMs: 60_000, waitMs: 20_000, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))) }, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 2));
          order.push(i);
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order.sort((x, y) => x - y)).toEqual([...Array(12).keys()]);
  });
});
