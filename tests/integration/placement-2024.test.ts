// The 2024 plan as the seeds describe it: its 50 hours of expert CCPR advisory are a yearly
// pool, not a call. A 2024 mentoring request goes to the call the Commission opened for it;
// a CCPR advisory request, with no advisory call open, is recorded under 2024, told so
// honestly, and accepted from the yearly pool. On an en_US and a ca_ES spreadsheet.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { Commission } from '../support/commission';
import { receiveOn, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';
import { workspaceTools } from '../support/workspace-tools';

const CCPR = 'Assessorament expert en CCPR';

let shared: TestStack | undefined;
afterAll(() => shared?.close());

describe.each(['en_US', 'ca_ES'])('2024 requests on a %s spreadsheet', (locale) => {
  let stack: TestStack;
  let commission: Commission;
  const { mails, text, values, put, sweep } = workspaceTools(() => stack);
  const helper = async (id: string, h: string) => (await values(commission.cell(id, h)))[0]?.[0] ?? '';
  const pool = async (id: string, service: string) => {
    const [header = [], ...rows] = await values("'Bosses d’hores'");
    const row = rows.find((r) => r[0] === id && r[1] === service);
    return Object.fromEntries(header.map((h, i) => [String(h), row?.[i]]));
  };
  const answers: Record<string, { reference: string; flags: string[] }> = {};

  beforeAll(async () => {
    if (shared) await shared.reset({ locale });
    else shared = await startTestStack({ locale });
    stack = shared;
    commission = new Commission(stack.api);
    // The Commission opens a 2024 mentoring call with its own pool.
    const callRow = (await values('Convocatòries!A:A')).length + 1;
    await put(`Convocatòries!A${callRow}`, [['2024-1', 'Convocatòria de mentories de 2024', '2024-02-01', '2024-03-15', '2024-03-01', '2024-06-30', '', '', 4, 2, '']]);
    const poolRow = (await values("'Bosses d’hores'!A:A")).length + 1;
    await put(`'Bosses d’hores'!A${poolRow}`, [['2024-1', 'Mentoria', 8]]);
    const bodies = [
      validBody({ submissionId: 'm24', submittedAt: '2024-02-20T10:00:00+01:00', municipality: 'Manresa', serviceType: 'mentoring', contactEmail: 'm24@example.cat' }),
      validBody({ submissionId: 'c24', submittedAt: '2024-04-10T10:00:00+02:00', municipality: 'Celrà', serviceType: 'advisory', topic: 'Compra i Contractació Pública Responsable (CCPR)', contactEmail: 'c24@example.cat' }),
      validBody({ submissionId: 'e24', submittedAt: '2024-02-25T10:00:00+01:00', municipality: 'Barcelona', serviceType: 'either', contactEmail: 'e24@example.cat' }),
    ];
    for (const b of bodies) {
      receiveOn(String(b.submittedAt)); // received when sent: the receipt decides the call
      const res = await stack.post(b);
      vi.useRealTimers();
      expect(res.status).toBe(201);
      answers[String(b.submissionId)] = (await res.json()) as { reference: string; flags: string[] };
    }
    await commission.refresh();
  }, 120_000);

  test('the mentoring request is placed in the 2024 call and confirmed with its deadline', async () => {
    expect(answers.m24).toEqual({ reference: '2024-1-001', flags: [] });
    expect(await helper('m24', 'Convocatòria')).toBe('2024-1');
    const confirmation = text(mails('m24@example.cat', 'confirmacio')[0]);
    expect(confirmation).toContain('la convocatòria de mentories de 2024');
    expect(confirmation).toContain('fins al 15 de març de 2024');
    expect(confirmation).not.toContain('desembre');
  });

  test('the CCPR advisory request fits no open call: recorded under 2024, flagged, told so, the yearly pool named', async () => {
    expect(answers.c24).toEqual({ reference: '2024-001', flags: ['no_call'] });
    expect(await helper('c24', 'Convocatòria')).toBe('2024');
    expect(await helper('c24', 'Sense convocatòria oberta')).toBe(true);
    const confirmation = text(mails('c24@example.cat', 'confirmacio')[0]);
    expect(confirmation).toContain('no hi ha cap convocatòria oberta per al servei que demaneu');
    expect(confirmation).toContain(`${CCPR}: 50 h`);
    expect(confirmation).not.toMatch(/fins al|desembre/);
  });

  test('both accepted: the mentoring one from its call’s pool, the CCPR one from the 50-hour yearly pool', async () => {
    await commission.release('m24', 'Acceptada'); // service left blank: the one asked for
    await commission.release('c24', 'Acceptada', { 'Servei assignat': CCPR });
    await sweep();
    expect(text(mails('m24@example.cat', 'decisio')[0])).toContain('Servei: Mentoria');
    expect(text(mails('c24@example.cat', 'decisio')[0])).toContain(`Servei: ${CCPR}`);
    expect(await helper('c24', 'Bossa')).toBe('2024');
    expect(await pool('2024-1', 'Mentoria')).toMatchObject({ Assignades: 4, Restants: 4, 'Pendents d’enviar': 0 });
    expect(await pool('2024', CCPR)).toMatchObject({ 'Hores de la bossa': 50, Assignades: 4, Restants: 46 });
  });

  test('"either" accepted without a service is held until the Commission chooses one', async () => {
    await commission.release('e24', 'Acceptada');
    await sweep();
    expect(mails('e24@example.cat', 'decisio')).toEqual([]);
    expect(await pool('2024-1', 'Mentoria')).toMatchObject({ Assignades: 4 });
    await commission.type('e24', { 'Servei assignat': 'Mentoria' });
    await sweep();
    expect(text(mails('e24@example.cat', 'decisio')[0])).toContain('Servei: Mentoria');
    expect(await pool('2024-1', 'Mentoria')).toMatchObject({ Assignades: 8, Restants: 0 });
  });
});
