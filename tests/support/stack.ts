// Starts the local stack in this test process (port 0, in memory) and signs requests
// the way a relay would.
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { sign } from '../../shared/domain/signature';
import { vi } from 'vitest';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../emulators/local-stack';

process.env.LOG_LEVEL = 'silent';

/** A day inside the seed's 2020-04 call, before its deadline (validBody's submittedAt). */
export const IN_CALL_2020_04 = '2020-05-04T10:00:00+02:00';

/**
 * The intake decides the call by when it receives a request, not by the body's
 * `submittedAt`: tests about a past call move the clock (Date only; timers still run).
 * `vi.useRealTimers()` brings today back.
 */
export function receiveOn(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(iso));
}

export interface TestStack extends LocalStack {
  api: sheets_v4.Sheets;
  post(body: unknown, opts?: { secret?: string; t?: number; contentType?: string; raw?: string; signature?: string }): Promise<Response>;
}

/** `env`: as `npm start` reads it (EMULATOR_FAULT_RATE…); unset, the emulators start without faults. */
export async function startTestStack(opts: Pick<LocalStackOptions, 'locale' | 'stateDir' | 'env'> = {}): Promise<TestStack> {
  const stack = await startLocalStack(opts);
  const api = sheets({ version: 'v4', rootUrl: `${stack.url}/` });
  return {
    ...stack,
    api,
    async post(body, opts = {}) {
      const raw = opts.raw ?? JSON.stringify(body);
      const signature = opts.signature ?? sign(opts.secret ?? stack.functionEnv.INTAKE_SECRET!, raw, opts.t);
      return fetch(`${stack.url}/intake`, {
        method: 'POST',
        headers: { 'content-type': opts.contentType ?? 'application/json', 'x-signature': signature },
        body: raw,
      });
    },
  };
}

/** The request tab as objects keyed by header, read through the real client. */
export async function readRequests(api: sheets_v4.Sheets, render: 'FORMATTED_VALUE' | 'FORMULA' = 'FORMATTED_VALUE') {
  const res = await api.spreadsheets.values.get({
    spreadsheetId: 'local-workspace',
    range: "'Sol·licituds'",
    valueRenderOption: render,
  });
  const [header = [], ...rows] = res.data.values ?? [];
  return rows.map((r) => Object.fromEntries(header.map((h: string, i: number) => [h, r[i] ?? ''])));
}

export async function readLog(api: sheets_v4.Sheets) {
  const res = await api.spreadsheets.values.get({ spreadsheetId: 'local-workspace', range: 'Registre' });
  const [, ...rows] = res.data.values ?? [];
  return rows.map(([requestId, at, kind, state, key, detail]) => ({ requestId, at, kind, state, key, detail }));
}
