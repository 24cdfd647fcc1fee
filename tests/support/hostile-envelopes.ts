// How a hostile request travels: its signature (good, rotated, stale, future, malformed,
// for another body, or by a secret we never had), its content type and its bytes (JSON,
// not JSON, empty, oversized). Each envelope says which layer must answer, and how.
import fc from 'fast-check';
import { sign } from '../../shared/domain/signature';

export const PREVIOUS_SECRET = 'xmess-intake-secret-being-retired';

export type Signing = 'current' | 'previous' | 'twoV1' | 'stale' | 'future' | 'malformed' | 'otherBody' | 'unknownSecret';
export type Payload = 'json' | 'notJson' | 'empty' | 'oversized';

export interface Envelope {
  signing: Signing;
  malformed: string;
  contentType: string | undefined;
  payload: Payload;
  notJson: string;
}

const MALFORMED = ['', 'garbage', 't=,v1=', 'v1=' + 'a'.repeat(64), 't=1700000000', 't=abc,v1=' + 'a'.repeat(64), 'T=1,V1=' + 'b'.repeat(64), `t=1,v1=${'z'.repeat(64)}`, 'x'.repeat(3000)];
const NOT_JSON = ['{"submissionId":', 'submissionId=1&need=x', '<xml/>', "{'a':1}", '{"a":1}}', 'NaN', '\u0000', '[1,', '=IMPORTXML("x")'];

export const envelope: fc.Arbitrary<Envelope> = fc.record<Envelope>({
  signing: fc.oneof(
    { weight: 70, arbitrary: fc.constant<Signing>('current') },
    { weight: 10, arbitrary: fc.constant<Signing>('previous') },
    { weight: 5, arbitrary: fc.constant<Signing>('twoV1') },
    { weight: 15, arbitrary: fc.constantFrom<Signing>('stale', 'future', 'malformed', 'otherBody', 'unknownSecret') },
  ),
  malformed: fc.constantFrom(...MALFORMED),
  contentType: fc.oneof(
    { weight: 85, arbitrary: fc.constant('application/json') },
    { weight: 4, arbitrary: fc.constant('application/json; charset=utf-8') },
    { weight: 11, arbitrary: fc.constantFrom<string | undefined>('text/plain', 'application/x-www-form-urlencoded', undefined, 'multipart/form-data; boundary=x', 'application/vnd.api+json', 'application/json; charset=latin1') },
  ),
  payload: fc.oneof(
    { weight: 92, arbitrary: fc.constant<Payload>('json') },
    { weight: 8, arbitrary: fc.constantFrom<Payload>('notJson', 'empty', 'oversized') },
  ),
  notJson: fc.constantFrom(...NOT_JSON),
}).map((e) => Object.assign(e, {
  // fast-check prints counterexamples with this: the envelope in a line, not its fields.
  [fc.toStringMethod]: () => `${e.signing}${e.signing === 'malformed' ? ` ${JSON.stringify(e.malformed.slice(0, 20))}` : ''} · ${e.contentType} · ${e.payload}`,
}));

/** The bytes and headers as sent. */
export function wire(e: Envelope, body: unknown, secret: string): { raw: string; headers: Record<string, string> } {
  const raw = e.payload === 'json' ? JSON.stringify(body) : e.payload === 'notJson' ? e.notJson : e.payload === 'empty' ? '' : JSON.stringify({ ...(body as object), need: 'x'.repeat(300_000) });
  const now = Math.floor(Date.now() / 1000);
  const signature = {
    current: () => sign(secret, raw),
    previous: () => sign(PREVIOUS_SECRET, raw),
    // A sender mid-rotation: a signature we cannot verify first, then a good one.
    twoV1: () => sign(secret, raw).replace(',', `,v1=${'0'.repeat(64)},`),
    stale: () => sign(secret, raw, now - 301 - 60),
    future: () => sign(secret, raw, now + 301 + 60),
    malformed: () => e.malformed,
    otherBody: () => sign(secret, `${raw} `),
    unknownSecret: () => sign('a-secret-this-service-never-had', raw),
  }[e.signing]();
  const headers: Record<string, string> = { 'x-signature': signature };
  if (e.contentType !== undefined) headers['content-type'] = e.contentType;
  return { raw, headers };
}

export type Answer =
  | { by: 'guard'; status: 413 } // refused from its declared length, before anything reads it (functions/body-guard.ts)
  | { by: 'intake'; status: 201 | 400 } // recorded (or, with breaks, a Catalan field error)
  | { by: 'intake'; status: 401 | 415 }
  | { by: 'framework'; status: 400 | 415 }; // refused by the Functions Framework's parser, answered by functions/body-guard.ts

const isJsonType = (t: string | undefined) => t !== undefined && /^application\/json\s*(;|$)/i.test(t);

/** Which layer answers, in the order the request meets them. */
export function expectedAnswer(e: Envelope, raw: string, recordable: boolean): Answer {
  if (Buffer.byteLength(raw) > 256 * 1024) return { by: 'guard', status: 413 };
  if (isJsonType(e.contentType)) {
    if (/charset=(?!utf-8)/i.test(e.contentType!)) return { by: 'framework', status: 415 };
    // body-parser's strict JSON: a non-empty body must parse and be an object or an array.
    if (raw.trim() !== '' && !strictJson(raw)) return { by: 'framework', status: 400 };
  }
  // Without a content type the framework reads no body at all: the function sees an empty
  // one, which the signature (made over the real body) does not match.
  const seen = e.contentType === undefined ? '' : raw;
  if (!['current', 'previous', 'twoV1'].includes(e.signing) || seen !== raw) return { by: 'intake', status: 401 };
  if (!isJsonType(e.contentType)) return { by: 'intake', status: 415 };
  return { by: 'intake', status: recordable && e.payload === 'json' ? 201 : 400 };
}

function strictJson(raw: string): boolean {
  if (!/^[\s]*[[{]/.test(raw)) return false;
  try {
    JSON.parse(raw);
    return true;
  } catch {
    return false;
  }
}
