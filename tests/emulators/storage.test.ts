// The Cloud Storage emulator through the real @googleapis/storage client: uploads, reads,
// deletes and the generation preconditions a lease rests on, with Google's error bodies.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { storage, type storage_v1 } from '@googleapis/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { createStorageEmulator, type StorageEmulator, type StorageEmulatorOptions } from '../../emulators/storage';

interface Harness {
  emulator: StorageEmulator;
  api: storage_v1.Storage;
  /** Per-call options: uploads take their root URL from the call, not from the client. */
  call: { rootUrl: string; retry: false };
  close(): Promise<void>;
}

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

async function start(opts: StorageEmulatorOptions = {}): Promise<Harness> {
  const emulator = createStorageEmulator(opts);
  emulator.ensureBucket('b');
  const server: Server = createServer((req, res) => {
    void emulator.handle(req, res).then((handled) => handled || res.writeHead(404).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const rootUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const h: Harness = {
    emulator,
    api: storage({ version: 'v1', rootUrl }),
    call: { rootUrl, retry: false },
    close: () => new Promise((r) => server.close(() => r())),
  };
  open.push(h);
  return h;
}

/** A client error's HTTP status and JSON body. */
async function failure(p: Promise<unknown>): Promise<{ status: number; body: any }> {
  try {
    await p;
  } catch (e) {
    const r = (e as { response?: { status: number; data: unknown } }).response;
    if (!r) throw e;
    return { status: r.status, body: r.data };
  }
  throw new Error('expected the call to fail');
}

const draws = (...values: number[]) => () => values.shift() ?? 0.99;
const createIfAbsent = (h: Harness, name: string, body: string) =>
  h.api.objects.insert({ bucket: 'b', name, ifGenerationMatch: '0', media: { mimeType: 'application/json', body } }, h.call);

describe('objects.insert', () => {
  it('uploadType=media with ifGenerationMatch=0 creates once, then answers 412 conditionNotMet and keeps the first', async () => {
    const h = await start();
    const first = await createIfAbsent(h, 'leases/x', '{"holder":"a"}');
    expect(first.data).toMatchObject({ kind: 'storage#object', name: 'leases/x', bucket: 'b', contentType: 'application/json', size: '14', metageneration: '1' });
    expect(first.data.generation).toMatch(/^\d+$/);
    const second = await failure(createIfAbsent(h, 'leases/x', '{"holder":"b"}'));
    expect(second).toEqual({
      status: 412,
      body: {
        error: {
          code: 412,
          message: 'At least one of the pre-conditions you specified did not hold.',
          errors: [{ message: 'At least one of the pre-conditions you specified did not hold.', domain: 'global', reason: 'conditionNotMet', locationType: 'header', location: 'If-Match' }],
        },
      },
    });
    const media = await h.api.objects.get({ bucket: 'b', object: 'leases/x', alt: 'media' }, { responseType: 'text' });
    expect(media.data).toBe('{"holder":"a"}');
    expect((media.headers as unknown as Headers).get('x-goog-generation')).toBe(first.data.generation);
  });

  it('uploadType=multipart stores the resource’s metadata and the media part byte for byte', async () => {
    const h = await start();
    const bytes = 'línia 1\r\n--no boundary here\r\nàèò';
    const r = await h.api.objects.insert(
      { bucket: 'b', requestBody: { name: 'm.txt', metadata: { holder: 'h1' } }, media: { mimeType: 'text/plain', body: bytes } },
      h.call,
    );
    expect(r.data).toMatchObject({ name: 'm.txt', contentType: 'text/plain', metadata: { holder: 'h1' }, size: String(Buffer.byteLength(bytes)) });
    const meta = await h.api.objects.get({ bucket: 'b', object: 'm.txt' });
    expect(meta.data).toMatchObject({ generation: r.data.generation, metadata: { holder: 'h1' } });
    expect(Date.parse(meta.data.timeCreated!)).toBe(Date.parse(meta.data.updated!));
    const media = await h.api.objects.get({ bucket: 'b', object: 'm.txt', alt: 'media' }, { responseType: 'text' });
    expect(media.data).toBe(bytes);
  });

  it('ifGenerationMatch=<generation> replaces only the generation named; every write gets a larger generation', async () => {
    const h = await start({ now: () => 1_700_000_000_000 }); // a frozen clock: still strictly increasing
    const g1 = (await createIfAbsent(h, 'o', '1')).data.generation!;
    const stale = await failure(h.api.objects.insert({ bucket: 'b', name: 'o', ifGenerationMatch: '1', media: { body: '2' } }, h.call));
    expect(stale.status).toBe(412);
    const g2 = (await h.api.objects.insert({ bucket: 'b', name: 'o', ifGenerationMatch: g1, media: { body: '2' } }, h.call)).data.generation!;
    await h.api.objects.delete({ bucket: 'b', object: 'o', ifGenerationMatch: g2 });
    const g3 = (await createIfAbsent(h, 'o', '3')).data.generation!;
    expect(BigInt(g2)).toBeGreaterThan(BigInt(g1));
    expect(BigInt(g3)).toBeGreaterThan(BigInt(g2));
  });

  it('refuses an upload to the metadata URL, an unknown upload type and parameters it does not model', async () => {
    const h = await start();
    const bare = await failure(h.api.objects.insert({ bucket: 'b', name: 'o', requestBody: { name: 'o' } }, h.call));
    expect(bare.status).toBe(400);
    expect(bare.body.error.errors[0].reason).toBe('invalid');
    const meta = await failure(h.api.objects.insert({ bucket: 'b', name: 'o', ifMetagenerationMatch: '1', media: { body: 'x' } }, h.call));
    expect(meta.status).toBe(400);
    const missing = await failure(h.api.objects.insert({ bucket: 'nope', name: 'o', media: { body: 'x' } }, h.call));
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 404, message: 'The specified bucket does not exist.' } } });
  });
});

describe('checked against the storage.v1 discovery document', () => {
  it('an unknown query parameter, a malformed int64 and an unknown Object field are refused with 400 invalid', async () => {
    const h = await start();
    const unknown = await fetch(`${h.call.rootUrl}storage/v1/b/b/o/x?ifGenerationMatches=1`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).error.message).toContain('Cannot bind query parameter. Field \'ifGenerationMatches\'');
    const notInt = await fetch(`${h.call.rootUrl}storage/v1/b/b/o/x?ifGenerationMatch=soon`, { method: 'DELETE' });
    expect(notInt.status).toBe(400);
    expect(((await notInt.json()) as any).error).toMatchObject({ code: 400, errors: [{ domain: 'global', reason: 'invalid' }] });
    const field = await failure(h.api.objects.insert({ bucket: 'b', requestBody: { name: 'o', colour: 'red' } as object, media: { body: 'x' } }, h.call));
    expect(field.status).toBe(400);
    expect(field.body.error.message).toContain('Unknown name "colour"');
    const unmodelled = await failure(h.api.objects.insert({ bucket: 'b', requestBody: { name: 'o', temporaryHold: true }, media: { body: 'x' } }, h.call));
    expect(unmodelled.status).toBe(400); // in the resource, but not modelled: refused, not ignored
    expect((await failure(h.api.objects.get({ bucket: 'b', object: 'o' }))).status).toBe(404); // nothing was stored
  });
});

describe('objects.get and objects.delete', () => {
  it('404 names the object; ifGenerationNotMatch on a get answers 304', async () => {
    const h = await start();
    const gone = await failure(h.api.objects.get({ bucket: 'b', object: 'none' }));
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 404, message: 'No such object: b/none', errors: [{ domain: 'global', reason: 'notFound' }] });
    const g = (await createIfAbsent(h, 'o', 'x')).data.generation!;
    const same = await h.api.objects.get({ bucket: 'b', object: 'o', ifGenerationNotMatch: g }).catch((e: { response?: { status: number } }) => e.response);
    expect(same?.status).toBe(304);
    const other = await h.api.objects.get({ bucket: 'b', object: 'o', ifGenerationNotMatch: '1' });
    expect(other.data.generation).toBe(g);
  });

  it('delete with a stale generation answers 412 and deletes nothing; with the current one, 204', async () => {
    const h = await start();
    const g = (await createIfAbsent(h, 'lease', 'x')).data.generation!;
    const stale = await failure(h.api.objects.delete({ bucket: 'b', object: 'lease', ifGenerationMatch: String(BigInt(g) - 1n) }));
    expect(stale.status).toBe(412);
    expect(stale.body.error.errors[0].reason).toBe('conditionNotMet');
    expect((await h.api.objects.get({ bucket: 'b', object: 'lease' })).data.generation).toBe(g);
    const ok = await h.api.objects.delete({ bucket: 'b', object: 'lease', ifGenerationMatch: g });
    expect(ok.status).toBe(204);
    expect((await failure(h.api.objects.delete({ bucket: 'b', object: 'lease', ifGenerationMatch: g }))).status).toBe(404);
  });
});

describe('fault switches', () => {
  it.each([
    [0.0, 429, 'rateLimitExceeded'],
    [0.4, 500, 'backendError'],
    [0.9, 503, 'backendError'],
  ])('pick %s answers %s %s before applying anything', async (pick, status, reason) => {
    const h = await start({ faultRate: 0.5, random: draws(0.1, pick) });
    const e = await failure(createIfAbsent(h, 'o', 'x'));
    expect(e.status).toBe(status);
    expect(e.body.error).toMatchObject({ code: status, errors: [{ domain: 'global', reason }] });
    expect(h.emulator.counters().byMethod).toEqual({ 'objects.insert': 1 });
    expect((await failure(h.api.objects.get({ bucket: 'b', object: 'o' }))).status).toBe(404); // not applied
  });

  it('the per-object write limit answers 429 past n writes a second and counts only applied writes', async () => {
    let t = 1_000_000;
    const h = await start({ objectWritesPerSecond: 1, now: () => t });
    const g = (await createIfAbsent(h, 'o', 'x')).data.generation!;
    expect((await failure(createIfAbsent(h, 'o', 'y'))).status).toBe(429);
    expect((await failure(h.api.objects.delete({ bucket: 'b', object: 'o', ifGenerationMatch: g }, h.call))).status).toBe(429);
    t += 1001;
    expect((await failure(createIfAbsent(h, 'o', 'y'))).status).toBe(412); // a refused write does not count
    expect((await h.api.objects.delete({ bucket: 'b', object: 'o', ifGenerationMatch: g }, h.call)).status).toBe(204);
    await createIfAbsent(h, 'other', 'z'); // the limit is per object name
  });
});
