// Builds the production adapters from configuration, once per process, on first use:
// a cold start pays for loading the Google and SendGrid clients only when a request comes.
import { loadConfig, type Config } from './config';
import { createLogger, type Logger } from './log';
import { createIntakePipeline, type IntakePipeline } from './pipeline/intake';
import { createSweep, type SweepResult } from './pipeline/sweep';
import type { Mailer } from './ports';
import type { SheetsWorkspace } from './adapters/sheets';

export interface IntakeRuntime {
  config: Config;
  pipeline: IntakePipeline;
  logger: Logger;
  store: SheetsWorkspace;
  mailer: Mailer;
}

let intake: Promise<IntakeRuntime> | undefined;
let sweep: Promise<SweepRuntime> | undefined;

export interface SweepRuntime {
  run: () => Promise<SweepResult>;
  logger: Logger;
}

/** The sweep shares the intake's adapters (one Sheets client, one SendGrid client). */
export function sweepRuntime(env: NodeJS.ProcessEnv = process.env): Promise<SweepRuntime> {
  sweep ??= (async () => {
    const { config, logger, store, mailer } = await intakeRuntime(env);
    const extras = (await import('./runtime-extras')).sweepExtras;
    return {
      logger,
      run: createSweep({
        store,
        mailer,
        logger,
        staff: config.STAFF_EMAILS,
        replyTo: config.REPLY_TO ?? config.STAFF_EMAILS[0],
        extras: await extras(env),
      }),
    };
  })().catch((e) => {
    sweep = undefined;
    throw e;
  });
  return sweep;
}

export function intakeRuntime(env: NodeJS.ProcessEnv = process.env): Promise<IntakeRuntime> {
  intake ??= (async () => {
    const config = loadConfig(env);
    const logger = createLogger(env);
    const [{ SheetsWorkspace }, { SendGridMailer }] = await Promise.all([
      import('./adapters/sheets'),
      import('./adapters/sendgrid'),
    ]);
    const store = new SheetsWorkspace({ spreadsheetId: config.SPREADSHEET_ID, rootUrl: config.GOOGLE_ROOT_URL });
    const mailer = new SendGridMailer({
      apiKey: config.SENDGRID_API_KEY,
      from: { email: config.MAIL_FROM, name: config.MAIL_FROM_NAME },
      rootUrl: config.SENDGRID_ROOT_URL,
    });
    const pipeline = createIntakePipeline({
      store,
      mailer,
      staffEmails: config.STAFF_EMAILS,
      replyTo: config.REPLY_TO ?? config.STAFF_EMAILS[0],
      logger,
    });
    return { config, pipeline, logger, store, mailer };
  })().catch((e) => {
    intake = undefined; // a configuration fixed by redeploying must not stay cached as broken
    throw e;
  });
  return intake;
}
