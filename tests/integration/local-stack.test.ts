// `npm start`'s code path: the local stack started as the script starts it (a fixed port,
// the fault switches from the environment), requests arriving while it starts, and the
// local-only doors called from another site.
import { request } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startLocalStack, type LocalStack } from '../../emulators/local-stack';
import { readRequests } from '../support/stack';
import { validBody } from '../support/submissions';
import { sheets } from '@googleapis/sheets';
import { freePort } from '../support/processes';

process.env.LOG_LEVEL = 'silent';

let stack: LocalStack;
let port: number;
/** Statuses of requests sent to /intake and / while the stack was starting. */
const duringStart: Array<number | string> = [];


/** A raw request, so Host, Origin and Sec-Fetch-Site are exactly what a browser would send. */
function send(path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  port = await freePort();
  // As `npm start` with EMULATOR_FAULT_RATE set: about one request in three to any emulator
  // fails (429, 500 or 503), so setup's dozen calls all going through by luck is rare (~1 %).
  const starting = startLocalStack({ port, env: { ...process.env, EMULATOR_FAULT_RATE: '0.3' } });
  let started = false;
  void starting.then(() => (started = true), () => (started = true));
  const probes: Array<Promise<void>> = [];
  while (!started) {
    for (const path of ['/intake', '/']) {
      probes.push(
        fetch(`http://127.0.0.1:${port}${path}`, { method: path === '/' ? 'GET' : 'POST', headers: { 'content-type': 'application/json' }, body: path === '/' ? undefined : '{}' })
          .then((r) => void duringStart.push(r.status))
          .catch(() => undefined), // not listening yet
      );
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  stack = await starting;
  await Promise.all(probes);
  for (const e of [stack.sheets, stack.sendgrid, stack.forms]) e.setFaults({ faultRate: 0 });
}, 120_000);
afterAll(() => stack?.close());

test('with EMULATOR_FAULT_RATE set, the stack starts: setup retries as the functions do', async () => {
  const api = sheets({ version: 'v4', rootUrl: `${stack.url}/` });
  const tabs = await api.spreadsheets.get({ spreadsheetId: stack.functionEnv.SPREADSHEET_ID!, fields: 'sheets(properties(title))' });
  expect((tabs.data.sheets ?? []).map((s) => s.properties?.title)).toEqual(expect.arrayContaining(['Sol·licituds', 'Municipis', 'Registre']));
});

test('while it starts, every route answers: a request waits for the functions, never a 404', () => {
  expect(duringStart.length, 'requests reached the server before it finished starting').toBeGreaterThan(0);
  expect(duringStart.filter((s) => s === 404)).toEqual([]);
  expect(new Set(duringStart)).toEqual(new Set([401, 200])); // the intake's answer to an unsigned body; the page
});

test.each([
  ['an Origin from another site', { origin: 'http://evil.example' }, 403],
  ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 403],
  ['a same-site fetch from another port', { 'sec-fetch-site': 'same-site' }, 403],
  ['a host name rebound to this machine', { host: 'evil.example:8080', origin: 'http://evil.example:8080' }, 403],
  ['text/plain (a form post needs no preflight)', { 'content-type': 'text/plain' }, 415],
  ['no content type', { 'content-type': '' }, 415],
])('the local doors refuse %s', async (_label, headers, status) => {
  const body = JSON.stringify(validBody({ submissionId: `cross-${status}-${Object.keys(headers).join('-')}`, submittedAt: new Date().toISOString() }));
  const base = { 'content-type': 'application/json', host: `127.0.0.1:${port}` };
  const formId = stack.functionEnv.FORM_ID!;
  for (const path of ['/local/intake', '/local/check', '/local/reset', `/local/forms/${formId}/responses`]) {
    const res = await send(path, { ...base, ...headers }, path.startsWith('/local/forms') ? JSON.stringify({ answers: {} }) : body);
    expect(res.status, path).toBe(status);
    expect((JSON.parse(res.text) as { error: string }).error, path).toMatch(/local/);
  }
  const api = sheets({ version: 'v4', rootUrl: `${stack.url}/` });
  expect((await readRequests(api)).filter((r) => String(r.ID).startsWith('cross-'))).toEqual([]);
});

test('the page itself still reaches them: same origin, JSON', async () => {
  const body = JSON.stringify(validBody({ submissionId: 'same-origin-1', submittedAt: new Date().toISOString() }));
  const res = await send('/local/intake', { 'content-type': 'application/json', host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' }, body);
  expect(res.status).toBe(201);
  const local = await send('/local/check', { 'content-type': 'application/json', host: `localhost:${port}`, origin: `http://localhost:${port}` }, body);
  expect(local.status).toBe(200);
});
