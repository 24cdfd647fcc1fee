// The Cloud Storage adapter (LeaseStore) and the lease over it, against the emulator over HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorageEmulator } from '../../emulators/storage';
import { GcsLeaseStore } from '../../shared/adapters/storage';
import { UpstreamError } from '../../shared/errors';
import { withLease } from '../../shared/lease/lease';

const emulator = createStorageEmulator();
let server: Server;
let rootUrl: string;

beforeAll(async () => {
  emulator.ensureBucket('leases');
  server = createServer((req, res) => void emulator.handle(req, res).then((ok) => ok || res.writeHead(404).end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  rootUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`; // no trailing slash: the adapter adds it
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const store = (bucket = 'leases') => new GcsLeaseStore({ bucket, rootUrl, retries: 6, retryDelayMs: 5 });

describe('GcsLeaseStore', () => {
  it('create-if-absent, read with the generation, delete only our generation', async () => {
    const s = store();
    const g = await s.create('a', '{"x":1}');
    expect(g).toMatch(/^\d+$/);
    expect(await s.create('a', '{"x":2}')).toBe('held');
    expect(await s.read('a')).toEqual({ generation: g, body: '{"x":1}' });
    expect(await s.remove('a', String(BigInt(g) + 1n))).toBe(false);
    expect(await s.remove('a', g)).toBe(true);
    expect(await s.read('a')).toBeUndefined();
    expect(await s.remove('a', g)).toBe(false);
  });

  it('a missing bucket is an UpstreamError that retrying will not fix', async () => {
    const e = await store('nope').create('a', '{}').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UpstreamError);
    expect((e as UpstreamError).transient).toBe(false);
  });

  it('with faults on, contenders in separate clients never hold the lease at once', async () => {
    emulator.setFaults({ faultRate: 0.2 });
    try {
      let inside = 0;
      let most = 0;
      const done: number[] = [];
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          withLease({ store: store(), name: 'leases/requests', leaseMs: 60_000, waitMs: 30_000, holder: `p${i}` }, async (lease) => {
            inside++;
            most = Math.max(most, inside);
            await lease.fence(10);
            await new Promise((r) => setTimeout(r, 5));
            inside--;
            done.push(i);
          }),
        ),
      );
      expect(most).toBe(1);
      expect(done).toHaveLength(6);
    } finally {
      emulator.setFaults({ faultRate: 0 });
    }
    expect(await store().read('leases/requests')).toBeUndefined(); // every holder released
  });

  it('under Google’s one-write-a-second limit per object, back-to-back holders still all get their turn (429 is retried)', async () => {
    emulator.setFaults({ objectWritesPerSecond: 1 });
    try {
      const turns: number[] = [];
      await Promise.all(
        Array.from({ length: 2 }, (_, i) =>
          withLease({ store: store(), name: 'leases/limited', leaseMs: 60_000, waitMs: 30_000 }, async () => {
            turns.push(i);
          }),
        ),
      );
      expect(turns.sort()).toEqual([0, 1]);
      expect(await store().read('leases/limited')).toBeUndefined();
    } finally {
      emulator.setFaults({ objectWritesPerSecond: 0 });
    }
  });
});
