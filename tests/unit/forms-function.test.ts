// formResponses with in-memory stand-ins: what it lists (watermark and overlap), when it
// throws (only when a retry can help), and how a burst of notifications is coalesced.
import { describe, expect, test } from 'vitest';
import type { CloudEvent } from '@google-cloud/functions-framework';
import { createFormResponses, type FormResponsesDeps, type PubSubData } from '../../functions/formResponses';
import { advanceWatermark, coalesce, listingSince, OVERLAP_MS } from '../../shared/pipeline/response-listing';
import { UpstreamError } from '../../shared/errors';
import type { FormResponse } from '../../shared/forms/form-source';
import type { Logger } from '../../shared/log';
import { createResponseIntake, type ResponseIntake } from '../../shared/pipeline/form-responses';
import type { IntakeOutcome, IntakePipeline } from '../../shared/pipeline/intake';
import { apiAnswers, formAnswers } from '../support/form-answers';

const FORM = 'form-id-0123456789';
const event = (attributes?: Record<string, string>): CloudEvent<PubSubData> => ({
  specversion: '1.0',
  id: '1',
  source: '//pubsub.googleapis.com/projects/p/topics/t',
  type: 'google.cloud.pubsub.topic.v1.messagePublished',
  ...(attributes ? { data: { message: { attributes } } } : {}),
});
const at = (iso: string): FormResponse => ({ responseId: `r-${iso}`, createTime: iso, lastSubmittedTime: iso });
const counts = { listed: 0, created: 0, duplicates: 0, invalid: 0, edits: 0, skipped: 0, deferred: 0 };

function harness(opts: { list?: (since?: string) => Promise<FormResponse[]>; take?: ResponseIntake['take'] } = {}) {
  const calls: Array<string | undefined> = [];
  const logs: string[] = [];
  const logger: Logger = { log: (severity, message) => void logs.push(`${severity} ${message}`) };
  const deps: FormResponsesDeps = {
    formId: FORM,
    source: { listResponses: async (_f, since) => (calls.push(since), (opts.list ?? (async () => []))(since)) },
    intake: { take: opts.take ?? (async (r) => ({ ...counts, listed: r.length })) },
    logger,
  };
  return { fn: createFormResponses(async () => deps), calls, logs };
}

describe('what it lists', () => {
  test('everything on a cold start, then from the newest response seen minus the overlap', async () => {
    const h = harness({ list: async () => [at('2026-05-04T10:00:00.000Z'), at('2026-05-04T10:05:00.000Z'), at('2026-05-04T10:01:00.000Z')] });
    await h.fn(event({ formId: FORM, eventType: 'RESPONSES' }));
    await h.fn(event());
    expect(h.calls).toEqual([undefined, new Date(Date.parse('2026-05-04T10:05:00.000Z') - OVERLAP_MS).toISOString()]);
  });

  test('nothing for another form or a SCHEMA event', async () => {
    const h = harness();
    await h.fn(event({ formId: 'another-form', eventType: 'RESPONSES' }));
    await h.fn(event({ formId: FORM, eventType: 'SCHEMA' }));
    expect(h.calls).toEqual([]);
    expect(h.logs).toEqual(['WARNING formResponses: notification for another form ignored']);
  });

  test('a burst of ten notifications costs at most two passes', async () => {
    const h = harness({ list: async () => (await new Promise((r) => setTimeout(r, 20)), []) });
    await Promise.all(Array.from({ length: 10 }, () => h.fn(event())));
    expect(h.calls.length).toBeLessThanOrEqual(2);
  });
});

describe('when it throws', () => {
  test('a transient fault is thrown so the trigger retries, and the watermark stays where it was', async () => {
    let fail = false;
    const h = harness({
      list: async () => [at('2026-05-04T10:00:00.000Z')],
      take: async (r) => {
        if (fail) throw new UpstreamError('sheets', true, { message: 'unavailable' });
        return { ...counts, listed: r.length };
      },
    });
    await h.fn(event());
    fail = true;
    await expect(h.fn(event())).rejects.toThrow('unavailable');
    fail = false;
    await h.fn(event());
    expect(h.calls[2]).toBe(h.calls[1]);
  });

  test('Forms 5xx is thrown; a refusal (403, 404) is logged and the message acknowledged', async () => {
    await expect(harness({ list: async () => Promise.reject(new UpstreamError('forms', true)) }).fn(event())).rejects.toBeInstanceOf(UpstreamError);
    const refused = harness({ list: async () => Promise.reject(new UpstreamError('forms', false, { message: 'Forms responses.list failed (403)' })) });
    await expect(refused.fn(event())).resolves.toBeUndefined();
    expect(refused.logs).toEqual(['ERROR formResponses: pass failed']);
  });
});

describe('the response intake', () => {
  test('an unavailable write is thrown and tried again; what was recorded is not', async () => {
    const submitted: string[][] = [];
    let outcome: IntakeOutcome['status'] = 'unavailable';
    const pipeline: IntakePipeline = {
      submit: async () => ({ status: 'unavailable' }),
      submitMany: async (inputs) => {
        submitted.push(inputs.map((i) => String((i as { body: { submissionId: string } }).body.submissionId)));
        return inputs.map(() => (outcome === 'created' ? { status: 'created', reference: 'X-001', flags: [] } : { status: 'unavailable' }));
      },
    };
    const intake = createResponseIntake({
      pipeline,
      journal: { readKnown: async () => ({ rows: new Map(), keys: new Map() }), appendLog: async () => undefined },
      mailer: { send: async () => ({ messageId: 'm' }) },
      staffEmails: [],
      logger: { log: () => undefined },
    });
    const response: FormResponse = { responseId: 'r-1', createTime: '2026-05-04T10:00:00Z', lastSubmittedTime: '2026-05-04T10:00:00Z', answers: apiAnswers(formAnswers()) };
    await expect(intake.take([response])).rejects.toMatchObject({ service: 'sheets', transient: true });
    outcome = 'created';
    expect(await intake.take([response])).toMatchObject({ created: 1 });
    expect(await intake.take([response])).toMatchObject({ created: 0, skipped: 1 });
    expect(submitted).toEqual([['r-1'], ['r-1']]);
  });
});

describe('the listing watermark, pure', () => {
  const at = (t: string) => ({ lastSubmittedTime: t });
  test('a cold start lists everything; later listings overlap the newest seen', () => {
    expect(listingSince(undefined, OVERLAP_MS)).toBeUndefined();
    expect(listingSince(Date.parse('2026-05-04T10:20:00Z'), OVERLAP_MS)).toBe('2026-05-04T10:10:00.000Z');
  });
  test('the mark moves to the newest submission, never back, and an empty first listing starts it at now', () => {
    const t0 = Date.parse('2026-05-04T10:00:00Z');
    expect(advanceWatermark(undefined, [], t0)).toBe(t0);
    expect(advanceWatermark(t0, [at('2026-05-04T09:00:00Z'), at('2026-05-04T10:05:00Z'), at('garbage')], 0)).toBe(Date.parse('2026-05-04T10:05:00Z'));
    expect(advanceWatermark(t0, [at('2026-05-04T09:00:00Z')], 0)).toBe(t0);
  });
  test('calls during a run share one more run', async () => {
    let runs = 0;
    let release!: () => void;
    const run = coalesce(async () => {
      runs++;
      if (runs === 1) await new Promise<void>((r) => (release = r));
    });
    const first = run();
    const later = [run(), run(), run()];
    expect(later[0]).toBe(later[2]);
    release();
    await Promise.all([first, ...later]);
    expect(runs).toBe(2);
  });
});
