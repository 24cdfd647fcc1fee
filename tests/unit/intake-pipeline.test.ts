// The pipeline's guarantees with in-memory fakes (the adapters have their own tests
// against the emulators): a write that may have been applied is checked before retrying,
// nothing is answered before it is recorded, emails follow the write.
import { describe, expect, test } from 'vitest';
import { UpstreamError } from '../../shared/errors';
import { IN_PROCESS_ONLY, type WriteGuard } from '../../shared/lease/guard';
import { LeaseBusy, LeaseLost } from '../../shared/lease/lease';
import { createIntakePipeline } from '../../shared/pipeline/intake';
import type { IntakeSnapshot, Mailer, OutgoingEmail, WorkspaceStore } from '../../shared/ports';
import { parseCalls } from '../../shared/workspace/config-rows';
import type { LogEntry } from '../../shared/domain/log-entry';
import type { CellValue } from '../../shared/workspace/request-row';
import { SEED_CALLS } from '../../shared/workspace/seed';
import { validBody } from '../support/submissions';

class FakeStore implements WorkspaceStore {
  rows: Record<string, CellValue>[] = [];
  log: LogEntry[] = [];
  failWrites: Array<'before' | 'after'> = [];
  failReads = 0;
  calls = 0;
  async readIntakeSnapshot(): Promise<IntakeSnapshot> {
    this.calls++;
    if (this.failReads-- > 0) throw new UpstreamError('sheets', true);
    return {
      calls: parseCalls(SEED_CALLS),
      members: [{ name: 'Sant Cugat del Vallès', type: 'Ajuntament', county: 'Vallès Occidental', active: true }],
      existing: this.rows.map((r) => ({ id: String(r.ID), reference: String(r['Referència']), callId: String(r['Convocatòria']), municipality: String(r['Ajuntament / Consell Comarcal']) })),
    };
  }
  timeouts: Array<number | undefined> = [];
  async appendRequests(rows: Record<string, CellValue>[], log: LogEntry[], opts: { timeoutMs?: number } = {}) {
    this.calls++;
    this.timeouts.push(opts.timeoutMs);
    const fault = this.failWrites.shift();
    if (fault === 'before') throw new UpstreamError('sheets', true);
    this.rows.push(...rows);
    this.log.push(...log);
    if (fault === 'after') throw new UpstreamError('sheets', true); // applied, then the answer was lost
  }
  async appendLog(log: LogEntry[]) {
    this.calls++;
    this.log.push(...log);
  }
}

class FakeMailer implements Mailer {
  sent: OutgoingEmail[] = [];
  fail = false;
  async send(email: OutgoingEmail) {
    if (this.fail) throw new UpstreamError('sendgrid', true);
    this.sent.push(email);
    return { messageId: `m${this.sent.length}` };
  }
}

const setup = (guard: WriteGuard = IN_PROCESS_ONLY) => {
  const store = new FakeStore();
  const mailer = new FakeMailer();
  const pipeline = createIntakePipeline({ store, guard, mailer, staffEmails: ['staff@xmess.cat'], logger: { log: () => undefined } });
  return { store, mailer, pipeline };
};

/** A guard that records its use and whose fence answers from a list (a number, or an error to throw). */
function scriptedGuard(opts: { busy?: boolean; fences?: Array<number | Error> } = {}) {
  const seen = { runs: 0, fences: 0, active: false };
  const guard: WriteGuard = {
    retryAfterS: 7,
    async run(work) {
      seen.runs++;
      if (opts.busy) throw new LeaseBusy('busy');
      seen.active = true;
      try {
        return await work(async () => {
          seen.fences++;
          const next = opts.fences?.shift() ?? 5000;
          if (next instanceof Error) throw next;
          return next;
        });
      } finally {
        seen.active = false;
      }
    },
  };
  return { guard, seen };
}

describe('intake pipeline', () => {
  test('a write answered 5xx after it was applied is not written again', async () => {
    const { store, mailer, pipeline } = setup();
    store.failWrites = ['after'];
    const out = await pipeline.submit({ kind: 'json', body: validBody() });
    expect(out).toMatchObject({ status: 'created' });
    expect(store.rows).toHaveLength(1);
    expect(mailer.sent.filter((m) => m.to.includes('nuria.puig@example.cat'))).toHaveLength(1);
  });

  test('a write refused before applying is retried', async () => {
    const { store, pipeline } = setup();
    store.failWrites = ['before', 'before'];
    expect(await pipeline.submit({ kind: 'json', body: validBody() })).toMatchObject({ status: 'created' });
    expect(store.rows).toHaveLength(1);
  });

  test('when the sheet cannot be written: unavailable, and no email went out', async () => {
    const { store, mailer, pipeline } = setup();
    store.failWrites = ['before', 'before', 'before'];
    expect(await pipeline.submit({ kind: 'json', body: validBody() })).toEqual({ status: 'unavailable' });
    expect(mailer.sent).toEqual([]);
    store.failReads = 1;
    expect(await pipeline.submit({ kind: 'json', body: validBody() })).toEqual({ status: 'unavailable' });
  });

  test('a failed confirmation keeps the request and records the failure for the sweep', async () => {
    const { store, mailer, pipeline } = setup();
    mailer.fail = true;
    expect(await pipeline.submit({ kind: 'json', body: validBody() })).toMatchObject({ status: 'created' });
    expect(store.rows).toHaveLength(1);
    expect(store.log.filter((e) => e.key === 'confirmacio:resp-0001').map((e) => e.state)).toEqual(['pendent', 'error']);
  });

  test('invalid and unparseable bodies are recorded with their reasons', async () => {
    const { store, pipeline } = setup();
    const out = await pipeline.submit({ kind: 'json', body: validBody({ contactEmail: '=HYPERLINK("x")' }) });
    expect(out).toMatchObject({ status: 'invalid' });
    await pipeline.submit({ kind: 'unparseable', raw: '{"a":', reason: 'no JSON' });
    expect(store.log.filter((e) => e.kind === 'invalida')).toHaveLength(2);
    expect(store.log[0]!.detail).toContain('=HYPERLINK');
    expect(store.rows).toEqual([]);
  });

  test('concurrent submissions share one read and one write', async () => {
    const { store, pipeline } = setup();
    const outs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => pipeline.submit({ kind: 'json', body: validBody({ submissionId: `s${i}` }) })),
    );
    expect(new Set(outs.map((o) => (o as { reference: string }).reference)).size).toBe(20);
    expect(store.calls).toBe(3); // read, write rows, write email results
  });
});

describe('the write guard', () => {
  test('taken once per flush, around the read and the append; emails after it is released', async () => {
    const { guard, seen } = scriptedGuard();
    const { store, mailer, pipeline } = setup(guard);
    const sentWhileHeld: boolean[] = [];
    const send = mailer.send.bind(mailer);
    mailer.send = async (e) => (sentWhileHeld.push(seen.active), send(e));
    const outs = await Promise.all(Array.from({ length: 5 }, (_, i) => pipeline.submit({ kind: 'json', body: validBody({ submissionId: `g${i}` }) })));
    expect(outs.every((o) => o.status === 'created')).toBe(true);
    expect(seen).toMatchObject({ runs: 1, fences: 1 });
    expect(store.timeouts).toEqual([5000]); // the append is bounded by what the fence allowed
    expect(sentWhileHeld.length).toBeGreaterThan(0);
    expect(sentWhileHeld.every((held) => !held)).toBe(true);
  });

  test('busy for the whole wait: nothing read, nothing written, every caller told when to come back', async () => {
    const { guard } = scriptedGuard({ busy: true });
    const { store, mailer, pipeline } = setup(guard);
    const outs = await pipeline.submitMany([{ kind: 'json', body: validBody({ submissionId: 'b1' }) }, { kind: 'json', body: validBody({ submissionId: 'b2' }) }]);
    expect(outs).toEqual([{ status: 'unavailable', retryAfterS: 7 }, { status: 'unavailable', retryAfterS: 7 }]);
    expect(store.calls).toBe(0);
    expect(mailer.sent).toEqual([]);
  });

  test('a lease lost before the append: the append is never sent', async () => {
    const { guard } = scriptedGuard({ fences: [new LeaseLost('taken over')] });
    const { store, mailer, pipeline } = setup(guard);
    expect(await pipeline.submit({ kind: 'json', body: validBody() })).toEqual({ status: 'unavailable', retryAfterS: 7 });
    expect(store.rows).toEqual([]);
    expect(store.timeouts).toEqual([]);
    expect(mailer.sent).toEqual([]);
  });

  test('a retry after a failed append is fenced again, and stops when the lease is gone', async () => {
    const { guard, seen } = scriptedGuard({ fences: [4000, new LeaseLost('expired')] });
    const { store, pipeline } = setup(guard);
    store.failWrites = ['before'];
    expect(await pipeline.submit({ kind: 'json', body: validBody() })).toMatchObject({ status: 'unavailable' });
    expect(seen.fences).toBe(2);
    expect(store.timeouts).toEqual([4000]);
    expect(store.rows).toEqual([]);
  });
});
