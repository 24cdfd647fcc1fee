// How the Google Form door lists responses on a notification. The message says only
// "something changed", arrives at least once, late or twice; so each notification lists
// the responses since a watermark and hands every one to the response intake.
//
// The watermark lives in this instance only, on purpose: a cold start lists every response
// once (those already in the sheet are found there by the response intake's one read of the
// workspace), which also recovers whatever a lost notification left behind; keeping it in
// the sheet would cost a read and a write on every notification.
import type { FormResponse } from '../forms/form-source';
import type { Logger } from '../log';
import type { FormSource } from '../ports';
import type { ResponseIntake } from './form-responses';

/**
 * The listing overlaps the last one by this much: the API lists in no time order and a
 * response stamped at T may become visible after one stamped later, so "strictly after
 * the newest seen" could skip it. Re-listed responses cost nothing (handled in memory).
 */
export const OVERLAP_MS = 10 * 60 * 1000;

/** The `since` of the next listing: everything on a cold start, else the overlap before the mark. */
export const listingSince = (watermark: number | undefined, overlapMs: number): string | undefined =>
  watermark === undefined ? undefined : new Date(watermark - overlapMs).toISOString();

/** The newest submission seen; an empty first listing starts the clock at `nowMs`. */
export function advanceWatermark(watermark: number | undefined, responses: readonly FormResponse[], nowMs: number): number {
  let mark = watermark;
  for (const r of responses) {
    const t = Date.parse(r.lastSubmittedTime ?? '');
    if (Number.isFinite(t) && (mark === undefined || t > mark)) mark = t;
  }
  return mark ?? nowMs;
}

/**
 * One run at a time. A call arriving during a run may be about something that run could
 * not see, so it waits for one more run, shared by every call that arrived meanwhile: a
 * burst of ten costs at most two runs.
 */
export function coalesce(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again: Promise<void> | undefined;
  const schedule = (): Promise<void> => {
    if (!running) {
      running = run().finally(() => (running = undefined));
      return running;
    }
    again ??= running
      .catch(() => undefined)
      .then(() => {
        again = undefined;
        return schedule();
      });
    return again;
  };
  return schedule;
}

export interface ListingDeps {
  formId: string;
  source: Pick<FormSource, 'listResponses'>;
  intake: ResponseIntake;
  logger: Logger;
}

/** Lists and takes the responses since the watermark, coalesced; `now` for tests. */
export function createResponseListing(overlapMs = OVERLAP_MS, now: () => number = Date.now) {
  let watermark: number | undefined;
  let deps: ListingDeps | undefined;
  const pass = async () => {
    const d = deps!;
    const since = listingSince(watermark, overlapMs);
    const responses = await d.source.listResponses(d.formId, since);
    const counts = await d.intake.take(responses);
    watermark = advanceWatermark(watermark, responses, now());
    d.logger.log('INFO', 'formResponses: pass done', { since: since ?? 'all', ...counts });
  };
  const run = coalesce(pass);
  return (d: ListingDeps): Promise<void> => {
    deps = d;
    return run();
  };
}
