// The scheduled sweep: Cloud Scheduler calls it every few minutes with an OIDC token,
// which the platform checks (the function is not public). It sends released decisions,
// retries failed confirmations and sends staff one digest.
import * as functions from '@google-cloud/functions-framework';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { UpstreamError } from '../shared/errors';
import { isGuardRefusal } from '../shared/lease/guard';
import { ca } from '../shared/i18n/ca';
import type { Logger } from '../shared/log';
import type { SweepResult } from '../shared/pipeline/sweep';
import { sweepRuntime } from '../shared/runtime';
import { answerCrash, answerError } from './http-answer';
import './body-guard'; // limits before the framework reads a body

export function createSweepFunction(deps: () => Promise<{ run: () => Promise<SweepResult>; logger?: Logger }>): HttpFunction {
  return async (req, res) => {
    let logger: Logger | undefined;
    try {
      if (req.method !== 'POST') return answerError(res.set('Allow', 'POST'), 405, ca.errors.methodNotAllowed);
      const d = await deps();
      logger = d.logger;
      res.status(200).json(await d.run());
    } catch (error) {
      // A Sheets or SendGrid outage, or another sweep or door holding the write lease: the
      // scheduler's next call (or its retry) will try again.
      if (error instanceof UpstreamError || isGuardRefusal(error)) {
        logger?.log('WARNING', 'sweep: unavailable', { error, service: error instanceof UpstreamError ? error.service : 'lease' });
        return answerError(res.set('Retry-After', '60'), 503, ca.errors.unavailable);
      }
      answerCrash(res, logger, error);
    }
  };
}

export const sweep = createSweepFunction(sweepRuntime);
functions.http('sweep', sweep);
