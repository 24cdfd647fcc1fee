// One place turns outcomes and errors into HTTP answers, in Catalan.
import type { Response } from '@google-cloud/functions-framework';
import { ca } from '../shared/i18n/ca';
import type { Logger } from '../shared/log';
import type { IntakeOutcome } from '../shared/pipeline/intake';

export function answerOutcome(res: Response, outcome: IntakeOutcome): void {
  switch (outcome.status) {
    case 'created':
    case 'duplicate':
      res.status(outcome.status === 'created' ? 201 : 200).json({ reference: outcome.reference, flags: outcome.flags });
      return;
    case 'invalid':
      res.status(400).json({ error: ca.errors.invalidSubmission, fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors });
      return;
    case 'unavailable':
      res.status(503).set('Retry-After', String(outcome.retryAfterS ?? 60)).json({ error: ca.errors.unavailable });
  }
}

export const answerError = (res: Response, status: number, error: string): void => {
  res.status(status).json({ error });
};

/** Unexpected errors: the stack goes to the log, the caller gets a bare 500. */
export function answerCrash(res: Response, logger: Logger | undefined, error: unknown): void {
  logger?.log('ERROR', 'unexpected error', { error });
  if (!res.headersSent) res.status(500).json({ error: ca.errors.internal });
}
