// Local Google Sheets API v4 emulator speaking the REST wire protocol, so the production
// client (`@googleapis/sheets` with `rootUrl`) runs against it unchanged. Mount `handle` in
// any node:http server; it answers everything under /v4/spreadsheets and leaves other
// paths alone. Authorization headers are accepted and ignored.
//
// Every write works on a copy of the spreadsheet that replaces the stored one only when the
// whole call succeeded: batchUpdate and values.batchUpdate are all-or-nothing as in Google.
// The copy shares cells with the original until it changes them (model-cells.ts), and the
// formula engine follows the copy, or is dropped when a failed write had reached it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, invalid, notFound, sendError, sendJson } from './errors';
import { FaultInjector } from './faults';
import type { SheetsFaults } from './faults';
import { parseFieldMask, selectFields } from './fields';
import { engineFollow, engineRevert } from './engine';
import { cloneForWrite, newSpreadsheet } from './model';
import type { Json, Spreadsheet } from './model';
import { route } from './routes';
import { spreadsheetJson } from './spreadsheets';
import { SpreadsheetStore } from './store';
import type { ApiRequest } from './values';

export type { SheetsFaults } from './faults';

export interface SheetsEmulatorOptions extends Partial<SheetsFaults> {
  /** JSON persistence: loaded at creation if it exists, rewritten atomically after each mutating call. */
  stateFile?: string;
  /** For deterministic fault tests. */
  random?: () => number;
  /** ms clock for quota windows. */
  now?: () => number;
}

export interface SheetsCounters {
  total: number;
  reads: number;
  writes: number;
  byMethod: Record<string, number>;
}

export interface SheetsEmulator {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Creates the spreadsheet if missing, as a person would in the UI: in `locale` (en_US by default). */
  ensureSpreadsheet(id: string, title: string, locale?: string): void;
  counters(): SheetsCounters;
  resetCounters(): void;
  setFaults(f: Partial<SheetsFaults>): void;
  reset(): void;
}

const PREFIX = '/v4/spreadsheets';

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

function parseBody(text: string): Json {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Json;
  } catch {
    throw invalid(`Invalid JSON payload received. Unexpected token.\n${text.slice(0, 40)}\n^`);
  }
}

export function createSheetsEmulator(opts: SheetsEmulatorOptions = {}): SheetsEmulator {
  const store = new SpreadsheetStore(opts.stateFile);
  const faults = new FaultInjector(opts, opts.random ?? Math.random, opts.now ?? Date.now);
  let counters: SheetsCounters = { total: 0, reads: 0, writes: 0, byMethod: {} };

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const httpMethod = (req.method ?? 'GET').toUpperCase();
    const r = route(httpMethod, url.pathname.slice(PREFIX.length));
    const method = r?.method ?? 'unknown';
    const write = r ? r.write : httpMethod !== 'GET';
    counters.total++;
    if (write) counters.writes++;
    else counters.reads++;
    counters.byMethod[method] = (counters.byMethod[method] ?? 0) + 1;

    // The body is drained first so an early error never races a client still uploading.
    const text = httpMethod === 'GET' ? '' : await readText(req);
    await faults.delay();
    const fault = faults.beforeRequest();
    if (fault) throw fault;
    const body = parseBody(text);
    if (!r) throw notFound();
    const stored = r.id !== undefined ? store.get(r.id) : undefined;
    if (r.id !== undefined && !stored) throw notFound();
    if (write && r.id !== undefined) {
      const quota = faults.writeQuota(r.id);
      if (quota) throw quota;
    }
    const apiReq: ApiRequest = { query: url.searchParams, body };
    let answer: unknown;
    if (!write) {
      answer = r.run(stored, apiReq);
    } else {
      const working = stored ? cloneForWrite(stored) : undefined;
      if (stored && working) engineFollow(stored, working);
      let result: unknown;
      try {
        result = r.run(working, apiReq);
      } catch (e) {
        if (stored && working) engineRevert(working, stored);
        throw e;
      }
      const created = !working ? (result as Spreadsheet) : undefined;
      store.put(created ?? (working as Spreadsheet));
      store.persist();
      answer = created ? spreadsheetJson(created, [], false) : result;
      const lost = faults.afterApply();
      if (lost) throw lost;
    }
    const fields = url.searchParams.get('fields');
    if (fields) {
      let tree;
      try {
        tree = parseFieldMask(fields);
      } catch {
        throw invalid(`Invalid field selection ${fields}`);
      }
      answer = selectFields(answer, tree);
    }
    sendJson(res, 200, answer);
  }

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) return false;
      try {
        await serve(req, res, url);
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError('INTERNAL', `Internal error encountered: ${String(e)}`);
        if (!res.headersSent) sendError(res, err);
        else res.end();
      }
      return true;
    },
    ensureSpreadsheet(id, title, locale) {
      if (store.get(id)) return;
      const ss = newSpreadsheet(id, title, 'Full 1');
      if (locale) ss.properties['locale'] = locale;
      store.put(ss);
      store.persist();
    },
    counters: () => structuredClone(counters),
    resetCounters() {
      counters = { total: 0, reads: 0, writes: 0, byMethod: {} };
    },
    setFaults: (f) => faults.set(f),
    reset() {
      store.clear();
      store.persist();
      faults.resetQuota();
    },
  };
}
