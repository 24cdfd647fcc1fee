// The Google Form door: a CloudEvent function on the Pub/Sub topic the Forms API watch
// (RESPONSES) publishes to. The message says only "something changed" (formId, watchId,
// eventType; maybe not even that), arrives at least once, late or twice. So the function
// trusts none of it: it lists the responses since its watermark, maps them by question ID
// and hands every new one to the intake pipeline in one call (one Sheets append).
import * as functions from '@google-cloud/functions-framework';
import type { CloudEvent } from '@google-cloud/functions-framework';
import { UpstreamError } from '../shared/errors';
import type { FormSource } from '../shared/ports';
import type { Logger } from '../shared/log';
import type { ResponseIntake } from '../shared/pipeline/form-responses';
import { formsRuntime } from '../shared/runtime';

/** The Pub/Sub message as Eventarc delivers it (data of a messagePublished CloudEvent). */
export interface PubSubData {
  message?: { attributes?: Record<string, string>; data?: string; messageId?: string; publishTime?: string };
  subscription?: string;
}

export interface FormResponsesDeps {
  formId: string;
  source: Pick<FormSource, 'listResponses'>;
  intake: ResponseIntake;
  logger: Logger;
}

/**
 * The listing overlaps the last one by this much: the API lists in no time order and a
 * response stamped at T may become visible after one stamped later, so "strictly after
 * the newest seen" could skip it. Re-listed responses cost nothing (handled in memory).
 */
export const OVERLAP_MS = 10 * 60 * 1000;

export function createFormResponses(deps: () => Promise<FormResponsesDeps>, opts: { overlapMs?: number } = {}) {
  const overlap = opts.overlapMs ?? OVERLAP_MS;
  // The watermark lives in this instance only, on purpose: a cold start lists every
  // response once (those already in the sheet come back "duplicate" at the cost of the
  // pipeline's one read), which also recovers whatever a lost notification left behind;
  // keeping it in the sheet would cost a read and a write on every notification. Deploy
  // with max-instances=1: one instance at a time is what makes memory enough to note an
  // edit once (shared/pipeline/form-responses.ts).
  let watermark: number | undefined;
  let running: Promise<void> | undefined;
  let again: Promise<void> | undefined;

  async function pass(d: FormResponsesDeps): Promise<void> {
    const since = watermark === undefined ? undefined : new Date(watermark - overlap).toISOString();
    const responses = await d.source.listResponses(d.formId, since);
    const counts = await d.intake.take(responses);
    for (const r of responses) {
      const t = Date.parse(r.lastSubmittedTime ?? '');
      if (Number.isFinite(t) && (watermark === undefined || t > watermark)) watermark = t;
    }
    // An empty first listing still starts the clock, so the next one is not a full one.
    watermark ??= Date.now();
    d.logger.log('INFO', 'formResponses: pass done', { since: since ?? 'all', ...counts });
  }

  /**
   * One pass at a time per instance. A notification arriving during a pass may be about
   * a response that pass could not see, so it waits for one more pass, shared by every
   * notification that arrived meanwhile: a burst of ten costs at most two passes.
   */
  function schedule(d: FormResponsesDeps): Promise<void> {
    if (!running) {
      running = pass(d).finally(() => (running = undefined));
      return running;
    }
    again ??= running
      .catch(() => undefined)
      .then(() => {
        again = undefined;
        return schedule(d);
      });
    return again;
  }

  return async (event: CloudEvent<PubSubData>): Promise<void> => {
    const d = await deps();
    const attributes = event.data?.message?.attributes ?? {};
    if (attributes.formId && attributes.formId !== d.formId) {
      d.logger.log('WARNING', 'formResponses: notification for another form ignored', { formId: attributes.formId });
      return;
    }
    if (attributes.eventType && attributes.eventType !== 'RESPONSES') return; // a SCHEMA watch changes no response
    try {
      await schedule(d);
    } catch (error) {
      // Thrown only for faults a retry can fix (Sheets or Forms unavailable), so the
      // trigger delivers again; anything else is logged and the message acknowledged.
      if (error instanceof UpstreamError && error.transient) throw error;
      d.logger.log('ERROR', 'formResponses: pass failed', { error });
    }
  };
}

export const formResponses = createFormResponses(formsRuntime);
functions.cloudEvent<PubSubData>('formResponses', formResponses);
