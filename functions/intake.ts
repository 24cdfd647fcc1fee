// Signed HTTP intake: parse the trigger, call the pipeline, answer. An Apps Script relay
// or any other signed form posts the public JSON contract here.
import * as functions from '@google-cloud/functions-framework';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { withinJsonLimits } from '../shared/domain/json-limits';
import { verifySignature } from '../shared/domain/signature';
import { ca } from '../shared/i18n/ca';
import type { Logger } from '../shared/log';
import type { IntakePipeline } from '../shared/pipeline/intake';
import { intakeSecrets } from '../shared/runtime/config';
import { intakeRuntime } from '../shared/runtime';
import { MAX_BODY_BYTES } from './body-guard'; // also limits before the framework reads a body
import { answerCrash, answerError, answerOutcome } from './http-answer';

export interface IntakeShellDeps {
  secrets: string[];
  pipeline: IntakePipeline;
  logger?: Logger;
  nowS?: () => number;
}

export function createIntake(deps: () => Promise<IntakeShellDeps>): HttpFunction {
  return async (req, res) => {
    let logger: Logger | undefined;
    try {
      if (req.method !== 'POST') return answerError(res.set('Allow', 'POST'), 405, ca.errors.methodNotAllowed);
      const raw: Buffer = req.rawBody ?? Buffer.from(typeof req.body === 'string' ? req.body : '');
      if (raw.length > MAX_BODY_BYTES) return answerError(res, 413, ca.errors.tooLarge);
      const d = await deps();
      logger = d.logger;
      const nowS = d.nowS?.() ?? Math.floor(Date.now() / 1000);
      if (!verifySignature(req.get('x-signature'), raw, d.secrets, nowS)) {
        return answerError(res, 401, ca.errors.badSignature);
      }
      if (!req.is('application/json')) return answerError(res, 415, ca.errors.unsupportedMediaType);
      const text = raw.toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return answerOutcome(res, await d.pipeline.submit({ kind: 'unparseable', raw: text, reason: ca.errors.notJson }));
      }
      // Signed, yet too deep or too large to walk: refused and recorded like broken JSON.
      if (!withinJsonLimits(body)) return answerOutcome(res, await d.pipeline.submit({ kind: 'unparseable', raw: text, reason: ca.errors.tooDeep }));
      answerOutcome(res, await d.pipeline.submit({ kind: 'json', body }));
    } catch (error) {
      answerCrash(res, logger, error);
    }
  };
}

export const intake = createIntake(async () => {
  const runtime = await intakeRuntime();
  return { ...runtime, secrets: intakeSecrets(runtime.config) };
});
functions.http('intake', intake);
