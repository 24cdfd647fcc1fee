// Builds the production adapters from configuration, once per process, on first use:
// a cold start pays for loading the Google and SendGrid clients only when a request comes.
import { intakeSecrets, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './log';
import { createIntakePipeline, type IntakePipeline } from './pipeline/intake';

export interface IntakeRuntime {
  config: Config;
  secrets: string[];
  pipeline: IntakePipeline;
  logger: Logger;
}

let intake: Promise<IntakeRuntime> | undefined;

export function intakeRuntime(env: NodeJS.ProcessEnv = process.env): Promise<IntakeRuntime> {
  intake ??= (async () => {
    const config = loadConfig(env);
    const logger = createLogger(env);
    const [{ SheetsWorkspace }, { SendGridMailer }] = await Promise.all([
      import('./adapters/sheets'),
      import('./adapters/sendgrid'),
    ]);
    const pipeline = createIntakePipeline({
      store: new SheetsWorkspace({ spreadsheetId: config.SPREADSHEET_ID, rootUrl: config.GOOGLE_ROOT_URL }),
      mailer: new SendGridMailer({
        apiKey: config.SENDGRID_API_KEY,
        from: { email: config.MAIL_FROM, name: config.MAIL_FROM_NAME },
        rootUrl: config.SENDGRID_ROOT_URL,
      }),
      staffEmails: config.STAFF_EMAILS,
      replyTo: config.REPLY_TO ?? config.STAFF_EMAILS[0],
      logger,
    });
    return { config, secrets: intakeSecrets(config), pipeline, logger };
  })().catch((e) => {
    intake = undefined; // a configuration fixed by redeploying must not stay cached as broken
    throw e;
  });
  return intake;
}
