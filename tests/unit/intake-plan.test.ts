// planBatch decides, without I/O, what each submission of a batch becomes. These cases
// pin the rules the flush relies on: references numbered once and contiguous, whatever
// is refused in between; repeats inside a batch answered as later deliveries would be.
import { describe, expect, test } from 'vitest';
import { localStamp } from '../../shared/domain/dates';
import type { IntakeSnapshot } from '../../shared/ports';
import { parse, planBatch } from '../../shared/pipeline/intake-plan';
import { parseCalls } from '../../shared/workspace/config-rows';
import { SEED_CALLS } from '../../shared/workspace/seed';
import { validBody } from '../support/submissions';

const snapshot = (existing: IntakeSnapshot['existing'] = []): IntakeSnapshot => ({
  calls: parseCalls(SEED_CALLS),
  members: [{ name: 'Sant Cugat del Vallès', type: 'Ajuntament', county: 'Vallès Occidental', active: true }],
  existing,
});
const at = new Date('2020-05-04T08:00:00Z');
const item = (over: Record<string, unknown>) => parse({ kind: 'json', body: validBody(over) });

describe('planBatch', () => {
  test('a refused topic in the middle leaves the references contiguous', () => {
    const plan = planBatch([item({ submissionId: 'a' }), item({ submissionId: 'b', topic: 'Astronàutica' }), item({ submissionId: 'c' })], snapshot(), at);
    if (plan.kind !== 'ok') throw new Error(plan.kind);
    expect(plan.outcomes.map((o) => o.status)).toEqual(['created', 'invalid', 'created']);
    expect(plan.created.map((r) => r.reference)).toEqual(['2020-04-001', '2020-04-002']);
    expect(plan.invalid.map((i) => i.id)).toEqual(['b']);
    expect(plan.log.map((e) => e.key)).toEqual(['invalida:b', 'rebuda:a', 'confirmacio:a', 'rebuda:c', 'confirmacio:c']);
  });

  test('numbering continues after what the workspace holds', () => {
    const plan = planBatch([item({ submissionId: 'n' })], snapshot([{ id: 'old', reference: '2020-04-007', callId: '2020-04', municipality: 'Manlleu' }]), at);
    if (plan.kind !== 'ok') throw new Error(plan.kind);
    expect(plan.outcomes).toEqual([{ status: 'created', reference: '2020-04-008', flags: [] }]);
  });

  test('a repeat in the batch is a duplicate of the first; one already recorded answers its reference', () => {
    const existing = [{ id: 'old', reference: '2020-04-003', callId: '2020-04', municipality: 'Manlleu', flags: ['non_member' as const] }];
    const plan = planBatch([item({ submissionId: 'x' }), item({ submissionId: 'x' }), item({ submissionId: 'old' })], snapshot(existing), at);
    if (plan.kind !== 'ok') throw new Error(plan.kind);
    expect(plan.outcomes).toEqual([
      { status: 'created', reference: '2020-04-004', flags: [] },
      { status: 'duplicate', reference: '2020-04-004', flags: [] },
      { status: 'duplicate', reference: '2020-04-003', flags: ['non_member'] },
    ]);
    expect(plan.rows).toHaveLength(1);
  });

  test('a repeat of a refused submission is refused the same way, and logged once', () => {
    const plan = planBatch([item({ submissionId: 'b', topic: 'Astronàutica' }), item({ submissionId: 'b', topic: 'Astronàutica' })], snapshot(), at);
    if (plan.kind !== 'ok') throw new Error(plan.kind);
    expect(plan.outcomes.map((o) => o.status)).toEqual(['invalid', 'invalid']);
    expect(plan.log.filter((e) => e.key === 'invalida:b')).toHaveLength(1);
  });

  test('invalid bodies are refused with their errors and an ID only when it is safe', () => {
    const plan = planBatch([parse({ kind: 'json', body: { submissionId: 'bad id!' } }), parse({ kind: 'unparseable', raw: '{', reason: 'no JSON' })], snapshot(), at);
    if (plan.kind !== 'ok') throw new Error(plan.kind);
    expect(plan.invalid.map((i) => i.id)).toEqual(['(sense ID)', '(sense ID)']);
    expect(plan.outcomes[1]).toEqual({ status: 'invalid', fieldErrors: {}, formErrors: ['no JSON'] });
  });

  test('the time received, not submittedAt, decides the call; the sender’s stamp is kept in row and log', () => {
    const received = '2020-05-09T10:00:00+02:00'; // the day after the deadline
    const forged = parse({ kind: 'json', body: validBody({ submissionId: 'f', submittedAt: '2020-04-20T10:00:00+02:00' }), receivedAt: received });
    const honest = parse({ kind: 'json', body: validBody({ submissionId: 'h', submittedAt: '2020-05-09T10:03:00+02:00' }), receivedAt: received });
    const plan = planBatch([forged, honest], snapshot(), at);
    if (plan.kind !== 'ok') throw new Error(plan.kind);
    expect(plan.created.map((r) => [r.call.id, r.flags.includes('late'), r.clockSkew])).toEqual([
      ['2020-04', true, true],
      ['2020-04', true, false],
    ]);
    expect(plan.rows[0]).toMatchObject({ Rebuda: localStamp(new Date(received)), 'Data d’enviament': localStamp(new Date('2020-04-20T10:00:00+02:00')) });
    const details = plan.log.filter((e) => e.kind === 'rebuda').map((e) => e.detail);
    expect(details[0]).toContain('rellotge_desfasat (2020-04-20T10:00:00+02:00)');
    expect(details[1]).not.toContain('rellotge_desfasat');
  });

  test('parse stamps the time of receipt when the door gives none', () => {
    const now = new Date('2020-05-04T08:00:00Z');
    expect(parse({ kind: 'json', body: validBody() }, now)).toMatchObject({ kind: 'valid', receivedAt: now.toISOString() });
    expect(parse({ kind: 'json', body: validBody(), receivedAt: 'not a time' }, now)).toMatchObject({ receivedAt: now.toISOString() });
  });

  test('no call configured: nothing is planned', () => {
    expect(planBatch([item({})], { ...snapshot(), calls: [] }, at)).toEqual({ kind: 'noCall' });
  });
});
