// The local page (GET /) and its local-only endpoints, mounted by the local stack. Nothing
// here exists in production: the page plays the municipality, the Commission and the
// mailbox against the same emulators and functions the tests use.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkOnly, formDefinition, signedIntake, type DoorDeps } from './local-doors';
import { pageHtml } from './page-html';

export interface PageDeps extends DoorDeps {
  /** Empties the emulators and loads the demo workspace again. */
  reset(): Promise<void>;
}

export type PageHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

// A fixed list, so no request path ever reaches the file system.
const ASSETS: Record<string, string> = {
  'page.css': 'text/css; charset=utf-8',
  'main.js': 'text/javascript; charset=utf-8',
  'dom.js': 'text/javascript; charset=utf-8',
  'form-view.js': 'text/javascript; charset=utf-8',
  'sheet-view.js': 'text/javascript; charset=utf-8',
  'sheet-grid.js': 'text/javascript; charset=utf-8',
  'sheet-rules.js': 'text/javascript; charset=utf-8',
  'mail-view.js': 'text/javascript; charset=utf-8',
};

// Everything the page shows is data people typed: no inline script may run, and an email's
// HTML (in a srcdoc iframe, which inherits this policy) cannot load scripts either.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

// The intake's own limit (functions/intake.ts), not imported: that module registers the function.
const MAX_BODY_BYTES = 256 * 1024;

class TooLarge extends Error {}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) }).end(body);
}

const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

export function createPageRoutes(deps: PageDeps): PageHandler {
  const post = async (req: IncomingMessage, res: ServerResponse, run: (raw: string) => Promise<{ status: number; body: unknown }>) => {
    let raw: string;
    try {
      raw = await readText(req);
    } catch (e) {
      if (e instanceof TooLarge) return sendJson(res, 413, { error: 'too large' });
      throw e;
    }
    const answer = await run(raw);
    sendJson(res, answer.status, answer.body);
  };

  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/') {
      send(res, 200, 'text/html; charset=utf-8', pageHtml());
      return true;
    }
    const asset = /^\/page\/([a-z-]+\.(?:js|css))$/.exec(path)?.[1];
    if (method === 'GET' && asset && ASSETS[asset]) {
      send(res, 200, ASSETS[asset], await readFile(new URL(`./assets/${asset}`, import.meta.url)));
      return true;
    }
    if (method === 'GET' && path === '/local/form') {
      sendJson(res, 200, await formDefinition(deps));
      return true;
    }
    if (method === 'POST' && path === '/local/intake') {
      await post(req, res, (raw) => signedIntake(deps, raw));
      return true;
    }
    if (method === 'POST' && path === '/local/check') {
      await post(req, res, async (raw) => checkOnly(raw));
      return true;
    }
    if (method === 'POST' && path === '/local/reset') {
      await post(req, res, async () => {
        await deps.reset();
        return { status: 200, body: { ok: true } };
      });
      return true;
    }
    return false;
  };
}
