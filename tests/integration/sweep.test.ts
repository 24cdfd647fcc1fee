// Decisions reach municipalities: the sweep on the local stack, with the Commission's
// cells edited through the Sheets API and the emails read from the SendGrid sink.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { IN_PROCESS_ONLY } from '../../shared/lease/guard';
import { Commission } from '../support/commission';
import { stackForm } from '../support/form-publish';
import { IN_CALL_2020_04, readLog, receiveOn, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

let stack: TestStack;
let commission: Commission;
const sweep = async () => {
  const res = await fetch(`${stack.url}/sweep`, { method: 'POST' });
  expect(res.status).toBe(200);
  return res.json() as Promise<{ sent: number; failed: number }>;
};
type Mail = { subject: string; categories?: string[]; personalizations: Array<{ to: Array<{ email: string }> }>; custom_args?: Record<string, string>; content: Array<{ type: string; value: string }> };
const mails = () => stack.sendgrid.messages().map((m) => m.body as Mail);
const decisionsTo = (email: string) => mails().filter((m) => m.custom_args?.kind === 'decisio' && m.personalizations[0]?.to[0]?.email === email);
const text = (m: Mail) => m.content.find((c) => c.type === 'text/plain')?.value ?? '';

beforeAll(async () => {
  stack = await startTestStack();
  commission = new Commission(stack.api);
  receiveOn(IN_CALL_2020_04);
  const bodies = ['d-1', 'd-2', 'd-3', 'd-4', 'd-5'].map((id, i) =>
    validBody({ submissionId: id, contactEmail: `${id}@example.cat`, municipality: ['Manresa', 'Celrà', 'Barcelona', 'La Garriga', 'Sant Cugat del Vallès'][i] }),
  );
  for (const b of bodies) expect((await stack.post(b)).status).toBe(201);
  vi.useRealTimers(); // received in the April 2020 call; the sweeps run today
  await sweep(); // the first digest (late/non-member etc.) goes out now, not in the tests below
}, 120_000);
afterAll(() => {
  vi.useRealTimers();
  return stack?.close();
});

describe('the sweep sends released decisions exactly once', () => {
  test('nothing is sent until "Enviar decisió" is ticked', async () => {
    await commission.type('d-1', { Decisió: 'Acceptada', 'Servei assignat': 'Mentoria' });
    await sweep();
    expect(decisionsTo('d-1@example.cat')).toHaveLength(0);
  });

  test('released decisions: one email each, with the right content; a second sweep sends nothing', async () => {
    await commission.release('d-1', 'Acceptada', { 'Servei assignat': 'Mentoria', 'Persona mentora o assessora': 'Ajuntament de <b>Celrà</b>', 'Contacte de la persona mentora o assessora': 'mentora@example.cat' });
    await commission.release('d-2', 'Denegada', { 'Missatge al municipi': 'Cal concretar més la necessitat.' });
    await commission.release('d-3', 'Derivada', { 'Derivada a': 'Banc de recursos de CCPR' });
    await commission.release('d-4', 'Llista d’espera');
    await sweep();
    const accepted = decisionsTo('d-1@example.cat');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.subject).toContain('acceptada');
    expect(text(accepted[0]!)).toContain('Mentoria');
    expect(text(accepted[0]!)).toContain('bones pràctiques');
    const html = accepted[0]!.content.find((c) => c.type === 'text/html')!.value;
    expect(html).toContain('&lt;b&gt;Celrà&lt;/b&gt;');
    expect(text(decisionsTo('d-2@example.cat')[0]!)).toContain('Cal concretar més la necessitat.');
    expect(text(decisionsTo('d-3@example.cat')[0]!)).toContain('Banc de recursos de CCPR');
    expect(decisionsTo('d-4@example.cat')[0]!.subject).toContain('llista d’espera');

    // A second sweep sends no decision again; the only new email is the evaluation of d-1,
    // whose call's sessions window (2020) is long over.
    const before = mails().length;
    await sweep();
    expect(mails().slice(before).map((m) => [m.categories?.[0], m.personalizations[0]!.to[0]!.email])).toEqual([['avaluacio', 'd-1@example.cat']]);
  });

  test('two sweeps at once still send one email per decision', async () => {
    await commission.release('d-5', 'Denegada');
    await Promise.all([sweep(), sweep(), sweep()]);
    expect(decisionsTo('d-5@example.cat')).toHaveLength(1);
  });

  test('changing a released decision sends one correction that says what changed', async () => {
    await commission.type('d-2', { Decisió: 'Acceptada', 'Servei assignat': 'Assessorament especialitzat', 'Hores assignades': 4 });
    await sweep();
    await sweep();
    const all = decisionsTo('d-2@example.cat');
    expect(all).toHaveLength(2);
    expect(all[1]!.subject).toContain('correcció');
    expect(text(all[1]!)).toMatch(/Ha canviat:.*Resolució/);
  });

  test('the notification state shows in the sheet', async () => {
    const res = await stack.api.spreadsheets.values.get({ spreadsheetId: 'local-workspace', range: commission.cell('d-1', 'Estat de la notificació') });
    expect(res.data.values?.[0]?.[0]).toBe('Enviada');
  });

  test('an acceptance that would take a pool below zero is held back and staff are told', async () => {
    // April 2020 mentoring pool is 8 h; d-1 already holds 4 h. Two more packages would need 8.
    receiveOn(IN_CALL_2020_04);
    for (const id of ['n-1', 'n-2']) {
      expect((await stack.post(validBody({ submissionId: id, contactEmail: `${id}@example.cat`, municipality: 'Manresa' }))).status).toBe(201);
    }
    vi.useRealTimers();
    await commission.refresh();
    await commission.release('n-1', 'Acceptada', { 'Servei assignat': 'Mentoria' });
    await commission.release('n-2', 'Acceptada', { 'Servei assignat': 'Mentoria' });
    await sweep();
    expect(decisionsTo('n-1@example.cat')).toHaveLength(1);
    expect(decisionsTo('n-2@example.cat')).toHaveLength(0);
    const log = await readLog(stack.api);
    expect(log.some((e) => e.kind === 'bloquejada' && e.requestId === 'n-2')).toBe(true);
    const digest = mails().filter((m) => m.custom_args?.kind === 'resum').at(-1)!;
    expect(text(digest)).toContain('No s’ha enviat l’acceptació');
  });
});

describe('faults end with every decision notified once', () => {
  test('Sheets 429/500 and SendGrid 5xx: retried until quiet, nothing sent twice', async () => {
    const ids = ['f-1', 'f-2', 'f-3'];
    for (const id of ids) {
      expect((await stack.post(validBody({ submissionId: id, contactEmail: `${id}@example.cat`, municipality: 'Barcelona' }))).status).toBe(201);
    }
    await commission.refresh();
    for (const id of ids) await commission.release(id, 'Denegada');
    stack.sheets.setFaults({ faultRate: 0.3 });
    stack.sendgrid.setFaults({ faultRate: 0.5 });
    // A failed decision backs off (5, 10, 20, 40 minutes) and stops after 5 tries: four
    // faulty sweeps leave it one try, which the quiet sweeps give once it is due.
    receiveOn(new Date().toISOString());
    const later = (minutes: number) => vi.setSystemTime(Date.now() + minutes * 60_000);
    for (let i = 0; i < 4; i++, later(6)) await fetch(`${stack.url}/sweep`, { method: 'POST' });
    stack.sheets.setFaults({ faultRate: 0 });
    stack.sendgrid.setFaults({ faultRate: 0 });
    for (let i = 0; i < 3; i++, later(41)) await sweep();
    for (const id of ids) expect(decisionsTo(`${id}@example.cat`)).toHaveLength(1);
  });

  test('a crash after the send: the intent is resent only after the timeout, and logged', async () => {
    expect((await stack.post(validBody({ submissionId: 'c-1', contactEmail: 'c-1@example.cat', municipality: 'Celrà' }))).status).toBe(201);
    await commission.refresh();
    await commission.release('c-1', 'Denegada');
    // The result write fails after the email went out: the log keeps only the intent.
    stack.sheets.setFaults({ failAfterApplyRate: 0 });
    const { createSweep } = await import('../../shared/pipeline/sweep');
    const { SheetsWorkspace } = await import('../../shared/adapters/sheets');
    const { SendGridMailer } = await import('../../shared/adapters/sendgrid');
    const store = new SheetsWorkspace({ spreadsheetId: 'local-workspace', rootUrl: `${stack.url}/`, retries: 0 });
    let writes = 0;
    const crashing = {
      readSweepState: () => store.readSweepState(),
      appendLog: async (log: Parameters<typeof store.appendLog>[0]) => {
        if (++writes === 2) throw new Error('process killed');
        return store.appendLog(log);
      },
    };
    const mailer = new SendGridMailer({ apiKey: 'SG.local', from: { email: 'secretaria@xmess.local' }, rootUrl: `${stack.url}/` });
    const logger = { log: () => undefined };
    let clock = new Date();
    const crashed = createSweep({ store: crashing, guard: IN_PROCESS_ONLY, mailer, logger, staff: ['secretaria@xmess.local'], now: () => clock });
    await expect(crashed()).rejects.toThrow('process killed');
    expect(decisionsTo('c-1@example.cat')).toHaveLength(1);
    // The process is gone, and the results it held with it: the next sweep is another one.
    const run = createSweep({ store, guard: IN_PROCESS_ONLY, mailer, logger, staff: ['secretaria@xmess.local'], now: () => clock });
    // Within the timeout: not resent.
    await run();
    expect(decisionsTo('c-1@example.cat')).toHaveLength(1);
    // After it: resent once (the documented window), and staff are told.
    clock = new Date(Date.now() + 11 * 60_000);
    await run();
    await run();
    expect(decisionsTo('c-1@example.cat')).toHaveLength(2);
    const digest = mails().filter((m) => m.custom_args?.kind === 'resum').at(-1)!;
    expect(text(digest)).toContain('Possible correu duplicat');
  });
});

describe('the sweep tells staff when the open call’s form takes no responses', () => {
  test('in each sweep’s digest, once, until npm run form -- update opens it again', async () => {
    const form = stackForm(stack);
    const closedIn = () => {
      const digest = mails().filter((m) => m.custom_args?.kind === 'resum').at(-1);
      return digest ? text(digest).split('no està publicat').length - 1 : 0;
    };
    const digests = () => mails().filter((m) => m.custom_args?.kind === 'resum').length;
    await form.close({ isPublished: false, isAcceptingResponses: false });
    for (let i = 0; i < 2; i++) {
      const before = digests();
      await sweep();
      expect(digests()).toBe(before + 1);
      expect(closedIn()).toBe(1);
    }
    expect(await form.update()).toBe(0);
    const before = digests();
    await sweep();
    expect(digests() === before || closedIn() === 0).toBe(true);
  });
});
