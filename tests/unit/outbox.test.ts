// The outbox's keys are the log's idempotency contract: a key written by one door and read
// by the sweep (or by another instance) must be spelt the same way. Each shape is pinned
// here, because changing one silently would make every email already sent look unsent.
import { describe, expect, test } from 'vitest';
import { LOG_KIND } from '../../shared/domain/log-entry';
import { UpstreamError } from '../../shared/errors';
import { anonymisedCallOf, confirmationOf, digestKey, intent, mark, outbox, outboxKey, sendResult } from '../../shared/outbox';

describe('outbox keys', () => {
  test.each([
    [outboxKey.received('r1'), 'rebuda', 'rebuda:r1'],
    [outboxKey.invalid('r1'), 'invalida', 'invalida:r1'],
    [outboxKey.invalid(''), 'invalida', 'invalida:'],
    [outboxKey.confirmation('r1'), 'confirmacio', 'confirmacio:r1'],
    [outboxKey.staffNotice('r1'), 'avis_personal', 'avis_personal:r1'],
    [outboxKey.staffNoticeInvalid('r1'), 'avis_personal', 'avis_personal:invalida:r1'],
    [outboxKey.edit('r1', '2020-05-04T10:00:00Z'), 'editada', 'editada:r1:2020-05-04T10:00:00Z'],
    [outboxKey.staffNoticeEdit('r1', 'v2'), 'avis_personal', 'avis_personal:editada:r1:v2'],
    [outboxKey.decision('r1', 'ab12'), 'decisio', 'decisio:r1:ab12'],
    [outboxKey.blocked('r1', 'ab12'), 'bloquejada', 'bloquejada:r1:ab12'],
    [outboxKey.alert('confirmacio:r1'), 'alerta', 'alerta:confirmacio:r1'],
    [outboxKey.announcement('r1'), 'difusio', 'difusio:r1'],
    [outboxKey.reported('fora_termini:r1'), 'resum', 'resum:fora_termini:r1'],
    [outboxKey.anonymised('2020-04'), 'anonimitzada', 'anonimitzada:2020-04'],
    [outboxKey.evaluation('r1'), 'avaluacio', 'avaluacio:r1'],
  ])('%o is kind %s, key %s', (keyed, kind, key) => {
    expect(keyed).toEqual({ kind, key });
    expect(Object.values(LOG_KIND)).toContain(keyed.kind);
  });

  test.each([
    [digestKey.possibleDuplicate('decisio:r1:ab'), 'duplicat:decisio:r1:ab'],
    [digestKey.sendFailed('decisio:r1:ab', 2), 'error:decisio:r1:ab:2'],
    [digestKey.late('r1'), 'fora_termini:r1'],
    [digestKey.nonMember('r1'), 'no_membre:r1'],
    [digestKey.invalid('r1', '2020-05-04 10:00:00'), 'invalida:r1:2020-05-04 10:00:00'],
    [digestKey.poolOver('2020-04', 'Mentoria', -4), 'bossa:2020-04:Mentoria:-4'],
    [digestKey.waitingServable('r1', 8), 'espera:r1:8'],
    [digestKey.retentionDue('2020-04'), 'conservacio:2020-04'],
    [digestKey.rowGone('r1'), 'fila_esborrada:r1'],
    [digestKey.formsWatchFailed('2020-05-04'), 'forms-watch:failed:2020-05-04'],
    [digestKey.formsWatchRecreated('w1'), 'forms-watch:recreated:w1'],
    [digestKey.formsWatchReactivated('w1', 'T'), 'forms-watch:reactivated:w1:T'],
    [digestKey.formsWatchSuspended('TOPIC_NOT_FOUND', '2020-05-04'), 'forms-watch:suspended:TOPIC_NOT_FOUND:2020-05-04'],
  ])('digest item %s', (got, want) => expect(got).toBe(want));

  test('a confirmation key gives back its request, any other key nothing', () => {
    expect(confirmationOf(outboxKey.confirmation('a:b').key)).toBe('a:b');
    expect(confirmationOf(outboxKey.alert(outboxKey.confirmation('r1').key).key)).toBeUndefined();
    expect(confirmationOf(outboxKey.decision('r1', 'x').key)).toBeUndefined();
  });

  test('an anonymisation key gives back its call, any other key nothing', () => {
    expect(anonymisedCallOf(outboxKey.anonymised('2024-CCPR').key)).toBe('2024-CCPR');
    expect(anonymisedCallOf(outboxKey.reported(digestKey.retentionDue('2020-04')).key)).toBeUndefined();
  });
});

describe('outbox entries and fold', () => {
  const at = '2020-05-04 10:00:00';
  const key = outboxKey.confirmation('r1');

  test('an intent, then an error, then a success: the fold sees one failure and the send', () => {
    const log = [
      intent({ requestId: 'r1', at, ...key, attempt: 1 }),
      sendResult({ requestId: 'r1', at, ...key, attempt: 1, outcome: { error: new Error('503') } }),
      intent({ requestId: 'r1', at: '2020-05-04 10:05:00', ...key, attempt: 2 }),
      sendResult({ requestId: 'r1', at: '2020-05-04 10:05:00', ...key, attempt: 2, outcome: { messageId: 'm1' } }),
    ];
    expect(log.map((e) => [e.state, e.detail])).toEqual([
      ['pendent', 'intent 1'],
      ['error', 'intent 1: 503'],
      ['pendent', 'intent 2'],
      ['enviat', 'missatge m1'],
    ]);
    const st = outbox(log).get(key.key)!;
    expect(st).toMatchObject({ state: 'enviat', failures: 1, openIntent: false, sentDetail: 'missatge m1' });
  });

  test('an intent left alone is open; a mark is recorded, not sent', () => {
    const ob = outbox([intent({ requestId: 'r1', at, ...key, attempt: 1 }), mark({ requestId: '', at, ...outboxKey.reported('x'), detail: 'text' })]);
    expect(ob.get(key.key)).toMatchObject({ state: 'pendent', openIntent: true });
    expect(ob.get('resum:x')).toMatchObject({ state: 'registrat', openIntent: false });
  });

  test('a failure with no answer once on its way is kept as "maybe sent"; a refusal or a plain failure is not', () => {
    const fail = (error: unknown) => outbox([sendResult({ requestId: 'r1', at, ...key, attempt: 1, outcome: { error }, recipients: 'abcd1234' })]).get(key.key)!;
    const noAnswer = new UpstreamError('sendgrid', true, { message: 'SendGrid send failed', maybeDone: true });
    expect(fail(noAnswer)).toMatchObject({ state: 'error', maybeSent: true, permanentFor: undefined });
    expect(fail(new UpstreamError('sendgrid', true, { message: 'SendGrid send failed (503)' }))).toMatchObject({ maybeSent: false });
    expect(fail(new UpstreamError('sendgrid', false, { message: 'SendGrid send failed (400)' }))).toMatchObject({ maybeSent: false, permanentFor: 'abcd1234' });
    const retried = outbox([
      sendResult({ requestId: 'r1', at, ...key, attempt: 1, outcome: { error: noAnswer } }),
      sendResult({ requestId: 'r1', at, ...key, attempt: 2, outcome: { messageId: 'm2' } }),
    ]).get(key.key)!;
    expect(retried.maybeSent).toBe(false);
  });

  test('a success keeps what the caller asks (a decision keeps its values)', () => {
    const e = sendResult({ requestId: 'r1', at, ...outboxKey.decision('r1', 'f'), attempt: 1, outcome: { messageId: 'm9' }, sent: (id) => `{"id":"${id}"}` });
    expect(e.detail).toBe('{"id":"m9"}');
  });
});
