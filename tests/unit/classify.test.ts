import { describe, expect, test } from 'vitest';
import { canonicalTopic, placeInCall, withServices, type Call } from '../../shared/domain/calls';
import { classifyBatch, nextReference, placeSubmission, type Arrival } from '../../shared/domain/classify';
import { findMember, type Member } from '../../shared/domain/members';
import { parseSubmission, type Submission } from '../../shared/domain/schema';
import { parseCalls, parsePools } from '../../shared/workspace/config-rows';
import { SEED_CALLS, SEED_POOLS } from '../../shared/workspace/seed';
import { validBody } from '../support/submissions';

const calls: Call[] = parseCalls(SEED_CALLS);
const members: Member[] = [
  { name: 'Sant Cugat del Vallès', type: 'Ajuntament', county: 'Vallès Occidental', active: true, joinedOn: '2017-05-17' },
  { name: 'L’Hospitalet de Llobregat', type: 'Ajuntament', county: 'Barcelonès', active: true, joinedOn: '2019-06-01' },
  { name: 'Consell Comarcal de l’Alt Penedès', type: 'Consell Comarcal', county: 'Alt Penedès', active: true },
  { name: 'La Garriga', type: 'Ajuntament', county: 'Vallès Oriental', active: true },
  { name: 'Baixa', type: 'Ajuntament', county: 'X', active: false },
];

const submission = (o: Record<string, unknown> = {}): Submission => {
  const r = parseSubmission(validBody(o));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.value;
};

/** Received when it says it was sent: an honest clock. */
const arrival = (s: Submission, receivedAt = s.submittedAt): Arrival => ({ submission: s, receivedAt });

describe('deadline in Catalan time, inclusive', () => {
  test.each([
    ['2020-05-08T23:59:59+02:00', false],
    ['2020-05-08T21:59:59Z', false], // 23:59:59 in Madrid (CEST)
    ['2020-05-08T22:00:00Z', true], // 00:00 on the 9th in Madrid
    ['2020-05-09T00:00:00+02:00', true],
    ['2020-05-08T23:30:00-03:00', true], // 04:30 on the 9th in Madrid
    ['2020-04-01T00:00:00+02:00', false],
  ])('%s → late %s', (at, late) => {
    const p = placeInCall(calls, at);
    expect(p?.call.id).toBe('2020-04');
    expect(p?.late).toBe(late);
  });

  test('after a deadline, late for the call just closed while its sessions last; then early for the next', () => {
    expect(placeInCall(calls, '2020-06-15T12:00:00+02:00')).toMatchObject({ call: { id: '2020-04' }, late: true });
    expect(placeInCall(calls, '2020-08-15T12:00:00+02:00')).toMatchObject({ call: { id: '2020-09' }, late: false, early: true });
    expect(placeInCall(calls, '2020-09-10T12:00:00+02:00')).toMatchObject({ call: { id: '2020-09' }, late: false });
  });

  test('before a call of the same year opens: that call, marked early; a year ahead, no call', () => {
    expect(placeInCall(calls, '2020-01-10T12:00:00+01:00')).toMatchObject({ call: { id: '2020-04' }, early: true, late: false });
    expect(placeInCall(calls, '2019-01-01T12:00:00+01:00')).toBeUndefined();
    expect(placeInCall([], '2020-01-01T00:00:00Z')).toBeUndefined();
  });
});

describe('placed by date and service, as the seeds describe the calls', () => {
  const pools = parsePools(SEED_POOLS);
  const offered = withServices(calls, pools);
  // Received when sent: placement reads the time of receipt.
  const at = (submittedAt: string, serviceType = 'mentoring'): Arrival => ({ submission: submission({ submittedAt, serviceType }), receivedAt: submittedAt });
  const placeAt = (c: Call[], a: Arrival) => placeSubmission(c, a.submission, a.receivedAt);

  test('the September 2020 call has no deadline in the seeds: it takes requests until its sessions end', () => {
    expect(calls.find((c) => c.id === '2020-09')?.deadline).toBeUndefined();
    expect(placeAt(offered, at('2020-11-20T10:00:00+01:00'))).toMatchObject({ call: { id: '2020-09' }, late: false, noCall: false });
  });

  test('a 2024 request fits no call: recorded under its year, flagged, with the yearly pools it may draw on', () => {
    const [r] = classifyBatch([at('2024-03-10T10:00:00+01:00', 'advisory')], { calls: offered, members, existing: [], pools });
    expect(r).toMatchObject({ reference: '2024-001', call: { id: '2024', noCall: true }, flags: ['no_call'] });
    expect(r!.yearlyPools).toEqual([{ callId: '2024', service: 'Assessorament expert en CCPR', hours: 50 }]);
  });

  test('a call that offers only mentoring does not take an advisory request; either fits any', () => {
    const only = [...offered, { ...offered[0]!, id: '2024-M', opens: '2024-02-01', deadline: '2024-03-15', sessionsFrom: undefined, sessionsTo: '2024-06-30', services: ['Mentoria'] }];
    expect(placeAt(only, at('2024-02-10T10:00:00+01:00'))).toMatchObject({ call: { id: '2024-M' }, noCall: false });
    expect(placeAt(only, at('2024-02-10T10:00:00+01:00', 'either'))).toMatchObject({ call: { id: '2024-M' }, noCall: false });
    expect(placeAt(only, at('2024-02-10T10:00:00+01:00', 'advisory'))).toMatchObject({ call: { id: '2024' }, noCall: true });
  });

  test('a request before a call opens is flagged early, like a late one', () => {
    const [r] = classifyBatch([at('2020-03-20T10:00:00+01:00')], { calls: offered, members, existing: [], pools });
    expect(r).toMatchObject({ call: { id: '2020-04' }, early: true, flags: ['early'] });
  });
});

describe('member matching', () => {
  test.each([
    ['Ajuntament de Sant Cugat del Vallès', 'Sant Cugat del Vallès'],
    ['sant cugat del valles', 'Sant Cugat del Vallès'],
    ['SANT CUGAT DEL VALLE\u0300S', 'Sant Cugat del Vallès'],
    ["Ajuntament de l'Hospitalet de Llobregat", 'L’Hospitalet de Llobregat'],
    ['l’hospitalet de llobregat', 'L’Hospitalet de Llobregat'],
    ["Consell Comarcal de l'Alt Penedès", 'Consell Comarcal de l’Alt Penedès'],
    ['Alt Penedes', 'Consell Comarcal de l’Alt Penedès'],
    ['Ajuntament de la Garriga', 'La Garriga'],
    ['  La   Garriga ', 'La Garriga'],
  ])('%j → %j', (typed, name) => {
    expect(findMember(members, typed)?.name).toBe(name);
  });

  test('unknown names find nobody', () => {
    expect(findMember(members, 'Ajuntament de Mataró')).toBeUndefined();
    expect(findMember(members, 'Sant Cugat')).toBeUndefined();
  });
});

describe('classification', () => {
  test('flags late, non-member and repeated, numbers references per call', () => {
    const batch = [
      submission({ submissionId: 'a' }),
      submission({ submissionId: 'b', municipality: 'sant cugat del valles' }),
      submission({ submissionId: 'c', municipality: 'Mataró', submittedAt: '2020-05-09T09:00:00+02:00' }),
      submission({ submissionId: 'd', municipality: 'Baixa' }),
    ];
    const out = classifyBatch(batch.map((s) => arrival(s)), {
      calls,
      members,
      existing: [{ id: 'z', reference: '2020-04-007', callId: '2020-04', municipality: 'La Garriga' }],
    });
    expect(out.map((r) => [r.reference, r.flags])).toEqual([
      ['2020-04-008', []],
      ['2020-04-009', ['repeated_in_call']],
      ['2020-04-010', ['late', 'non_member']],
      ['2020-04-011', ['non_member']],
    ]);
    expect(out[0]!.member?.name).toBe('Sant Cugat del Vallès');
  });

  test('recent members are those who joined since the call’s date', () => {
    const out = classifyBatch([arrival(submission({ municipality: "L'Hospitalet de Llobregat" }))], { calls, members, existing: [] });
    expect(out[0]!.recentMember).toBe(true);
    const old = classifyBatch([arrival(submission())], { calls, members, existing: [] });
    expect(old[0]!.recentMember).toBe(false);
  });

  test('the time of receipt decides call and lateness; a sender’s stamp off by more than 5 minutes is noted', () => {
    const ctx = { calls, members, existing: [] };
    const forged = classifyBatch([arrival(submission({ submittedAt: '0000-01-01T00:00:00Z' }), '2020-05-09T09:00:00+02:00')], ctx)[0]!;
    expect(forged).toMatchObject({ call: { id: '2020-04' }, flags: ['late'], clockSkew: true });
    const backdated = classifyBatch([arrival(submission({ submittedAt: '2020-05-08T12:00:00+02:00' }), '2020-05-10T12:00:00+02:00')], ctx)[0]!;
    expect(backdated).toMatchObject({ flags: ['late'], clockSkew: true });
    const slightlyOff = classifyBatch([arrival(submission({ submittedAt: '2020-05-04T10:04:00+02:00' }), '2020-05-04T10:00:00+02:00')], ctx)[0]!;
    expect(slightlyOff).toMatchObject({ flags: [], clockSkew: false });
  });

  test('references ignore other calls and odd values', () => {
    expect(
      nextReference('2020-09', [
        { id: '1', reference: '2020-04-050', callId: '2020-04', municipality: 'x' },
        { id: '2', reference: '2020-09-002', callId: '2020-09', municipality: 'x' },
        { id: '3', reference: 'brossa', callId: '2020-09', municipality: 'x' },
      ]),
    ).toBe('2020-09-003');
  });

  test('topics match the call’s areas tolerantly and return its spelling', () => {
    const call = calls[0]!;
    expect(canonicalTopic(call, 'energia')).toBe('Energia');
    expect(canonicalTopic(call, 'COMERÇ I ESS')).toBe('Comerç i ESS');
    expect(canonicalTopic(call, 'Astronàutica')).toBeUndefined();
    expect(canonicalTopic(call, 'other')).toBe('other');
  });
});
