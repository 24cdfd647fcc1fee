// What the Google Form door does when the notifications cannot be trusted: edits that
// must not overwrite a row, invalid responses listed again, listings across pages and out
// of order, and notifications lost entirely (the sweep's reconciliation).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formAnswers } from '../support/form-answers';
import { formsDoor } from '../support/forms-door';
import { readLog, readRequests, startTestStack, type TestStack } from '../support/stack';

// Generous: each test drives the whole local stack (Forms → function → Sheets → SendGrid).
const SLOW = 120_000;
let stack: TestStack;
let door: ReturnType<typeof formsDoor>;

beforeAll(async () => {
  stack = await startTestStack();
  door = formsDoor(stack);
});
afterAll(() => stack?.close());

const add = (overrides: Record<string, string[]> = {}, at?: Date) => stack.forms.addResponse(door.formId, formAnswers(overrides), at ? { at } : {}).responseId;
const editNotices = () => door.mails().filter((m) => m.custom_args?.kind === 'editada');

describe('edits and invalid responses', () => {
  test('an edited response never overwrites its row: it is logged and staff get one notice, once', async () => {
    const id = add({ contactName: ['Pere Vila'], contactEmail: ['edit@example.cat'] }, new Date(Date.now() - 60_000));
    await stack.forms.flush();
    const noticesBefore = editNotices().length;

    stack.forms.editResponse(door.formId, id, formAnswers({ contactName: ['Pere Vila i Soler'], contactEmail: ['edit@example.cat'] }));
    await stack.forms.flush();
    expect(stack.forms.listenerErrors()).toEqual([]);
    const rows = (await readRequests(stack.api)).filter((r) => r.ID === id);
    expect(rows.map((r) => r['Persona de contacte'])).toEqual(['Pere Vila']);
    const edits = (await readLog(stack.api)).filter((e) => e.requestId === id && e.kind === 'editada');
    expect(edits).toHaveLength(1);
    expect(edits[0]?.key).toMatch(new RegExp(`^editada:${id}:`));
    expect(edits[0]?.detail).toContain('Pere Vila i Soler'); // the new answers are kept
    expect(editNotices()).toHaveLength(noticesBefore + 1);
    expect(editNotices().at(-1)?.subject).toContain('modificat');
    expect(editNotices().at(-1)?.personalizations[0]?.to.map((t) => t.email)).toContain('secretaria@xmess.local');

    // Delivered again, and seen by a cold instance that never met it: still noted once.
    expect(await door.notify()).toBe(204);
    const cold = await door.coldInstance();
    stack.sheets.resetCounters();
    await cold();
    expect(stack.sheets.counters().total).toBeLessThanOrEqual(3);
    expect(editNotices()).toHaveLength(noticesBefore + 1);
    expect((await readLog(stack.api)).filter((e) => e.requestId === id && e.kind === 'editada')).toHaveLength(1);
  }, SLOW);

  test('an invalid response is recorded and reported once, whichever instance lists it again', async () => {
    const id = add({ contactEmail: ['no-és-un-correu'] });
    await stack.forms.flush();
    const invalid = async () => (await readLog(stack.api)).filter((e) => e.requestId === id && e.kind === 'invalida');
    expect(await door.rowCounts([id])).toEqual([0]);
    expect((await invalid()).map((e) => e.detail)).toEqual([expect.stringContaining('Correu electrònic')]);
    await door.notify();
    await (await door.coldInstance())();
    expect(await invalid()).toHaveLength(1);
  }, SLOW);
});

describe('listing', () => {
  test('across pages and out of time order, and one that shows up late inside the overlap', async () => {
    await door.withWatchPaused(async () => {
      const now = Date.now();
      const ids = [4, 1, 3, 0, 2].map((m, i) => add({ contactEmail: [`page-${i}@example.cat`] }, new Date(now - m * 60_000)));
      const instance = await door.coldInstance({ pageSize: 2 });
      const lists = () => stack.forms.counters().byMethod['forms.responses.list'] ?? 0;
      const before = lists();
      await instance();
      expect(lists() - before).toBeGreaterThanOrEqual(3); // every page was read
      expect(await door.rowCounts(ids)).toEqual([1, 1, 1, 1, 1]);

      // Stamped before the newest one seen, visible only now: the overlap still finds it.
      const late = add({ contactEmail: ['late-visible@example.cat'] }, new Date(now - 5 * 60_000));
      await instance();
      expect(await door.rowCounts([late])).toEqual([1]);
    });
  }, SLOW);
});

describe('reconciliation', () => {
  test('an edit made before the instance started is left to the sweep, which notes it once', async () => {
    let id = '';
    await door.withWatchPaused(async () => {
      id = add({ contactName: ['Marta Puig'], contactEmail: ['history-edit@example.cat'] }, new Date(Date.now() - 60_000));
      expect(await door.notify()).toBe(204);
      stack.forms.editResponse(door.formId, id, formAnswers({ contactName: ['Marta Puig i Roca'], contactEmail: ['history-edit@example.cat'] }));
      await new Promise((r) => setTimeout(r, 5)); // the instance below starts after the edit
      const before = editNotices().length;
      await (await door.coldInstance())();
      expect(editNotices()).toHaveLength(before); // not first-hand: another instance may have noted it
      expect((await fetch(`${stack.url}/sweep`, { method: 'POST' })).status).toBe(200);
      expect(editNotices()).toHaveLength(before + 1);
      expect((await fetch(`${stack.url}/sweep`, { method: 'POST' })).status).toBe(200);
      expect(editNotices()).toHaveLength(before + 1);
    });
    expect((await readRequests(stack.api)).find((r) => r.ID === id)?.['Persona de contacte']).toBe('Marta Puig');
  }, SLOW);


  test('notifications lost entirely: the next sweep adds the rows and tells staff', async () => {
    let lost: string[] = [];
    await door.withWatchPaused(async () => {
      lost = [add({ contactEmail: ['lost-1@example.cat'] }, new Date(Date.now() - 2 * 60 * 60_000)), add({ contactEmail: ['lost-2@example.cat'] })];
    });
    expect(await door.rowCounts(lost)).toEqual([0, 0]);
    expect((await fetch(`${stack.url}/sweep`, { method: 'POST' })).status).toBe(200);
    expect(await door.rowCounts(lost)).toEqual([1, 1]);
    const told = door.mails().filter((m) => m.content.some((c) => c.value.includes('La conciliació amb Google Forms ha afegit 2 sol·licituds')));
    expect(told).toHaveLength(1);

    // The next sweep finds nothing missing and adds nothing, reading the workspace once:
    // the reconciliation uses what the sweep read.
    const count = (await readRequests(stack.api)).length;
    stack.sheets.resetCounters();
    expect((await fetch(`${stack.url}/sweep`, { method: 'POST' })).status).toBe(200);
    expect(stack.sheets.counters().byMethod['spreadsheets.get']).toBe(1);
    expect((await readRequests(stack.api)).length).toBe(count);
  }, SLOW);
});

describe('a response only the pipeline can refuse', () => {
  test('an area its call no longer offers: recorded once, not again on every sweep', async () => {
    const range = "'Convocatòries'!A2:K";
    const calls = (await stack.api.spreadsheets.values.get({ spreadsheetId: 'local-workspace', range })).data.values ?? [];
    const row = calls.findIndex((r) => r[0] === 'DEMO') + 2;
    const cell = `'Convocatòries'!K${row}`;
    const topics = String(calls[row - 2]?.[10] ?? '');
    // The Commission drops an area after the form was built, and nobody runs `form update`.
    await stack.api.spreadsheets.values.update({ spreadsheetId: 'local-workspace', range: cell, valueInputOption: 'RAW', requestBody: { values: [['Cures']] } });
    try {
      const id = add({ topic: ['Energia'], contactEmail: ['dropped-area@example.cat'] });
      await stack.forms.flush();
      for (let i = 0; i < 2; i++) expect((await fetch(`${stack.url}/sweep`, { method: 'POST' })).status).toBe(200);
      // Every cold start of the function lists every response again.
      const notices = () => door.mails().filter((m) => m.content.some((c) => c.value.includes(id))).length;
      const told = notices();
      await (await door.coldInstance())();
      expect(notices()).toBe(told);
      const logged = (await readLog(stack.api)).filter((e) => e.requestId === id && e.kind === 'invalida');
      expect(logged.map((e) => e.detail)).toEqual([expect.stringContaining('Àmbit temàtic')]);
    } finally {
      await stack.api.spreadsheets.values.update({ spreadsheetId: 'local-workspace', range: cell, valueInputOption: 'RAW', requestBody: { values: [[topics]] } });
    }
  }, SLOW);
});

describe('a row removed by a person', () => {
  test('is not made again by the reconciliation, no second confirmation goes, and staff hear of it once', async () => {
    const id = add({ contactEmail: ['gone@example.cat'] });
    await stack.forms.flush();
    expect(await door.rowCounts([id])).toEqual([1]);
    const reference = String((await readRequests(stack.api)).find((r) => r.ID === id)!['Referència']);
    const confirmations = () => door.mails().filter((m) => m.custom_args?.kind === 'confirmacio' && m.custom_args.requestId === id).length;
    expect(confirmations()).toBe(1);

    // The sheet's owner empties the row (protections do not hold the owner back).
    const row = (await readRequests(stack.api)).findIndex((r) => r.ID === id) + 2;
    await stack.api.spreadsheets.values.clear({ spreadsheetId: 'local-workspace', range: `'Sol·licituds'!A${row}:ZZ${row}` });
    expect(await door.rowCounts([id])).toEqual([0]);

    const digests = () => door.mails().filter((m) => m.custom_args?.kind === 'resum' && JSON.stringify(m.content).includes(reference)).length;
    for (let i = 0; i < 2; i++) expect((await fetch(`${stack.url}/sweep`, { method: 'POST' })).status).toBe(200);
    expect(await door.rowCounts([id])).toEqual([0]);
    expect(confirmations()).toBe(1);
    expect(digests()).toBe(1);
  }, SLOW);
});
