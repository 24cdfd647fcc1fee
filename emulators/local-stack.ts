// The local Google: one HTTP server that is at once the Sheets API, the Cloud Storage API
// (the write lease), the SendGrid API and the functions, so the production clients and function code run unchanged against it.
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { setupWorkspace } from '../shared/adapters/sheets-setup';
import { shellEnv, useRuntimeEnv } from '../shared/runtime/env';
import { workspaceSpec } from '../shared/workspace/workspace-spec';
import { demoSeed, LOCAL_INTAKE_SECRET, LOCAL_LEASE_BUCKET, LOCAL_SPREADSHEET_ID } from './demo';
import { PASSED_THROUGH, writeFunctionsEnv } from './functions-env';
import { refuseLocalDoor } from './page/local-guard';
import { createPageRoutes, type PageHandler } from './page/routes';
import { createSendGridSink, type SendGridSink } from './sendgrid';
import { createSheetsEmulator, type SheetsEmulator } from './sheets';
import { createStorageEmulator, type StorageEmulator } from './storage';
import type { FormsEmulator } from './forms';
import { createLocalFormsDoor } from './forms-door';

export interface LocalStackOptions {
  port?: number;
  host?: string;
  /**
   * Where state persists between runs, and where functions.env is written; undefined keeps
   * everything in memory (tests). The lease is always in memory: a restart frees it.
   */
  stateDir?: string;
  reset?: boolean;
  env?: NodeJS.ProcessEnv;
  /**
   * The locale the workspace spreadsheet is created in, as if a person had made it in the
   * Sheets UI before setup (en_US by default; a Catalan user's is likely ca_ES).
   */
  locale?: string;
}

export interface LocalStack {
  url: string;
  sheets: SheetsEmulator;
  sendgrid: SendGridSink;
  /** The Cloud Storage emulator holding the write lease (bucket functionEnv.LEASE_BUCKET). */
  storage: StorageEmulator;
  /** The Forms API v1 emulator; the local form's ID is functionEnv.FORM_ID. */
  forms: FormsEmulator;
  /** The environment the functions run with, as production would set it. */
  functionEnv: Record<string, string>;
  /**
   * Empties the sheet and the outbox and loads the demo workspace again, as
   * `npm start -- --reset` does — in `locale` if given. The functions keep their adapters
   * (built once per process), so this, not a second stack, is how a process starts over.
   */
  reset(next?: { locale?: string }): Promise<void>;
  close(): Promise<void>;
}

const num = (v: string | undefined, fallback = 0) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : fallback);

export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  const env = opts.env ?? shellEnv();
  if (opts.stateDir) mkdirSync(opts.stateDir, { recursive: true });
  const faults = {
    faultRate: num(env.EMULATOR_FAULT_RATE),
    latencyMs: num(env.EMULATOR_LATENCY_MS),
  };
  const sheets = createSheetsEmulator({
    stateFile: opts.stateDir && join(opts.stateDir, 'sheets.json'),
    ...faults,
    writeQuotaPerMinute: num(env.EMULATOR_WRITE_QUOTA),
  });
  const sendgrid = createSendGridSink({ stateFile: opts.stateDir && join(opts.stateDir, 'outbox.json'), ...faults });
  const storage = createStorageEmulator(faults);
  storage.ensureBucket(LOCAL_LEASE_BUCKET);
  if (opts.reset) {
    sheets.reset();
    sendgrid.reset();
  }
  // ── Google Form door (issue 5): the Forms emulator, the local form, formResponses ──
  const formsDoor = createLocalFormsDoor({ stateDir: opts.stateDir, reset: opts.reset, ...faults });

  const functions = new Map<string, RequestListener>();
  let page: PageHandler | undefined; // the local page, mounted once the functions are
  // Setup reaches the emulators through this server, so it listens before the functions
  // and the page are mounted; until they are, a request for them waits instead of a 404.
  let mounted!: () => void;
  const ready = new Promise<void>((resolve) => (mounted = resolve));
  const doorHosts = opts.host && opts.host !== '0.0.0.0' ? [opts.host.toLowerCase()] : [];
  const server: Server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  async function route(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0]!;
    const refused = path.startsWith('/local/') && req.method !== 'GET' ? refuseLocalDoor(req, doorHosts) : undefined;
    if (refused) return void res.writeHead(refused.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: refused.error }));
    const name = path.split('/')[1] ?? '';
    if (await sheets.handle(req, res)) return;
    if (await storage.handle(req, res)) return; // /storage/v1/…, /upload/storage/v1/…
    if (await sendgrid.handle(req, res)) return;
    if (path.startsWith('/v1/forms') && (await formsDoor.handle(req, res))) return; // the Forms API, which setup uses
    await ready;
    const fn = functions.get(name);
    if (fn) return fn(req, res);
    if (await formsDoor.handle(req, res)) return; // Google Form door: /local/forms/…
    if (page && (await page(req, res))) return;
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
  }
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`;

  const functionEnv: Record<string, string> = {
    SPREADSHEET_ID: LOCAL_SPREADSHEET_ID,
    INTAKE_SECRET: LOCAL_INTAKE_SECRET,
    SENDGRID_API_KEY: 'SG.local',
    MAIL_FROM: 'secretaria@xmess.local',
    STAFF_EMAILS: 'secretaria@xmess.local,coordinacio@xmess.local',
    GOOGLE_ROOT_URL: `${url}/`,
    SENDGRID_ROOT_URL: `${url}/`,
    LEASE_BUCKET: LOCAL_LEASE_BUCKET,
  };
  for (const name of PASSED_THROUGH) if (env[name]) functionEnv[name] = env[name];
  // The functions in this process run with this environment, as production sets theirs.
  useRuntimeEnv(functionEnv);

  let locale = opts.locale;
  const loadDemoWorkspace = async () => {
    sheets.ensureSpreadsheet(LOCAL_SPREADSHEET_ID, 'XMESS — Comissió Tècnica (local)', locale);
    await setupWorkspace({ spreadsheetId: LOCAL_SPREADSHEET_ID, rootUrl: `${url}/`, spec: workspaceSpec(demoSeed()) });
  };
  await loadDemoWorkspace();

  await import('../functions/intake');
  functions.set('intake', listenerOf('intake'));
  await import('../functions/sweep');
  functions.set('sweep', listenerOf('sweep'));

  // ── Local page (issue 8): GET /, its assets and the local-only /local/* endpoints. ──
  // Reset empties the sheet and the outbox and loads the demo workspace again, as
  // `npm start -- --reset`. The Forms emulator keeps the form and its watch (FORM_ID is
  // cached by the functions) and forgets its responses, or the next sweep's reconciliation
  // would write them back.
  const reset = async (next: { locale?: string } = {}) => {
    locale = next.locale ?? locale;
    sheets.reset();
    sendgrid.reset();
    storage.reset();
    formsDoor.forms.clearResponses();
    await loadDemoWorkspace();
  };
  page = createPageRoutes({ baseUrl: () => url, functionEnv, reset: () => reset() });
  // ── end of the local page block ──

  // ── Google Form door (issue 5): build the local form, register formResponses, start the watch ──
  await formsDoor.start({ url, spreadsheetId: LOCAL_SPREADSHEET_ID, functionEnv, register: (name) => functions.set(name, listenerOf(name)) });

  // Another instance of a function, in its own process, runs with exactly this environment.
  if (opts.stateDir) writeFunctionsEnv(join(opts.stateDir, 'functions.env'), functionEnv);

  mounted();
  return {
    url,
    sheets,
    sendgrid,
    storage,
    forms: formsDoor.forms,
    functionEnv,
    reset,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** The functions framework's own Express app for a registered function. */
function listenerOf(name: string): RequestListener {
  const listener = getTestServer(name).listeners('request')[0];
  if (typeof listener !== 'function') throw new Error(`function ${name} has no request listener`);
  return listener as RequestListener;
}
