// Emails that can never be sent stop: a refusal for good is not retried for the same
// recipients, transient failures back off and stop, a decision whose cells show an error
// or a bad address is held, and staff hear of each once, with the cell to fix.
import { describe, expect, test } from 'vitest';
import { IN_PROCESS_ONLY } from '../../shared/lease/guard';
import { localStamp } from '../../shared/domain/dates';
import type { LogEntry } from '../../shared/domain/log-entry';
import type { RequestView, SweepState } from '../../shared/domain/workspace-state';
import { UpstreamError } from '../../shared/errors';
import { createLogger } from '../../shared/log';
import { recipientTag, sendResult } from '../../shared/outbox';
import { createSweep } from '../../shared/pipeline/sweep';
import type { OutgoingEmail } from '../../shared/ports';
import { planSweep } from '../../shared/sweep/plan';
import { parseCalls } from '../../shared/workspace/config-rows';
import { SEED_CALLS } from '../../shared/workspace/seed';

const now = new Date('2020-06-01T10:00:00Z');
const minutesAgo = (m: number) => localStamp(new Date(now.getTime() - m * 60_000));
const req = (id: string, o: Partial<RequestView> = {}): RequestView => ({
  id, reference: `2020-04-${id}`, callId: '2020-04', municipality: 'Manresa', contactName: 'Anna', contactEmail: `${id}@example.cat`,
  topic: 'Energia', requestedService: 'Mentoria', late: false, member: true, decision: 'Derivada', service: '', hours: undefined,
  adviser: '', adviserContact: '', message: 'Gràcies', redirectedTo: 'Banc de recursos', announce: false, release: true, row: 7, ...o,
});
const state = (requests: RequestView[], log: LogEntry[] = [], members: SweepState['members'] = []): SweepState => ({
  requests, log, calls: parseCalls(SEED_CALLS), members, pools: [{ callId: '2020-04', service: 'Mentoria', hours: 8, left: 8 }],
});
const opts = { staff: ['staff@xmess.cat', 'coord@xmess.cat'] };
const told = (keys: string[]): LogEntry[] => keys.map((k) => ({ requestId: '', at: minutesAgo(1), kind: 'resum', state: 'registrat', key: `resum:${k}`, detail: '' }));

/** The log entry a failed send of the request's planned decision leaves. */
function failed(r: RequestView, minutes: number, transient: boolean, attempt = 1): LogEntry {
  const send = planSweep(state([r]), now, opts).sends[0]!;
  const error = new UpstreamError('sendgrid', transient, { message: `SendGrid send failed (${transient ? 503 : 400})` });
  return { ...sendResult({ requestId: r.id, kind: send.kind, key: send.key, at: minutesAgo(minutes), attempt, outcome: { error }, recipients: recipientTag(send.email) }) };
}

describe('decisions that cannot be sent', () => {
  test('refused for good (4xx): not tried again; staff told once, with the cell; a corrected address goes', () => {
    const r = req('1');
    const log = [failed(r, 30, false)];
    const plan = planSweep(state([r], log), now, opts);
    expect(plan.sends).toEqual([]);
    expect(plan.digest.map((d) => d.text)).toEqual([expect.stringContaining('«Correu electrònic» (fila 7 de Sol·licituds)')]);
    expect(planSweep(state([r], [...log, ...told(plan.digest.map((d) => d.key))]), now, opts)).toMatchObject({ sends: [], digest: [] });
    const fixed = planSweep(state([{ ...r, contactEmail: 'nova@example.cat' }], log), now, opts);
    expect(fixed.sends.map((s) => s.email.to)).toEqual([['nova@example.cat']]);
  });

  test('transient failures back off like confirmations, then stop with one alert', () => {
    const r = req('1');
    expect(planSweep(state([r], [failed(r, 2, true)]), now, opts)).toMatchObject({ sends: [], digest: [] });
    expect(planSweep(state([r], [failed(r, 6, true)]), now, opts).sends).toHaveLength(1);
    const five = [60, 50, 40, 30, 20].map((m, i) => failed(r, m, true, i + 1));
    const plan = planSweep(state([r], five), now, opts);
    expect(plan.sends).toEqual([]);
    expect(plan.marks.map((m) => m.kind)).toEqual(['alerta']);
    expect(plan.digest.map((d) => d.text)).toEqual([expect.stringContaining('la decisió de 2020-04-1 després de 5 intents')]);
    const after: LogEntry[] = [...five, { requestId: '1', at: minutesAgo(1), kind: 'alerta', state: 'registrat', key: plan.marks[0]!.key, detail: '' }];
    expect(planSweep(state([r], after), now, opts)).toMatchObject({ sends: [], marks: [], digest: [] });
  });

  test.each([
    ['two addresses in one cell', { contactEmail: 'a@x.cat, b@y.cat' }, '«Correu electrònic» (fila 7 de Sol·licituds) mostra «a@x.cat, b@y.cat»'],
    ['not an address', { contactEmail: 'anna at example' }, 'mostra «anna at example»'],
    ['a formula error', { cellErrors: [{ header: 'Missatge al municipi', shown: '#NAME?' }], message: '#NAME?' }, '«Missatge al municipi» (fila 7 de Sol·licituds) mostra «#NAME?»'],
    ['#REF! in the target', { cellErrors: [{ header: 'Derivada a', shown: '#REF!' }], redirectedTo: '#REF!' }, '«Derivada a» (fila 7 de Sol·licituds) mostra «#REF!»'],
  ])('held: %s, and the digest names the cell, once', (_label, over, text) => {
    const r = req('1', over as Partial<RequestView>);
    const plan = planSweep(state([r]), now, opts);
    expect(plan.sends).toEqual([]);
    expect(plan.digest.map((d) => d.text)).toEqual([expect.stringContaining(text)]);
    expect(planSweep(state([r], told(plan.digest.map((d) => d.key))), now, opts)).toMatchObject({ sends: [], digest: [] });
  });
});

describe('announcements', () => {
  const members: SweepState['members'] = [
    { name: 'Manresa', type: 'Ajuntament', county: 'Bages', active: true, contacts: 'own@manresa.cat' },
    { name: 'Celrà', type: 'Ajuntament', county: 'Gironès', active: true, contacts: 'a@celra.cat; A@Celra.cat, staff@xmess.cat' },
    { name: 'Manlleu', type: 'Ajuntament', county: 'Osona', active: true, contacts: 'a@celra.cat b@manlleu.cat #REF!' },
    { name: 'Baixa', type: 'Ajuntament', county: 'X', active: false, contacts: 'gone@baixa.cat' },
  ];
  const accepted = req('1', { decision: 'Acceptada', service: 'Assessorament especialitzat', announce: true, release: false });
  const sent: LogEntry = {
    requestId: '1', at: minutesAgo(60), kind: 'decisio', state: 'enviat', key: 'decisio:1:x',
    detail: JSON.stringify({ decision: 'Acceptada', service: 'Assessorament especialitzat', hours: '', adviser: '', adviserContact: '', message: '', redirectedTo: '' }),
  };

  test('each address once across to and bcc, staff and the requester left out', () => {
    const plan = planSweep(state([accepted], [sent], members), now, opts);
    const email = plan.sends.find((s) => s.kind === 'difusio')!.email;
    expect(email.to).toEqual(['staff@xmess.cat']);
    expect(email.bcc).toEqual(['a@celra.cat', 'b@manlleu.cat']);
  });

  test('refused for good: stopped, staff told where to look; new contacts go', () => {
    const planned = planSweep(state([accepted], [sent], members), now, opts).sends.find((s) => s.kind === 'difusio')!;
    const error = new UpstreamError('sendgrid', false, { message: 'SendGrid send failed (400)' });
    const fail = sendResult({ requestId: '1', kind: planned.kind, key: planned.key, at: minutesAgo(10), attempt: 1, outcome: { error }, recipients: recipientTag(planned.email) });
    const plan = planSweep(state([accepted], [sent, fail], members), now, opts);
    expect(plan.sends.filter((s) => s.kind === 'difusio')).toEqual([]);
    expect(plan.digest.map((d) => d.text)).toEqual([expect.stringContaining('Municipis › Contactes')]);
    const changed = members.map((m) => (m.name === 'Manlleu' ? { ...m, contacts: 'c@manlleu.cat' } : m));
    expect(planSweep(state([accepted], [sent, fail], changed), now, opts).sends.map((s) => s.kind)).toEqual(['difusio']);
  });
});

test('a sweep every 5 minutes sends a refused decision once and tells staff once', async () => {
  let log: LogEntry[] = [];
  const tries: OutgoingEmail[] = [];
  const digests: OutgoingEmail[] = [];
  let clock = now.getTime();
  const sweep = createSweep({
    guard: IN_PROCESS_ONLY,
    staff: opts.staff,
    logger: createLogger('silent'),
    now: () => new Date(clock),
    store: { readSweepState: async () => state([req('1', { contactEmail: 'anna@example.cat' })], log), appendLog: async (e) => void (log = [...log, ...e]) },
    mailer: {
      send: async (e) => {
        if (e.customArgs?.kind === 'resum') return digests.push(e), { messageId: `d${digests.length}` };
        tries.push(e);
        throw new UpstreamError('sendgrid', false, { message: 'SendGrid send failed (400)' });
      },
    },
  });
  for (let i = 0; i < 6; i++, clock += 5 * 60_000) await sweep();
  expect(tries).toHaveLength(1);
  expect(digests.flatMap((d) => d.text.split('\n')).filter((l) => l.includes('2020-04-1'))).toHaveLength(1);
});
