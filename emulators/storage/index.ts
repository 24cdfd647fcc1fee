// Local emulator of the Cloud Storage JSON API, the subset a lease object needs: objects
// insert (media and multipart uploads), get (metadata or alt=media) and delete, with
// generation preconditions. The production client (`@googleapis/storage` with `rootUrl`)
// runs against it unchanged. State lives in memory in the one server process every
// function process talks to, as the real bucket is one store for every instance.
// Authorization headers are accepted and ignored.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkStorageQuery, type StorageMethod } from '../discovery/storage-hook';
import { FaultInjector } from '../sheets/faults';
import { faultOf, invalid, objectRateLimited, sendJson, StorageError } from './errors';
import { ObjectStore, objectJson, preconditions } from './objects';
import { parseUpload } from './upload';

export interface StorageEmulatorOptions {
  /** Share (0..1) of calls answered 429, 500 or 503 before doing anything (EMULATOR_FAULT_RATE). */
  faultRate?: number;
  latencyMs?: number;
  /**
   * Google limits writes to one object name to about one per second; 0 leaves it off
   * (the default, as Google tolerates bursts), n > 0 answers 429 past n per second.
   */
  objectWritesPerSecond?: number;
  random?: () => number;
  now?: () => number;
}

export interface StorageEmulator {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Buckets are made by deploy, not by the product: the stack and tests create theirs here. */
  ensureBucket(name: string): void;
  counters(): { total: number; byMethod: Record<string, number> };
  resetCounters(): void;
  setFaults(f: { faultRate?: number; latencyMs?: number; objectWritesPerSecond?: number }): void;
  reset(): void;
}

// Parameters the discovery document lists but the emulator does not model: refused rather
// than silently ignored, so a test never passes on behaviour nobody implemented.
const NOT_MODELLED = ['generation', 'ifMetagenerationMatch', 'ifMetagenerationNotMatch', 'kmsKeyName', 'predefinedAcl', 'contentEncoding', 'restoreToken', 'softDeleted', 'userProject', 'projection', 'fields'];

const UPLOAD = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/;
const OBJECT = /^\/storage\/v1\/b\/([^/]+)\/o\/([^/]+)$/;
const INSERT_NO_UPLOAD = /^\/storage\/v1\/b\/([^/]+)\/o$/;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalid(`Malformed path segment ${segment}`);
  }
}

function checkParams(method: StorageMethod, q: URLSearchParams): void {
  checkStorageQuery(method, q);
  for (const key of q.keys()) if (NOT_MODELLED.includes(key)) throw invalid(`The local emulator does not model the parameter ${key}.`);
}

export function createStorageEmulator(opts: StorageEmulatorOptions = {}): StorageEmulator {
  const now = opts.now ?? Date.now;
  const store = new ObjectStore(now);
  const faults = new FaultInjector({ faultRate: opts.faultRate ?? 0, latencyMs: opts.latencyMs ?? 0 }, opts.random ?? Math.random, now);
  let objectWritesPerSecond = opts.objectWritesPerSecond ?? 0;
  const recentWrites = new Map<string, number[]>();
  let byMethod: Record<string, number> = {};

  /**
   * Sliding one-second window of applied mutations per object name: checked before a
   * write, counted only once it applied (a 412 changes nothing and costs nothing).
   */
  function mutate<T>(bucket: string, name: string, write: () => T): T {
    const key = `${bucket}/${name}`;
    const t = now();
    const recent = (recentWrites.get(key) ?? []).filter((w) => w > t - 1000);
    if (objectWritesPerSecond > 0 && recent.length >= objectWritesPerSecond) throw objectRateLimited(name);
    const result = write();
    if (objectWritesPerSecond > 0) recentWrites.set(key, [...recent, t]);
    return result;
  }

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const upload = method === 'POST' ? UPLOAD.exec(path) : null;
    const object = method === 'GET' || method === 'DELETE' ? OBJECT.exec(path) : null;
    const bare = method === 'POST' ? INSERT_NO_UPLOAD.exec(path) : null;
    if (!upload && !object && !bare) return false;
    const name: StorageMethod = upload || bare ? 'objects.insert' : method === 'GET' ? 'objects.get' : 'objects.delete';
    byMethod[name] = (byMethod[name] ?? 0) + 1;

    const body = method === 'POST' ? await readBody(req) : Buffer.alloc(0);
    await faults.delay();
    const fault = faults.beforeRequest();
    if (fault) throw faultOf(fault.code);
    const q = url.searchParams;
    checkParams(name, q);
    if (bare) throw invalid('Upload requests must include an uploadType URL parameter and a URL path beginning with /upload/');
    const p = preconditions(q);

    if (upload) {
      const bucket = decode(upload[1]!);
      const u = parseUpload(q.get('uploadType'), q, String(req.headers['content-type'] ?? ''), body);
      const stored = mutate(bucket, u.name, () => store.insert(bucket, u.name, p, u.data, u.contentType, u.metadata));
      sendJson(res, 200, objectJson(stored, baseUrl(req)));
      return true;
    }
    const [bucket, objectName] = [decode(object![1]!), decode(object![2]!)];
    if (method === 'DELETE') {
      mutate(bucket, objectName, () => store.delete(bucket, objectName, p));
      res.writeHead(204).end();
      return true;
    }
    const found = store.get(bucket, objectName, p);
    if (q.get('alt') === 'media') {
      res.writeHead(200, {
        'content-type': found.contentType,
        'content-length': found.data.length,
        'x-goog-generation': String(found.generation),
        'x-goog-metageneration': '1',
      });
      res.end(found.data);
    } else {
      sendJson(res, 200, objectJson(found, baseUrl(req)));
    }
    return true;
  }

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        return await serve(req, res, url);
      } catch (e) {
        const err = e instanceof StorageError ? e : new StorageError(500, `Internal Error: ${String(e)}`, { reason: 'backendError' });
        if (res.headersSent) res.end();
        else if (err.code === 304) res.writeHead(304).end();
        else sendJson(res, err.code, err.body());
        return true;
      }
    },
    ensureBucket: (name) => store.ensureBucket(name),
    counters: () => ({ total: Object.values(byMethod).reduce((a, b) => a + b, 0), byMethod: { ...byMethod } }),
    resetCounters() {
      byMethod = {};
    },
    setFaults(f) {
      faults.set({ faultRate: f.faultRate, latencyMs: f.latencyMs });
      if (f.objectWritesPerSecond !== undefined) objectWritesPerSecond = f.objectWritesPerSecond;
    },
    reset() {
      store.clear();
      recentWrites.clear();
    },
  };
}

const baseUrl = (req: IncomingMessage) => `http://${req.headers.host ?? 'localhost'}/`;
