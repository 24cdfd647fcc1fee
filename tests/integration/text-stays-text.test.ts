// What people type reaches the Commission's sheet as the text it was, whatever it looks like
// to Sheets (a date, a number, a percentage, a boolean, a formula) and whatever the
// spreadsheet's locale: through every door — the signed HTTP intake, the Google Form's watch
// notification, and the sweep's reconciliation of a response whose notification was lost.
import { afterAll, describe, expect, test, vi } from 'vitest';
import { formAnswers } from '../support/form-answers';
import { formsDoor } from '../support/forms-door';
import { IN_CALL_2020_04, readRequests, receiveOn, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';
import { REQUEST_COLUMNS } from '../../shared/workspace/request-row';

const SLOW = 120_000;

// Free-text answers, each something USER_ENTERED would turn into another type in some locale.
const TRICKY = {
  contactName: '2020-04',
  contactRole: '1,5',
  contactPhone: '+34 600 000 000',
  need: '=1+1',
  expectedImpact: '50%',
  transferability: 'TRUE',
  alignment: '03/04/2020',
} as const;


let shared: TestStack | undefined;
afterAll(() => shared?.close());

/** The request's row as text, in both the formatted and the formula render. */
async function rowsOf(stack: TestStack, id: string) {
  const find = (rows: Array<Record<string, unknown>>) => rows.find((r) => r.ID === id);
  return [find(await readRequests(stack.api)), find(await readRequests(stack.api, 'FORMULA'))];
}

describe.each(['en_US', 'ca_ES'])('on a %s spreadsheet', (locale) => {
  const start = async (): Promise<TestStack> => {
    if (shared) await shared.reset({ locale });
    else shared = await startTestStack({ locale });
    return shared;
  };
  let stack: TestStack;

  function expectText(row: Record<string, unknown> | undefined) {
    expect(row, 'the request has a row').toBeDefined();
    for (const [key, text] of Object.entries(TRICKY)) {
      const header = REQUEST_COLUMNS[key as keyof typeof TRICKY];
      expect(header in row!, `column ${header}`).toBe(true);
      expect(row![header], header).toBe(text);
    }
  }

  test('the signed HTTP intake: user strings, the call ID and the reference stay text', async () => {
    stack = await start();
    const id = `text-${locale}`;
    receiveOn(IN_CALL_2020_04); // received during the April 2020 call: its ID looks like a date
    const res = await stack.post(validBody({ submissionId: id, ...TRICKY }));
    vi.useRealTimers();
    expect(res.status).toBe(201);
    for (const row of await rowsOf(stack, id)) {
      expectText(row);
      expect(row?.['Convocatòria']).toBe('2020-04');
      expect(String(row?.['Referència'])).toMatch(/^2020-04-\d{3}$/);
    }
  }, SLOW);

  const answers = (email: string) =>
    formAnswers({ ...Object.fromEntries(Object.entries(TRICKY).map(([k, v]) => [k, [v]])), contactEmail: [email] });

  test('the Google Form: a response through the watch notification', async () => {
    const door = formsDoor(stack);
    let id = '';
    await door.withWatchPaused(async () => {
      id = stack.forms.addResponse(door.formId, answers(`form-${locale}@example.cat`)).responseId;
      expect(await door.notify()).toBe(204);
    });
    for (const row of await rowsOf(stack, id)) {
      expectText(row);
      expect(row?.['Convocatòria']).toBe('DEMO');
    }
  }, SLOW);

  test('the sweep: a response whose notification was lost, reconciled', async () => {
    const door = formsDoor(stack);
    let id = '';
    await door.withWatchPaused(async () => {
      id = stack.forms.addResponse(door.formId, answers(`lost-${locale}@example.cat`)).responseId;
    });
    expect(await door.rowCounts([id])).toEqual([0]);
    expect((await fetch(`${stack.url}/sweep`, { method: 'POST' })).status).toBe(200);
    for (const row of await rowsOf(stack, id)) expectText(row);
  }, SLOW);
});
