// Limits every function's request before the Functions Framework reads a byte of it.
//
// Why here and this way: the framework (v5, src/server.ts) puts body-parser in front of
// every function with a fixed 1 GB limit, and offers no option or variable to lower it, so
// a function's own size check comes after the whole body sits in memory. And when its JSON
// parser refuses a body, Express's default error handler prints the error, the body whole
// inside it, to stderr. The framework builds its server with `http.createServer(app)` after
// it has loaded the function's module; this module, imported by each function before it
// registers, wraps that one call for Express apps, so each app the framework serves (in
// production, and through getTestServer in the local stack) meets `guardListener` first.
import http, { type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { ca } from '../shared/i18n/ca';
import { guardLogger } from '../shared/runtime';

/** The largest body any function accepts, declared before it is read. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface Refusal {
  status: 400 | 404 | 411 | 413 | 415 | 500;
  error: string;
  /** What the log line says: a kind, never the body or the parser's message (it quotes the body). */
  type: string;
}

/**
 * A request refused from its headers alone. A body must declare its length (a chunked one,
 * whose length shows only as it streams, is refused: the HTTP parser never hands over more
 * than a declared length, so a declared length is the bound) and must not be compressed (a
 * small gzip inflates past any limit inside the parser).
 */
export function refuseByHeaders(headers: IncomingHttpHeaders, limit = MAX_BODY_BYTES): Refusal | undefined {
  const declared = headers['content-length'];
  if (declared === undefined) {
    return headers['transfer-encoding'] === undefined ? undefined : { status: 411, error: ca.errors.lengthRequired, type: 'length.required' };
  }
  if (Number(declared) > limit) return { status: 413, error: ca.errors.tooLarge, type: 'entity.too.large' };
  const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return { status: 415, error: ca.errors.compressed, type: 'encoding.unsupported' };
  return undefined;
}

/** An error the framework's middleware passed on (body-parser's, mostly), as our answer. */
export function refusalOf(error: unknown): Refusal {
  if (error === undefined) return { status: 404, error: ca.errors.notFound, type: 'route.not.found' };
  const e = (error ?? {}) as { status?: unknown; type?: unknown };
  const type = typeof e.type === 'string' ? e.type : 'unknown';
  switch (e.status) {
    case 400:
      return { status: 400, error: ca.errors.notJson, type };
    case 413:
      return { status: 413, error: ca.errors.tooLarge, type };
    case 415:
      return { status: 415, error: ca.errors.unsupportedMediaType, type };
    default:
      return { status: 500, error: ca.errors.internal, type };
  }
}

function answer(res: ServerResponse, refusal: Refusal, close: boolean): void {
  if (res.headersSent) return void res.end();
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  // The rest of a refused body is never read: the connection cannot carry another request.
  if (close) headers.connection = 'close';
  res.writeHead(refusal.status, headers).end(JSON.stringify({ error: refusal.error }));
}

type ExpressApp = ((req: IncomingMessage, res: ServerResponse, done: (error?: unknown) => void) => void) & {
  handle: unknown;
  set: unknown;
};

/** The app behind the limits; its middleware's errors end here, not in Express's handler. */
export function guardListener(app: ExpressApp, limit = MAX_BODY_BYTES): RequestListener {
  return (req, res) => {
    const early = refuseByHeaders(req.headers, limit);
    if (early) {
      guardLogger().log('WARNING', 'http: request refused before reading', { status: early.status, type: early.type });
      return answer(res, early, true);
    }
    app(req, res, (error?: unknown) => {
      const refusal = refusalOf(error);
      guardLogger().log(refusal.status === 500 ? 'ERROR' : 'WARNING', 'http: request refused by the framework', {
        status: refusal.status,
        type: refusal.type,
      });
      answer(res, refusal, !req.complete);
    });
  };
}

const isExpressApp = (listener: unknown): listener is ExpressApp =>
  typeof listener === 'function' && typeof (listener as ExpressApp).handle === 'function' && typeof (listener as ExpressApp).set === 'function';

let installed = false;

/** Wraps http.createServer once per process; servers of plain listeners are left alone. */
export function installBodyGuard(): void {
  if (installed) return;
  installed = true;
  const create = http.createServer;
  http.createServer = function guardedCreateServer(this: unknown, ...args: unknown[]) {
    const i = args.findIndex((a) => typeof a === 'function');
    if (i >= 0 && isExpressApp(args[i])) args[i] = guardListener(args[i]);
    return (create as (...a: unknown[]) => http.Server).apply(this, args);
  } as typeof http.createServer;
}

installBodyGuard();
