// The buckets and their live objects, in memory, with the generation preconditions the
// JSON API documents (cloud.google.com/storage/docs/request-preconditions):
//   ifGenerationMatch=N     proceeds only if the live object's generation is N; 0 means
//                           "only if there is no live object" — the create-if-absent a
//                           lease is built on;
//   ifGenerationNotMatch=N  proceeds only if it is not N (a get answers 304, writes 412).
// A failed precondition changes nothing. Generations only grow, even across a delete and a
// create of the same name, so a stale generation never matches a newer object.
import { createHash } from 'node:crypto';
import { conditionNotMet, invalid, noSuchBucket, noSuchObject, StorageError } from './errors';

export interface StoredObject {
  bucket: string;
  name: string;
  generation: bigint;
  data: Buffer;
  contentType: string;
  metadata?: Record<string, string>;
  timeCreated: number;
}

export interface Preconditions {
  ifGenerationMatch?: bigint;
  ifGenerationNotMatch?: bigint;
}

/** Query parameters are int64 strings; anything else is refused as Google refuses it. */
export function preconditions(q: URLSearchParams): Preconditions {
  const out: Preconditions = {};
  for (const key of ['ifGenerationMatch', 'ifGenerationNotMatch'] as const) {
    const v = q.get(key);
    if (v === null) continue;
    if (!/^-?\d{1,19}$/.test(v)) throw invalid(`Invalid argument for ${key}: ${v}`);
    out[key] = BigInt(v);
  }
  return out;
}

export class ObjectStore {
  private readonly buckets = new Map<string, Map<string, StoredObject>>();
  private lastGeneration = 0n;

  constructor(private readonly now: () => number) {}

  ensureBucket(bucket: string): void {
    if (!this.buckets.has(bucket)) this.buckets.set(bucket, new Map());
  }

  private objects(bucket: string): Map<string, StoredObject> {
    const b = this.buckets.get(bucket);
    if (!b) throw noSuchBucket();
    return b;
  }

  /** Google's generations are microsecond timestamps; here they are also strictly increasing. */
  private nextGeneration(): bigint {
    const micros = BigInt(Math.floor(this.now() * 1000));
    this.lastGeneration = micros > this.lastGeneration ? micros : this.lastGeneration + 1n;
    return this.lastGeneration;
  }

  private check(current: StoredObject | undefined, p: Preconditions, onNotMatch: () => StorageError): void {
    const live = current?.generation ?? 0n;
    if (p.ifGenerationMatch !== undefined && p.ifGenerationMatch !== live) throw conditionNotMet();
    if (p.ifGenerationNotMatch !== undefined && p.ifGenerationNotMatch === live) throw onNotMatch();
  }

  get(bucket: string, name: string, p: Preconditions): StoredObject {
    const current = this.objects(bucket).get(name);
    if (!current) throw noSuchObject(bucket, name);
    this.check(current, p, () => new StorageError(304, 'Not Modified', { reason: 'notModified' }));
    return current;
  }

  insert(bucket: string, name: string, p: Preconditions, data: Buffer, contentType: string, metadata?: Record<string, string>): StoredObject {
    const objects = this.objects(bucket);
    this.check(objects.get(name), p, conditionNotMet);
    const stored: StoredObject = { bucket, name, generation: this.nextGeneration(), data, contentType, timeCreated: this.now(), ...(metadata && { metadata }) };
    objects.set(name, stored);
    return stored;
  }

  delete(bucket: string, name: string, p: Preconditions): void {
    const objects = this.objects(bucket);
    const current = objects.get(name);
    if (!current) throw noSuchObject(bucket, name);
    this.check(current, p, conditionNotMet);
    objects.delete(name);
  }

  clear(): void {
    for (const objects of this.buckets.values()) objects.clear();
  }
}

/** The Object resource as objects.get/insert answer it (the fields a client reads). */
export function objectJson(o: StoredObject, baseUrl: string): Record<string, unknown> {
  const time = new Date(o.timeCreated).toISOString();
  const path = `b/${encodeURIComponent(o.bucket)}/o/${encodeURIComponent(o.name)}`;
  return {
    kind: 'storage#object',
    id: `${o.bucket}/${o.name}/${o.generation}`,
    selfLink: `${baseUrl}storage/v1/${path}`,
    mediaLink: `${baseUrl}download/storage/v1/${path}?generation=${o.generation}&alt=media`,
    name: o.name,
    bucket: o.bucket,
    generation: String(o.generation),
    metageneration: '1',
    contentType: o.contentType,
    storageClass: 'STANDARD',
    size: String(o.data.length),
    md5Hash: createHash('md5').update(o.data).digest('base64'),
    etag: Buffer.from(String(o.generation)).toString('base64'),
    timeCreated: time,
    updated: time,
    timeStorageClassUpdated: time,
    timeFinalized: time,
    ...(o.metadata && { metadata: o.metadata }),
  };
}
