// The sweep's API budget on a workspace of 1,000 requests with reviews and sessions, counted
// by the emulators: at most 2 Sheets reads and 1 log write, plus one call per email (here:
// one write of intents, and the SendGrid sends). Whatever the number of rows.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadWorkspace } from '../../bench/workspace-load';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await loadWorkspace(stack.api, `${stack.url}/`, 1000, 10);
}, 180_000);
afterAll(() => stack?.close());

test('one sweep over 1,000 requests sending 10 decisions stays within 3 Sheets calls plus one per email', async () => {
  stack.sheets.resetCounters();
  const before = stack.sendgrid.messages().length;
  const res = await fetch(`${stack.url}/sweep`, { method: 'POST' });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { sent: number }).sent).toBe(10);
  const sheets = stack.sheets.counters();
  expect(sheets.reads).toBeLessThanOrEqual(2);
  expect(sheets.total).toBeLessThanOrEqual(3);
  // The 10 decisions; the demo's 2020 calls are past their retention date, so a digest says so too.
  const kinds = stack.sendgrid.messages().slice(before).map((m) => (m.body as { categories?: string[] }).categories?.[0]);
  expect(kinds.filter((k) => k === 'decisio')).toHaveLength(10);
  expect(kinds.filter((k) => k !== 'decisio')).toEqual(['resum']);

  stack.sheets.resetCounters();
  const quiet = await fetch(`${stack.url}/sweep`, { method: 'POST' });
  expect(((await quiet.json()) as { sent: number }).sent).toBe(0);
  expect(stack.sheets.counters().total).toBeLessThanOrEqual(2);
}, 120_000);
