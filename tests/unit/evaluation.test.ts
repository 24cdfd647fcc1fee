// The evaluation after the service, pure: when it is asked (hours all done, or the sessions
// window over), that it is asked once, how its form's answers are read, and the rows they
// become in the Avaluacions tab.
import { describe, expect, test } from 'vitest';
import { fingerprint } from '../../shared/domain/decisions';
import { EVALUATION_QUESTIONS, serviceOver } from '../../shared/domain/evaluation';
import type { LogEntry } from '../../shared/domain/log-entry';
import type { RequestView, SweepState } from '../../shared/domain/workspace-state';
import { evaluationAnswer, evaluationFormPlan, evaluationLink } from '../../shared/forms/evaluation-form';
import { caPrivacy } from '../../shared/i18n/ca-privacy';
import { decisionValues, planSweep } from '../../shared/sweep/plan';
import { parseCalls } from '../../shared/workspace/config-rows';
import { evaluationRows } from '../../shared/workspace/evaluations';
import { SEED_CALLS } from '../../shared/workspace/seed';

// The 2024 plan's CCPR advisory as a call of its own, so a window and a year are known.
const calls = [
  ...parseCalls(SEED_CALLS),
  { id: '2024-CCPR', title: 'Assessorament expert en CCPR 2024', opens: '2024-01-01', deadline: '2024-12-31', sessionsFrom: '2024-01-01', sessionsTo: '2024-12-31', priorityTheme: '', packageHours: 4, sessionHours: 2, topics: [] },
];
const URI = 'https://docs.google.com/forms/d/e/abc/viewform';
const req = (o: Partial<RequestView> = {}): RequestView => ({
  id: 'r1', reference: '2024-CCPR-001', callId: '2024-CCPR', municipality: 'Manresa', contactName: 'Anna', contactEmail: 'anna@example.cat', topic: 'Energia', requestedService: 'CCPR',
  late: false, member: true, decision: 'Acceptada', service: 'CCPR', hours: 4, adviser: '', adviserContact: '', message: '', redirectedTo: '', announce: false, release: true, ...o,
});
const accepted = (r: RequestView): LogEntry => {
  const v = decisionValues(r)!;
  return { requestId: r.id, at: '2024-03-01 10:00:00', kind: 'decisio', state: 'enviat', key: `decisio:${r.id}:${fingerprint(v)}`, detail: JSON.stringify(v) };
};
const state = (r: RequestView, log: LogEntry[]): SweepState => ({ requests: [r], log: [accepted(r), ...log], calls, members: [], pools: [{ callId: '2024-CCPR', service: 'CCPR', hours: 50, left: 46 }] });
const during = new Date('2024-06-01T10:00:00Z'); // inside 2024-CCPR's sessions window
const evaluations = (s: SweepState, now = during, uri: string | undefined = URI as string | undefined) => planSweep(s, now, { staff: ['s@x.cat'], evaluationUri: uri }).sends.filter((x) => x.kind === 'avaluacio');

describe('when the evaluation is asked', () => {
  test('a request whose hours are all done gets exactly one evaluation email', () => {
    const done = req({ hoursDone: 4, hoursLeft: 0 });
    const [first, ...more] = evaluations(state(done, []));
    expect(more).toEqual([]);
    expect(first).toMatchObject({ key: 'avaluacio:r1', requestId: 'r1' });
    expect(first!.email.to).toEqual(['anna@example.cat']);
    expect(first!.email.text).toContain(evaluationLink(URI, '2024-CCPR-001'));
    expect(first!.email.text).toContain(`${caPrivacy.title}\n`);
    const sent: LogEntry = { requestId: 'r1', at: '2024-06-01 12:00:00', kind: 'avaluacio', state: 'enviat', key: 'avaluacio:r1', detail: 'avaluació' };
    expect(evaluations(state(done, [sent]))).toEqual([]);
  });

  test.each([
    ['hours still left', req({ hoursDone: 2, hoursLeft: 2 }), during, URI],
    ['no session yet', req({ hoursDone: 0, hoursLeft: 4 }), during, URI],
    ['not accepted', req({ decision: 'Denegada', hoursDone: 4, hoursLeft: 0 }), during, URI],
    ['no evaluation form', req({ hoursDone: 4, hoursLeft: 0 }), during, ''],
  ])('none with %s', (_, r, now, uri) => {
    expect(evaluations(state(r, []), now, uri)).toEqual([]);
  });

  test('the end of the sessions window is enough', () => {
    expect(evaluations(state(req({ hoursDone: 2, hoursLeft: 2 }), []), new Date('2025-01-02T10:00:00Z'))).toHaveLength(1);
    expect(serviceOver({}, { sessionsTo: '2024-12-31' }, '2024-12-31')).toBe(false);
    expect(serviceOver({}, { sessionsTo: '2024-12-31' }, '2025-01-01')).toBe(true);
  });
});

describe('the evaluation form and its answers', () => {
  test('the form asks the definition’s questions, the scale of the work plan, and carries the notice', () => {
    const plan = evaluationFormPlan();
    const items = plan.requests.flatMap((r) => ('createItem' in r ? [r.createItem.item] : []));
    expect(items.map((i) => i.questionItem?.question?.questionId)).toEqual(EVALUATION_QUESTIONS.map((q) => q.formQuestionId));
    expect(items[1]!.questionItem?.question?.choiceQuestion?.options).toEqual([{ value: 'Poc' }, { value: 'Suficient' }, { value: 'Molt' }]);
    const info = plan.requests.find((r) => 'updateFormInfo' in r);
    expect(JSON.stringify(info)).toContain(caPrivacy.title);
  });

  test('the link fills the reference in (entry = question ID in decimal)', () => {
    expect(evaluationLink(URI, '2020-04-001')).toBe(`${URI}?usp=pp_url&entry.${0x2e000001}=2020-04-001`);
  });

  const response = (id: string, ref: string, usefulness = 'Molt') => ({
    responseId: id,
    createTime: '2024-07-01T08:00:00Z',
    answers: Object.fromEntries(
      [['2e000001', ref], ['2e000002', usefulness], ['2e000003', 'Suficient'], ['2e000004', 'L’ordenança model'], ['2e000005', '']].map(([q, v]) => [q, { questionId: q, textAnswers: { answers: v ? [{ value: v }] : [] } }]),
    ),
  });

  test('answers become rows once each, matched to their request by reference', () => {
    const answers = [response('a1', ' 2024-ccpr-001 '), response('a1', '2024-CCPR-001'), response('a2', 'no-existeix', 'Gens'), response('a0', '2024-CCPR-001')];
    const rows = evaluationRows(answers.map(evaluationAnswer), { responseIds: new Set(['a0']), requests: [req()], calls });
    expect(rows).toEqual([
      ['a1', '2024-07-01 10:00:00', '2024-ccpr-001', 'r1', '2024-CCPR', 2024, 'Manresa', 'Molt', 'Suficient', 3, 2, 'L’ordenança model', ''],
      ['a2', '2024-07-01 10:00:00', 'no-existeix', '', '', '', '', '', 'Suficient', '', 2, 'L’ordenança model', ''],
    ]);
  });
});
