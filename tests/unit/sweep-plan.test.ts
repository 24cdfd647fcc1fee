import { describe, expect, test } from 'vitest';
import { localStamp } from '../../shared/domain/dates';
import { fingerprint } from '../../shared/domain/decisions';
import { decisionValues, planSweep } from '../../shared/sweep/plan';
import type { RequestView, SweepState } from '../../shared/domain/workspace-state';
import { parseCalls } from '../../shared/workspace/config-rows';
import type { LogEntry } from '../../shared/domain/log-entry';
import { SEED_CALLS } from '../../shared/workspace/seed';

const now = new Date('2020-06-01T10:00:00Z');
const minutesAgo = (m: number) => localStamp(new Date(now.getTime() - m * 60_000));

const req = (id: string, o: Partial<RequestView> = {}): RequestView => ({
  id, reference: `2020-04-${id}`, callId: '2020-04', municipality: 'Manresa', contactName: 'Anna', contactEmail: `${id}@example.cat`,
  topic: 'Energia', requestedService: 'Mentoria', late: false, member: true, decision: '', service: '', hours: undefined,
  adviser: '', adviserContact: '', message: '', redirectedTo: '', announce: false, release: false, ...o,
});
const state = (requests: RequestView[], log: LogEntry[] = []): SweepState => ({
  requests, log, calls: parseCalls(SEED_CALLS), members: [],
  pools: [{ callId: '2020-04', service: 'Mentoria', hours: 8, left: 8 }],
});
const opts = { staff: ['staff@xmess.cat'] };
const sentDecision = (r: RequestView, minutes = 60): LogEntry => {
  const v = decisionValues(r)!;
  return { requestId: r.id, at: minutesAgo(minutes), kind: 'decisio', state: 'enviat', key: `decisio:${r.id}:${fingerprint(v)}`, detail: JSON.stringify(v) };
};

describe('planSweep', () => {
  test('only released final decisions are sent', () => {
    const plan = planSweep(state([req('1', { decision: 'Denegada' }), req('2', { decision: 'Pendent', release: true }), req('3', { decision: 'Denegada', release: true })]), now, opts);
    expect(plan.sends.map((s) => s.requestId)).toEqual(['3']);
  });

  test('a sent version is never planned again; a changed one is a correction', () => {
    const r = req('1', { decision: 'Denegada', release: true });
    expect(planSweep(state([r], [sentDecision(r)]), now, opts).sends).toEqual([]);
    const changed = { ...r, decision: 'Acceptada', service: 'Mentoria' };
    const plan = planSweep(state([changed], [sentDecision(r)]), now, opts);
    expect(plan.sends).toHaveLength(1);
    expect(plan.sends[0]!.email.subject).toContain('correcció');
  });

  test('an open intent waits for the timeout, then is resent and reported', () => {
    const r = req('1', { decision: 'Denegada', release: true });
    const key = `decisio:1:${fingerprint(decisionValues(r)!)}`;
    const intent = (m: number): LogEntry => ({ requestId: '1', at: minutesAgo(m), kind: 'decisio', state: 'pendent', key, detail: 'intent 1' });
    expect(planSweep(state([r], [intent(2)]), now, opts).sends).toEqual([]);
    const late = planSweep(state([r], [intent(30)]), now, opts);
    expect(late.sends).toHaveLength(1);
    expect(late.digest.map((d) => d.text).join()).toContain('duplicat');
  });

  test('acceptances beyond the pool are held back and reported once', () => {
    const a = req('a', { decision: 'Acceptada', service: 'Mentoria', release: true });
    const b = req('b', { decision: 'Acceptada', service: 'Mentoria', release: true });
    const c = req('c', { decision: 'Acceptada', service: 'Mentoria', release: true });
    const plan = planSweep(state([a, b, c]), now, opts);
    expect(plan.sends.map((s) => s.requestId)).toEqual(['a', 'b']);
    expect(plan.marks.map((m) => m.key)).toEqual([expect.stringMatching(/^bloquejada:c:/)]);
    const again = planSweep(state([a, b, c], [sentDecision(a), sentDecision(b), { requestId: 'c', at: minutesAgo(1), kind: 'bloquejada', state: 'registrat', key: plan.marks[0]!.key, detail: '' }]), now, opts);
    expect(again.sends).toEqual([]);
    expect(again.marks).toEqual([]);
  });

  test('declining a sent acceptance frees its hours in the same sweep', () => {
    const a = req('a', { decision: 'Acceptada', service: 'Mentoria', release: true, hours: 8 });
    const b = req('b', { decision: 'Acceptada', service: 'Mentoria', release: true, hours: 8 });
    const log = [sentDecision(a)];
    const plan = planSweep(state([{ ...a, decision: 'Denegada', service: '' }, b], log), now, opts);
    expect(plan.sends.map((s) => s.requestId)).toEqual(['a', 'b']);
  });

  test('failed confirmations: growing delay, then one alert instead of trying forever', () => {
    const r = req('1');
    const fail = (m: number): LogEntry => ({ requestId: '1', at: minutesAgo(m), kind: 'confirmacio', state: 'error', key: 'confirmacio:1', detail: 'x' });
    expect(planSweep(state([r], [fail(1)]), now, opts).sends).toEqual([]);
    expect(planSweep(state([r], [fail(6)]), now, opts).sends.map((s) => s.kind)).toEqual(['confirmacio']);
    const twice = [fail(30), fail(8)];
    expect(planSweep(state([r], twice), now, opts).sends).toEqual([]); // second retry waits 10 min
    const exhausted = [fail(60), fail(50), fail(40), fail(30), fail(20)];
    const plan = planSweep(state([r], exhausted), now, opts);
    expect(plan.sends).toEqual([]);
    expect(plan.marks.map((m) => m.kind)).toEqual(['alerta']);
  });

  test('a log write repeated after a lost answer counts once (its failures are not doubled)', () => {
    const r = req('1');
    const fail = (m: number): LogEntry => ({ requestId: '1', at: minutesAgo(m), kind: 'confirmacio', state: 'error', key: 'confirmacio:1', detail: 'x' });
    // One failure 8 minutes ago, written twice: due after 5 minutes, not 10.
    expect(planSweep(state([r], [fail(8), fail(8)]), now, opts).sends.map((s) => s.attempt)).toEqual([2]);
  });

  test('the digest lists what needs a human, once', () => {
    const late = req('l', { late: true });
    const nm = req('n', { member: false });
    const plan = planSweep(state([late, nm]), now, opts);
    expect(plan.digest.map((d) => d.key).sort()).toEqual(['fora_termini:l', 'no_membre:n']);
    const reported: LogEntry[] = plan.digest.map((d) => ({ requestId: '', at: minutesAgo(1), kind: 'resum', state: 'registrat', key: `resum:${d.key}`, detail: '' }));
    expect(planSweep(state([late, nm], reported), now, opts).digest).toEqual([]);
  });

  test('a request whose sender’s clock was off is reported once', () => {
    const r = req('1');
    const received = (detail: string): LogEntry => ({ requestId: '1', at: minutesAgo(5), kind: 'rebuda', state: 'registrat', key: 'rebuda:1', detail });
    expect(planSweep(state([r], [received('2020-04-1')]), now, opts).digest).toEqual([]);
    const plan = planSweep(state([r], [received('2020-04-1 · rellotge_desfasat (0000-01-01T00:00:00Z)')]), now, opts);
    expect(plan.digest.map((d) => d.text)).toEqual([expect.stringContaining('2020-04-1 difereix en més de 5 minuts')]);
    const told: LogEntry = { requestId: '', at: minutesAgo(1), kind: 'resum', state: 'registrat', key: `resum:${plan.digest[0]!.key}`, detail: '' };
    expect(planSweep(state([r], [received('2020-04-1 · rellotge_desfasat (0000-01-01T00:00:00Z)'), told]), now, opts).digest).toEqual([]);
  });

  test('a waiting-list request is reported when its pool has room again', () => {
    const w = req('w', { decision: 'Llista d’espera', release: true });
    const plan = planSweep(state([w]), now, opts);
    expect(plan.digest.some((d) => d.key.startsWith('espera:w:8'))).toBe(true);
  });
});

describe('planSweep: the service of an acceptance left blank, yearly pools, what only a person can judge', () => {
  const pools = [
    { callId: '2020-04', service: 'Mentoria', hours: 8, left: 8 },
    { callId: '2024', service: 'Assessorament expert en CCPR', hours: 50, left: 50 },
  ];
  const withPools = (requests: RequestView[], log: LogEntry[] = []): SweepState => ({ ...state(requests, log), pools });

  test('blank service, one service asked for: accepted as that service, from its pool', () => {
    const plan = planSweep(withPools([req('1', { decision: 'Acceptada', release: true })]), now, opts);
    expect(plan.sends).toHaveLength(1);
    expect(JSON.parse(plan.sends[0]!.sentDetail)).toMatchObject({ service: 'Mentoria' });
    expect(plan.digest).toEqual([]);
  });

  test('blank service, "either" asked for: held, and the digest asks the Commission to choose', () => {
    const r = req('1', { decision: 'Acceptada', release: true, requestedService: 'Qualsevol dels dos' });
    const plan = planSweep(withPools([r]), now, opts);
    expect(plan.sends).toEqual([]);
    expect(plan.digest.map((d) => d.text)).toEqual([expect.stringContaining('cal triar-ne un a «Servei assignat»')]);
    expect(plan.digest[0]!.text).not.toMatch(/0 h|«2020-04 \/ »/);
    const chosen = planSweep(withPools([{ ...r, service: 'Mentoria' }]), now, opts);
    expect(chosen.sends).toHaveLength(1);
  });

  test('a request of any call, or of none, draws on a yearly pool of its year', () => {
    const ccpr = { decision: 'Acceptada', release: true, service: 'Assessorament expert en CCPR', hours: 30, year: '2024' };
    const inCall = req('1', { ...ccpr, callId: '2024-1', reference: '2024-1-001' });
    const noCall = req('2', { ...ccpr, callId: '2024', reference: '2024-001' });
    const plan = planSweep(withPools([inCall, noCall]), now, opts);
    // 30 + 30 > 50: the first goes, the second is held by the same yearly pool.
    expect(plan.sends.map((s) => s.requestId)).toEqual(['1']);
    expect(plan.digest[0]!.text).toContain('«2024 / Assessorament expert en CCPR» amb -10 h');
  });

  test('early requests and sessions outside the window are reported once', () => {
    const s: SweepState = { ...withPools([req('1', { early: true })]), sessions: [{ requestId: '1', date: '2020-08-15', inWindow: false }, { requestId: '1', date: '2020-06-01', inWindow: true }] };
    const texts = planSweep(s, now, opts).digest.map((d) => d.text);
    expect(texts).toEqual([expect.stringContaining('abans de l’obertura'), expect.stringContaining('2020-08-15, fora del període')]);
  });
});

describe('planSweep: hours held by acceptances on their way', () => {
  const accepted = (id: string) => req(id, { decision: 'Acceptada', service: 'Mentoria', release: true, hours: 8 });
  const entry = (r: RequestView, state: LogEntry['state'], minutes: number): LogEntry => ({
    requestId: r.id, at: minutesAgo(minutes), kind: 'decisio', state, key: `decisio:${r.id}:${fingerprint(decisionValues(r)!)}`, detail: 'intent 1',
  });

  test('an acceptance whose email is in flight, or failed and to be tried again, keeps its hours from the next one', () => {
    const [a, b] = [accepted('a'), accepted('b')];
    for (const log of [[entry(a, 'pendent', 2)], [entry(a, 'pendent', 3), entry(a, 'error', 1)], [entry(a, 'pendent', 30)]]) {
      const plan = planSweep(state([a, b], log), now, opts);
      expect(plan.sends.map((s) => s.requestId), log.map((e) => e.state).join()).not.toContain('b');
      expect(plan.marks.map((m) => m.key)).toEqual([expect.stringMatching(/^bloquejada:b:/)]);
    }
  });

  test('a correction on its way holds its own hours, not its predecessor’s as well', () => {
    const sent = req('a', { decision: 'Acceptada', service: 'Mentoria', release: true, hours: 4 });
    const corrected = { ...sent, hours: 6 };
    const b = req('b', { decision: 'Acceptada', service: 'Mentoria', release: true, hours: 2 });
    const plan = planSweep(state([corrected, b], [sentDecision(sent), entry(corrected, 'pendent', 2)]), now, opts);
    expect(plan.sends.map((s) => s.requestId)).toEqual(['b']); // 6 + 2 = the pool's 8
  });

  test('no pool for the service: held, and staff read that the pool is missing', () => {
    const r = req('x', { decision: 'Acceptada', service: 'Assessorament especialitzat', release: true });
    const plan = planSweep(state([r]), now, opts);
    expect(plan.sends).toEqual([]);
    expect(plan.digest.map((d) => d.text)).toEqual([expect.stringContaining('no hi ha cap bossa «2020-04 / Assessorament especialitzat»')]);
  });

  test('the same thing twice in one sweep is one digest item', () => {
    const s: SweepState = { ...state([req('1')]), sessions: [{ requestId: '1', date: '2020-08-15', inWindow: false }, { requestId: '1', date: '2020-08-15', inWindow: false }] };
    expect(planSweep(s, now, opts).digest).toHaveLength(1);
  });
});

describe('planSweep: the autumn hour that repeats (02:00–03:00 twice, stamps without an offset)', () => {
  // 25 October 2026: 02:55 CEST is 00:55 UTC, 02:55 CET is 01:55 UTC; both are stamped «02:55:00».
  const r = req('1', { decision: 'Denegada', release: true });
  const key = `decisio:1:${fingerprint(decisionValues(r)!)}`;
  const openAt = (iso: string): LogEntry => ({ requestId: '1', at: localStamp(new Date(iso)), kind: 'decisio', state: 'pendent', key, detail: 'intent 1' });
  const sendsAt = (intent: string, now: string) => planSweep(state([r], [openAt(intent)]), new Date(now), opts).sends.length;

  test.each([
    ['the first pass, read in the second', '2026-10-25T00:55:00Z', '2026-10-25T01:04:00Z'],
    ['the second pass', '2026-10-25T01:55:00Z', '2026-10-25T02:04:00Z'],
  ])('an intent of %s is never taken as older than it is: not resent within the timeout', (_label, intent, now) => {
    expect(sendsAt(intent, now)).toBe(0);
  });

  test('an intent of the first pass is read as of the second: resent up to an hour late, never early', () => {
    expect(sendsAt('2026-10-25T00:55:00Z', '2026-10-25T01:58:00Z')).toBe(0);
    expect(sendsAt('2026-10-25T00:55:00Z', '2026-10-25T02:06:00Z')).toBe(1);
  });
});

describe('planSweep: a decision changed back', () => {
  test('accepted, then refused, then accepted again: the acceptance goes again, as a correction', () => {
    const accepted = req('a', { decision: 'Acceptada', service: 'Mentoria', release: true, hours: 4 });
    const refused = { ...accepted, decision: 'Denegada', service: '', hours: undefined };
    const log = [sentDecision(accepted, 60), sentDecision(refused, 30)];
    const plan = planSweep(state([accepted], log), now, opts);
    expect(plan.sends.map((s) => s.requestId)).toEqual(['a']);
    expect(plan.sends[0]!.email.subject).toContain('correcció');
    // Once that is sent, it is the version the municipality holds: nothing more.
    expect(planSweep(state([accepted], [...log, sentDecision(accepted, 1)]), now, opts).sends).toEqual([]);
    expect(planSweep(state([refused], log), now, opts).sends).toEqual([]);
  });
});

describe('planSweep: a send that got no answer', () => {
  test('tried again when due, and staff are told it may arrive twice', () => {
    const r = req('1', { decision: 'Denegada', release: true });
    const key = `decisio:1:${fingerprint(decisionValues(r)!)}`;
    const noAnswer = (maybeDone: boolean): LogEntry => ({
      requestId: '1', at: minutesAgo(6), kind: 'decisio', state: 'error', key, detail: maybeDone ? 'intent 1 (potser enviat): SendGrid send failed' : 'intent 1: SendGrid send failed (503)',
    });
    const maybe = planSweep(state([r], [noAnswer(true)]), now, opts);
    expect(maybe.sends.map((s) => s.requestId)).toEqual(['1']);
    expect(maybe.digest.map((d) => d.text).join()).toContain('duplicat');
    const plain = planSweep(state([r], [noAnswer(false)]), now, opts);
    expect(plain.sends.map((s) => s.requestId)).toEqual(['1']);
    expect(plain.digest).toEqual([]);
  });
});
