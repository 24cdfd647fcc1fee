// Each function's dependencies, built from the configuration once per process, on first
// use: a cold start pays for loading the Google clients only when a request comes, and in
// the order it needs them — the lease and the Sheets client first; the SendGrid adapter (a
// few lines on node:https) on the first send, so a refused request never loads it. One
// builder per door, each on top of the intake's (one Sheets client, one mailer, one
// pipeline and its write queue), so every door in a process shares them.
import { createLogger, type Logger } from '../log';
import type { IntakePipeline } from '../pipeline/intake';
import type { ResponseIntake } from '../pipeline/form-responses';
import type { FormsWatch } from '../pipeline/forms-watch';
import type { SweepResult } from '../pipeline/sweep';
import type { FormSource, Mailer } from '../ports';
import type { SheetsWorkspace } from '../adapters/sheets';
import type { WriteGuard } from '../lease/guard';
import { formsConfig, leaseSettings, loadConfig, replyTo, type Config } from './config';
import { runtimeEnv } from './env';

export interface IntakeRuntime {
  config: Config;
  pipeline: IntakePipeline;
  /** The write lease every door takes around its read → decide → write (the sweep too). */
  guard: WriteGuard;
  logger: Logger;
  store: SheetsWorkspace;
  mailer: Mailer;
}

export interface FormsRuntime {
  formId: string;
  source: FormSource;
  intake: ResponseIntake;
  watch: FormsWatch;
  logger: Logger;
}

export interface SweepRuntime {
  run: () => Promise<SweepResult>;
  logger: Logger;
}

/** Who holds the lease, for an admin reading the object: Cloud Run's service and revision, and the process. */
function holderName(): string {
  const env = runtimeEnv();
  return [env.K_SERVICE ?? 'local', env.K_REVISION, String(process.pid)].filter(Boolean).join('/');
}

let guardLog: Logger | undefined;
/** The log of the guard in front of every function (functions/body-guard.ts): it needs only the level. */
export const guardLogger = (): Logger => (guardLog ??= createLogger(runtimeEnv().LOG_LEVEL ?? 'INFO'));

/** Built once; a failure is not cached, so a configuration fixed by redeploying is read again. */
function once<T>(build: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () =>
    (cached ??= build().catch((e: unknown) => {
      cached = undefined;
      throw e;
    }));
}

export const intakeRuntime = once(async (): Promise<IntakeRuntime> => {
  const config = loadConfig(runtimeEnv());
  const logger = createLogger(config.LOG_LEVEL);
  const [{ GcsLeaseStore }, { SheetsWorkspace }, { createIntakePipeline }, { leaseGuard }] = await Promise.all([
    import('../adapters/storage'),
    import('../adapters/sheets'),
    import('../pipeline/intake'),
    import('../lease/guard'),
  ]);
  const store = new SheetsWorkspace({ spreadsheetId: config.SPREADSHEET_ID, rootUrl: config.GOOGLE_ROOT_URL });
  const sendGrid = once(async () => {
    const { SendGridMailer } = await import('../adapters/sendgrid');
    return new SendGridMailer({
      apiKey: config.SENDGRID_API_KEY,
      from: { email: config.MAIL_FROM, name: config.MAIL_FROM_NAME },
      rootUrl: config.SENDGRID_ROOT_URL,
    });
  });
  const mailer: Mailer = { send: async (email) => (await sendGrid()).send(email) };
  const { bucket, ...lease } = leaseSettings(config);
  const guard = leaseGuard({
    ...lease,
    store: new GcsLeaseStore({ bucket, rootUrl: config.GOOGLE_ROOT_URL }),
    holder: holderName(),
    onWarning: (message, detail) => logger.log('WARNING', message, detail),
  });
  const pipeline = createIntakePipeline({ store, guard, mailer, staffEmails: config.STAFF_EMAILS, replyTo: replyTo(config), logger });
  return { config, pipeline, guard, logger, store, mailer };
});

export const formsRuntime = once(async (): Promise<FormsRuntime> => {
  const base = await intakeRuntime();
  const { formId, topicName } = formsConfig(base.config);
  const [{ GoogleFormsSource }, { createResponseIntake, knownFromSweepState }, { createFormsWatch }] = await Promise.all([
    import('../adapters/forms'),
    import('../pipeline/form-responses'),
    import('../pipeline/forms-watch'),
  ]);
  const source = new GoogleFormsSource({ rootUrl: base.config.GOOGLE_ROOT_URL });
  // The log and the rows, read only when a response needs them (an edit, an invalid one,
  // the reconciliation); the same store as the pipeline's.
  const journal = {
    readKnown: async () => knownFromSweepState(await base.store.readSweepState()),
    appendLog: base.store.appendLog.bind(base.store),
  };
  const intake = createResponseIntake({
    pipeline: base.pipeline,
    journal,
    mailer: base.mailer,
    staffEmails: base.config.STAFF_EMAILS,
    logger: base.logger,
  });
  const watch = createFormsWatch({ source, formId, topicName, intake, journal, logger: base.logger });
  return { formId, source, intake, watch, logger: base.logger };
});

async function evaluationDoor(config: Config) {
  const [{ GoogleFormsSource }, { createEvaluationDoor }] = await Promise.all([import('../adapters/forms'), import('../pipeline/evaluations')]);
  return createEvaluationDoor(new GoogleFormsSource({ rootUrl: config.GOOGLE_ROOT_URL }), config.EVALUATION_FORM_ID!);
}

export const sweepRuntime = once(async (): Promise<SweepRuntime> => {
  const { config, logger, store, mailer, guard } = await intakeRuntime();
  const [{ createSweep }, { knownFromSweepState }] = await Promise.all([import('../pipeline/sweep'), import('../pipeline/form-responses')]);
  // Without FORM_ID the deployment has no Google Form: no watch, no reconciliation.
  const forms = config.FORM_ID ? await formsRuntime() : undefined;
  const evaluation = config.EVALUATION_FORM_ID ? await evaluationDoor(config) : undefined;
  return {
    logger,
    run: createSweep({
      store,
      guard,
      mailer,
      logger,
      staff: config.STAFF_EMAILS,
      replyTo: replyTo(config),
      extras: forms ? [(state) => forms.watch.sweepStep(knownFromSweepState(state), state.calls)] : [],
      evaluation,
    }),
  };
});
