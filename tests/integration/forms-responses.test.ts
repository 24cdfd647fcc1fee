// The Google Form door end to end on the local stack: a response added to the Forms
// emulator, the watch's Pub/Sub event POSTed to formResponses through the functions
// framework, the production adapters, the Sheets emulator and the SendGrid sink.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PubSubData } from '../../functions/formResponses';
import { formAnswers } from '../support/form-answers';
import { formsDoor, message } from '../support/forms-door';
import { readRequests, startTestStack, type TestStack } from '../support/stack';

// Generous: each test drives the whole local stack (Forms → function → Sheets → SendGrid).
const SLOW = 120_000;
let stack: TestStack;
let door: ReturnType<typeof formsDoor>;

beforeAll(async () => {
  stack = await startTestStack();
  door = formsDoor(stack);
});
afterAll(() => stack?.close());

const add = (overrides: Record<string, string[]> = {}) => stack.forms.addResponse(door.formId, formAnswers(overrides)).responseId;
const to = (email: string) => door.mails().filter((m) => m.personalizations[0]?.to[0]?.email === email);

describe('the watch path', () => {
  test('a response goes Forms → watch → Pub/Sub event → formResponses → one row and a confirmation', async () => {
    const id = add({ contactEmail: ['watch-path@example.cat'] });
    await stack.forms.flush();
    expect(stack.forms.listenerErrors()).toEqual([]);
    const row = (await readRequests(stack.api)).find((r) => r.ID === id);
    expect(row).toMatchObject({ Convocatòria: 'DEMO', 'Ajuntament / Consell Comarcal': 'Manresa' });
    expect(to('watch-path@example.cat')).toHaveLength(1);
  }, SLOW);

  test('3 responses in one notification: one read, one append, one log write', async () => {
    await door.withWatchPaused(async () => {
      const ids = [1, 2, 3].map((n) => add({ contactEmail: [`trio-${n}@example.cat`] }));
      stack.sheets.resetCounters();
      expect(await door.notify()).toBe(204);
      // spreadsheets.get: the pipeline's snapshot; batchUpdate #1: the 3 rows and their log
      // entries (the one append); batchUpdate #2: the email results in the log.
      expect(stack.sheets.counters().byMethod).toEqual({ 'spreadsheets.get': 1, 'spreadsheets.batchUpdate': 2 });
      expect(await door.rowCounts(ids)).toEqual([1, 1, 1]);
    });
  }, SLOW);

  test('the same notification 10 times at once: one row, one confirmation, at most 3 Sheets calls', async () => {
    await door.withWatchPaused(async () => {
      const id = add({ contactEmail: ['ten-times@example.cat'] });
      stack.sheets.resetCounters();
      const data = message({ formId: door.formId, watchId: 'w', eventType: 'RESPONSES' });
      expect(await Promise.all(Array.from({ length: 10 }, () => door.notify(data)))).toEqual(Array(10).fill(204));
      expect(stack.sheets.counters().total).toBeLessThanOrEqual(3);
      expect(await door.rowCounts([id])).toEqual([1]);
      expect(to('ten-times@example.cat')).toHaveLength(1);
    });
  }, SLOW);

  test('a notification with no data, or with no message, is enough: the function lists anyway', async () => {
    await door.withWatchPaused(async () => {
      const ids = [add({ contactEmail: ['no-data-1@example.cat'] }), add({ contactEmail: ['no-data-2@example.cat'] })];
      expect(await door.notify(undefined, 'structured')).toBe(204);
      expect(await door.notify({} as PubSubData)).toBe(204);
      expect(await door.rowCounts(ids)).toEqual([1, 1]);
    });
  }, SLOW);

  test('a notification about another form lists nothing', async () => {
    const before = stack.forms.counters().byMethod['forms.responses.list'] ?? 0;
    expect(await door.notify(message({ formId: 'another-form-id', watchId: 'w', eventType: 'RESPONSES' }))).toBe(204);
    expect(stack.forms.counters().byMethod['forms.responses.list'] ?? 0).toBe(before);
  });
});
