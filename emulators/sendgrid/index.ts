// Local stand-in for SendGrid's v3 mail/send endpoint. It speaks the real wire protocol
// so the production @sendgrid/mail client can be pointed at it (set the client's
// baseUrl AFTER setApiKey, which resets it to api.sendgrid.com), but it never
// delivers anything: accepted messages land in an outbox readable at GET /outbox.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Outbox } from './outbox';
import type { StoredMessage } from './outbox';
import { validateMailSend } from './validate';
import type { SendGridFieldError } from './validate';

export type { StoredMessage } from './outbox';
export type { SendGridFieldError } from './validate';
export { validateMailSend } from './validate';

export interface SendGridSinkOptions {
  stateFile?: string;
  /** Share (0..1) of mail/send calls answered 500 or 503 with nothing stored. */
  faultRate?: number;
  /** Delay before answering mail/send, to exercise client timeouts. */
  latencyMs?: number;
  /** Injected so tests can decide which calls fault. */
  random?: () => number;
}

export interface SendGridSink {
  /** Handles POST /v3/mail/send and GET /outbox; resolves false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  messages(): StoredMessage[];
  setFaults(f: { faultRate?: number; latencyMs?: number }): void;
  counters(): { total: number; accepted: number; rejected: number };
  reset(): void;
}

// SendGrid's total message size limit is 30 MB; anything larger is refused before parsing.
const MAX_BODY_BYTES = 30 * 1024 * 1024;

const AUTH_ERROR: SendGridFieldError[] = [
  { message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null },
];

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function sendErrors(res: ServerResponse, status: number, errors: SendGridFieldError[]): void {
  const payload = JSON.stringify({ errors });
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createSendGridSink(opts: SendGridSinkOptions = {}): SendGridSink {
  const outbox = new Outbox(opts.stateFile);
  const random = opts.random ?? Math.random;
  let faultRate = opts.faultRate ?? 0;
  let latencyMs = opts.latencyMs ?? 0;
  const count = { total: 0, accepted: 0, rejected: 0 };

  async function mailSend(req: IncomingMessage, res: ServerResponse): Promise<void> {
    count.total++;
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (e) {
      if (!(e instanceof BodyTooLarge)) throw e;
      count.rejected++;
      res.setHeader('Connection', 'close');
      return sendErrors(res, 413, [{ message: 'The request body is too large.', field: null, help: null }]);
    }
    if (latencyMs > 0) await sleep(latencyMs);

    // Outages happen before SendGrid looks at the request, so faults come first.
    if (faultRate > 0 && random() < faultRate) {
      count.rejected++;
      const status = random() < 0.5 ? 500 : 503;
      return sendErrors(res, status, [{ message: status === 500 ? 'Internal Server Error' : 'Service Unavailable', field: null, help: null }]);
    }

    const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!auth) {
      count.rejected++;
      return sendErrors(res, 401, AUTH_ERROR);
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      count.rejected++;
      return sendErrors(res, 415, [{ message: 'Content-Type should be application/json.', field: null, help: null }]);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      count.rejected++;
      return sendErrors(res, 400, [{ message: 'Bad Request', field: null, help: null }]);
    }
    const errors = validateMailSend(body);
    if (errors.length > 0) {
      count.rejected++;
      return sendErrors(res, 400, errors);
    }

    // Same shape as SendGrid's ids (22 url-safe characters); callers should treat it as opaque.
    const id = randomBytes(16).toString('base64url');
    outbox.add({ id, receivedAt: new Date().toISOString(), body });
    count.accepted++;
    res.writeHead(202, { 'X-Message-Id': id, 'Content-Length': 0 });
    res.end();
  }

  return {
    async handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
      try {
        if (req.method === 'POST' && path === '/v3/mail/send') {
          await mailSend(req, res);
          return true;
        }
        if (req.method === 'GET' && path === '/outbox') {
          const payload = JSON.stringify(outbox.list());
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
          res.end(payload);
          return true;
        }
      } catch (e) {
        // Never let a sink bug take the hosting server down; answer like an outage instead.
        if (!res.headersSent) sendErrors(res, 500, [{ message: `Sink error: ${String(e)}`, field: null, help: null }]);
        else res.destroy();
        return true;
      }
      return false;
    },
    messages: () => outbox.list(),
    setFaults(f) {
      if (f.faultRate !== undefined) faultRate = f.faultRate;
      if (f.latencyMs !== undefined) latencyMs = f.latencyMs;
    },
    counters: () => ({ ...count }),
    reset() {
      outbox.clear();
      count.total = count.accepted = count.rejected = 0;
      faultRate = opts.faultRate ?? 0;
      latencyMs = opts.latencyMs ?? 0;
    },
  };
}
