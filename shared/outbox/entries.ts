// The log entries the doors and the sweep write, built in one place so that an intent, a
// result and a mark always have the shape the outbox fold reads back.
import { createHash } from 'node:crypto';
import type { LogEntry } from '../domain/log-entry';
import { UpstreamError } from '../errors';
import type { Keyed } from './keys';

/** What a send gave: SendGrid's message ID, or the error it failed with. */
export type SendOutcome = { messageId: string; error?: undefined } | { error: unknown; messageId?: undefined };

type Base = Keyed & { requestId: string; at: string };

/** Written before a send: an intent with no result after it may have gone out. */
export const intent = (e: Base & { attempt: number }): LogEntry => ({ ...pick(e), state: 'pendent', detail: `intent ${e.attempt}` });

/**
 * In an error's detail: the service refused for good (a 4xx other than 429), so trying the
 * same message again cannot help; the sweep stops and tells staff what to fix.
 */
export const PERMANENT_FAILURE = 'definitiu';

/**
 * In an error's detail: no answer came back once the message was on its way (a timeout, a
 * reset), so it may have been delivered; the next try is reported as a possible duplicate.
 */
export const MAYBE_SENT = 'potser enviat';

/**
 * Who a message went to, as a short digest of its addresses: a refusal for good holds for
 * these recipients only, so correcting the cell lets the next sweep try the new address.
 */
export const recipientTag = (e: { to: readonly string[]; bcc?: readonly string[] }): string =>
  createHash('sha256')
    .update([...e.to, ...(e.bcc ?? [])].map((a) => a.trim().toLowerCase()).sort().join(','))
    .digest('hex')
    .slice(0, 8);

/** Written after a send. `sent` is what the log keeps on success (decisions keep their values). */
export function sendResult(
  e: Base & { attempt: number; outcome: SendOutcome; sent?: (messageId: string) => string; recipients?: string },
): LogEntry {
  const { outcome, attempt, sent } = e;
  if (outcome.messageId === undefined) {
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    const permanent = outcome.error instanceof UpstreamError && !outcome.error.transient;
    const maybeSent = outcome.error instanceof UpstreamError && outcome.error.maybeDone;
    const mark = permanent ? ` (${PERMANENT_FAILURE} ${e.recipients ?? ''})` : maybeSent ? ` (${MAYBE_SENT})` : '';
    return { ...pick(e), state: 'error', detail: `intent ${attempt}${mark}: ${message}` };
  }
  return { ...pick(e), state: 'enviat', detail: sent ? sent(outcome.messageId) : `missatge ${outcome.messageId}` };
}

/** Something recorded, not sent: a request, a refusal, a held-back decision, a digest item. */
export const mark = (e: Base & { detail: string }): LogEntry => ({ ...pick(e), state: 'registrat', detail: e.detail });

const pick = ({ requestId, at, kind, key }: Base) => ({ requestId, at, kind, key });
