// The log entries the doors and the sweep write, built in one place so that an intent, a
// result and a mark always have the shape the outbox fold reads back.
import type { LogEntry } from '../domain/log-entry';
import type { Keyed } from './keys';

/** What a send gave: SendGrid's message ID, or the error it failed with. */
export type SendOutcome = { messageId: string; error?: undefined } | { error: unknown; messageId?: undefined };

type Base = Keyed & { requestId: string; at: string };

/** Written before a send: an intent with no result after it may have gone out. */
export const intent = (e: Base & { attempt: number }): LogEntry => ({ ...pick(e), state: 'pendent', detail: `intent ${e.attempt}` });

/** Written after a send. `sent` is what the log keeps on success (decisions keep their values). */
export function sendResult(e: Base & { attempt: number; outcome: SendOutcome; sent?: (messageId: string) => string }): LogEntry {
  const { outcome, attempt, sent } = e;
  if (outcome.messageId === undefined) {
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return { ...pick(e), state: 'error', detail: `intent ${attempt}: ${message}` };
  }
  return { ...pick(e), state: 'enviat', detail: sent ? sent(outcome.messageId) : `missatge ${outcome.messageId}` };
}

/** Something recorded, not sent: a request, a refusal, a held-back decision, a digest item. */
export const mark = (e: Base & { detail: string }): LogEntry => ({ ...pick(e), state: 'registrat', detail: e.detail });

const pick = ({ requestId, at, kind, key }: Base) => ({ requestId, at, kind, key });
