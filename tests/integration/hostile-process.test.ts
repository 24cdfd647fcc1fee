// The functions as production runs them, in a process of their own: what reaches memory
// and what reaches the log when the bodies are hostile. Express prints errors only outside
// NODE_ENV=test, so this cannot be seen in the test process itself.
import { sheets } from '@googleapis/sheets';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sign } from '../../shared/domain/signature';
import { ca } from '../../shared/i18n/ca';
import { startChildStack, type ChildStack } from '../support/child-stack';
import { PERSONAL, personalCorpus, type Shot } from '../support/hostile-personal';
import { readLog } from '../support/stack';
import { validBody } from '../support/submissions';

let child: ChildStack;
beforeAll(async () => {
  child = await startChildStack();
});
afterAll(() => child?.close());

const MiB = 1024 * 1024;

/** The answer's status, or the error a client saw when the server closed on it. */
async function send(shot: Shot): Promise<number | string> {
  try {
    const res = await fetch(`${child.url}${shot.path ?? '/intake'}`, { method: 'POST', headers: shot.headers, body: shot.body, duplex: 'half' } as RequestInit);
    await res.arrayBuffer();
    return res.status;
  } catch (error) {
    return `closed: ${String((error as Error).cause ?? error)}`;
  }
}

const signed = (raw: string, headers: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  'x-signature': sign(child.functionEnv.INTAKE_SECRET!, raw),
  ...headers,
});

test('ten concurrent 30 MB bodies are refused before they are read: memory stays flat', async ({ annotate }) => {
  // Everything a valid request loads is loaded first, so the figure after is the attack's alone.
  expect(await send({ label: 'warm-up', headers: signed(JSON.stringify(validBody({ submissionId: 'mem-warm' }))), body: JSON.stringify(validBody({ submissionId: 'mem-warm' })) })).toBe(201);
  const before = child.peakRss();
  const big = Buffer.alloc(30 * MiB, 'a');
  const declared = await Promise.all(Array.from({ length: 10 }, () => send({ label: 'declared', headers: { 'content-type': 'application/json' }, body: big })));
  // The same bytes streamed, their length not declared: refused from the headers too.
  const streamed = await Promise.all(
    Array.from({ length: 10 }, () => {
      let left = 30;
      const body = new ReadableStream({
        pull(c) {
          if (left-- > 0) c.enqueue(big.subarray(0, MiB));
          else c.close();
        },
      });
      return send({ label: 'streamed', headers: { 'content-type': 'application/json' }, body });
    }),
  );
  const grown = child.peakRss() - before;
  expect(grown, `peak memory grew by ${(grown / MiB).toFixed(1)} MiB`).toBeLessThan(64 * MiB);
  await annotate(`peak resident memory grew by ${(grown / MiB).toFixed(1)} MiB under 10 × 30 MB declared and 10 × 30 MB streamed`);
  for (const s of declared) expect([413, expect.stringMatching(/^closed/)]).toContainEqual(s);
  expect(declared.filter((s) => s === 413).length, 'most clients read the 413').toBeGreaterThan(0);
  for (const s of streamed) expect([411, expect.stringMatching(/^closed/)]).toContainEqual(s);
  // And the process still serves.
  const raw = JSON.stringify(validBody({ submissionId: 'mem-after' }));
  expect(await send({ label: 'after', headers: signed(raw), body: raw })).toBe(201);
});

test('a signed body nested 10,000 arrays deep: a Catalan 400, recorded', async () => {
  const raw = `${'['.repeat(10_000)}"${PERSONAL[0]}"${']'.repeat(10_000)}`;
  const res = await fetch(`${child.url}/intake`, { method: 'POST', headers: signed(raw), body: raw });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { formErrors: string[] }).formErrors).toEqual([ca.errors.tooDeep]);
  const api = sheets({ version: 'v4', rootUrl: `${child.url}/` });
  const refused = (await readLog(api)).filter((e) => e.kind === 'invalida' && String(e.detail).includes(ca.errors.tooDeep));
  expect(refused).toHaveLength(1);
});

test('hostile bodies carrying personal data: never a 500, none of it in anything the process prints', async () => {
  const shots = personalCorpus(child.functionEnv.INTAKE_SECRET!);
  const answers = await Promise.all(shots.map(async (s) => [s.label, await send(s)] as const));
  for (const [label, status] of answers) {
    expect(typeof status === 'number' && status < 500, `${label}: ${status}`).toBe(true);
  }
  await new Promise((r) => setTimeout(r, 200)); // the last lines through the pipe
  const printed = child.printed().toLowerCase();
  for (const p of PERSONAL) expect(printed.includes(p.toLowerCase()), `printed: ${p}`).toBe(false);
  expect(printed).toContain('http: request refused'); // the process did log, by type
  // The corpus reached the framework's parser and the function, not only the guard.
  const statuses = new Set(answers.map(([, s]) => s));
  for (const s of [201, 400, 401, 411, 413, 415]) expect(statuses, `some answer ${s}`).toContain(s);
});
