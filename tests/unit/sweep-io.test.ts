// The sweep's own I/O against in-memory stand-ins: what it writes to the log and sends when
// a write or a send fails half-way, so that an email goes once and staff hear of what stopped.
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

const start = new Date('2020-06-01T10:00:00Z');
const staff = ['staff@xmess.cat'];
const req = (id: string, o: Partial<RequestView> = {}): RequestView => ({
  id, reference: `2020-04-${id}`, callId: '2020-04', municipality: 'Manresa', contactName: 'Anna', contactEmail: `${id}@example.cat`,
  topic: 'Energia', requestedService: 'Mentoria', late: false, member: true, decision: 'Denegada', service: '', hours: undefined,
  adviser: '', adviserContact: '', message: 'Gràcies', redirectedTo: '', announce: false, release: true, row: 7, ...o,
});
const state = (requests: RequestView[], log: LogEntry[]): SweepState => ({
  requests, log, calls: parseCalls(SEED_CALLS), members: [], pools: [{ callId: '2020-04', service: 'Mentoria', hours: 8, left: 8 }],
});
const transient = () => new UpstreamError('sendgrid', true, { message: 'SendGrid send failed (503)' });

/**
 * One workspace, one SendGrid, and a sweep whose clock the test moves. `failSend` and
 * `failWrite` decide, call by call, whether a send or a log write fails.
 */
function world(requests: RequestView[], log: LogEntry[] = []) {
  let clock = start.getTime();
  const w = {
    log: [...log],
    sent: [] as OutgoingEmail[],
    failSend: (_e: OutgoingEmail): boolean => false,
    failWrite: (_entries: LogEntry[]): boolean => false,
    later: (minutes: number) => void (clock += minutes * 60_000),
    digests: (): string[] => w.sent.filter((e) => e.customArgs?.kind === 'resum').map((e) => e.text),
    decisionsTo: (address: string): OutgoingEmail[] => w.sent.filter((e) => e.customArgs?.kind === 'decisio' && e.to.includes(address)),
  };
  const sweep = createSweep({
    guard: IN_PROCESS_ONLY,
    staff,
    logger: createLogger('silent'),
    now: () => new Date(clock),
    store: {
      readSweepState: async () => state(requests, w.log),
      appendLog: async (entries) => {
        if (w.failWrite(entries)) throw new UpstreamError('sheets', true, { message: 'Sheets write failed (503)' });
        w.log.push(...entries);
      },
    },
    mailer: {
      send: async (e) => {
        if (w.failSend(e)) throw transient();
        w.sent.push(e);
        return { messageId: `m${w.sent.length}` };
      },
    },
  });
  return Object.assign(w, { sweep });
}

describe('staff hear of what stopped, even when the digest that says so fails', () => {
  /** Five transient failures of the request's decision: the next sweep gives up on it. */
  function exhausted(r: RequestView): LogEntry[] {
    const send = planSweep(state([r], []), start, { staff }).sends[0]!;
    return [50, 40, 30, 20, 10].map((m, i) =>
      sendResult({ requestId: r.id, kind: send.kind, key: send.key, at: localStamp(new Date(start.getTime() - m * 60_000)), attempt: i + 1, outcome: { error: transient() }, recipients: recipientTag(send.email) }),
    );
  }

  /** A sweep whose digest SendGrid refuses, then one five minutes later that goes through. */
  async function digestFailsOnce(w: ReturnType<typeof world>) {
    w.failSend = (e) => e.customArgs?.kind === 'resum';
    await w.sweep();
    w.failSend = () => false;
    w.later(5);
    await w.sweep();
  }

  test('an email out of tries: the alert goes in the next digest that is sent, once', async () => {
    const r = req('1');
    const w = world([r], exhausted(r));
    await digestFailsOnce(w);
    expect(w.digests().filter((d) => d.includes('la decisió de 2020-04-1 després de 5 intents'))).toHaveLength(1);
    w.later(5);
    await w.sweep();
    expect(w.digests()).toHaveLength(1);
  });

  test('an acceptance held back by its pool: the Commission is told in the next digest that is sent', async () => {
    const w = world([req('2', { decision: 'Acceptada', service: 'Mentoria', hours: 12 })]);
    await digestFailsOnce(w);
    expect(w.digests().filter((d) => d.includes('2020-04-2'))).toHaveLength(1);
    expect(w.decisionsTo('2@example.cat')).toEqual([]);
  });
});

describe('a results write that fails after the emails went out', () => {
  const results = (entries: LogEntry[]) => entries.some((e) => e.state === 'enviat');

  test('is made by the next sweep before it plans: nothing is sent again, no duplicate to report', async () => {
    const w = world([req('1'), req('2')]);
    let fail = 1;
    w.failWrite = (entries) => results(entries) && fail-- > 0;
    await expect(w.sweep()).rejects.toThrow('Sheets write failed');
    expect(w.decisionsTo('1@example.cat')).toHaveLength(1);
    w.later(11); // past the intent timeout
    await w.sweep();
    w.later(11);
    await w.sweep();
    expect(w.decisionsTo('1@example.cat')).toHaveLength(1);
    expect(w.decisionsTo('2@example.cat')).toHaveLength(1);
    expect(w.digests().join('\n')).not.toContain('duplicat');
    expect(w.log.filter((e) => e.state === 'enviat').map((e) => e.requestId)).toEqual(['1', '2']);
  });

  test('while Sheets still refuses it, the next sweep fails before planning, and sends nothing', async () => {
    const w = world([req('1')]);
    w.failWrite = results;
    await expect(w.sweep()).rejects.toThrow();
    w.later(11);
    await expect(w.sweep()).rejects.toThrow();
    w.failWrite = () => false;
    w.later(11);
    await w.sweep();
    expect(w.decisionsTo('1@example.cat')).toHaveLength(1);
  });
});

test('a request’s row copied by hand (one ID on two rows): its decision goes once, not once per row', async () => {
  const r = req('1');
  const w = world([r, { ...r, row: 8 }]);
  await w.sweep();
  w.later(5);
  await w.sweep();
  expect(w.decisionsTo('1@example.cat')).toHaveLength(1);
});

describe('a digest item is told once, and again if its digest failed', () => {
  test('a failed digest: its items come again in the next; one sent: not again; one on its way: not twice', async () => {
    const w = world([req('1', { member: false, release: false, decision: '' })]);
    w.failSend = (e) => e.customArgs?.kind === 'resum';
    await w.sweep();
    expect(w.digests()).toEqual([]);
    w.failSend = () => false;
    w.later(1);
    await w.sweep();
    expect(w.digests()).toHaveLength(1);
    w.later(1);
    await w.sweep();
    expect(w.digests()).toHaveLength(1);
  });

  test('while another sweep’s digest carrying the item is on its way (its intent only), the item waits', async () => {
    const first = world([req('1', { member: false, release: false, decision: '' })]);
    first.failWrite = (entries) => entries.some((e) => e.state !== 'pendent'); // dies after its intents, as it were
    await first.sweep().catch(() => undefined);
    const second = world([req('1', { member: false, release: false, decision: '' })], first.log.filter((e) => e.state === 'pendent'));
    second.failSend = () => false;
    await second.sweep();
    expect(second.digests()).toEqual([]);
    second.later(11); // past the intent timeout: the first may have died before telling anyone
    await second.sweep();
    expect(second.digests()).toHaveLength(1);
  });
});
