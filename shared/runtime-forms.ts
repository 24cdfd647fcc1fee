// The Google Form door's runtime, built once per process on first use, on top of the
// intake's (one Sheets client, one SendGrid client, one pipeline and its write queue):
// it adds the Forms adapter, the response intake and the watch. Its own variables are
// validated here, naming every missing one, as shared/config.ts does for the rest.
import { z } from 'zod';
import { ConfigError } from './errors';
import type { FormSource } from './forms/form-source';
import type { Logger } from './log';
import { createResponseIntake, knownFromSweepState, type FormsJournal, type ResponseIntake } from './pipeline/form-responses';
import { createFormsWatch, type FormsWatch } from './pipeline/forms-watch';
import { intakeRuntime } from './runtime';
import type { SweepState } from './sweep/state';

const schema = z.object({
  /** The Google Form's ID (printed by `npm run form -- create`). */
  FORM_ID: z.string().regex(/^[A-Za-z0-9_-]{10,}$/),
  /** projects/{project}/topics/{topic} the RESPONSES watch publishes to; unset: no watch. */
  FORMS_TOPIC: z
    .string()
    .regex(/^projects\/[^/]+\/topics\/[A-Za-z][\w.~+%-]{2,254}$/)
    .optional(),
});

export type FormsConfig = z.infer<typeof schema>;

export function loadFormsConfig(env: NodeJS.ProcessEnv = process.env): FormsConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) throw new ConfigError([...new Set(result.error.issues.map((i) => String(i.path[0])))]);
  return result.data;
}

export interface FormsRuntime {
  formId: string;
  source: FormSource;
  intake: ResponseIntake;
  watch: FormsWatch;
  logger: Logger;
}

let forms: Promise<FormsRuntime> | undefined;

export function formsRuntime(env: NodeJS.ProcessEnv = process.env): Promise<FormsRuntime> {
  forms ??= (async () => {
    const base = await intakeRuntime(env);
    const config = loadFormsConfig(env);
    const { GoogleFormsSource } = await import('./adapters/forms');
    const source = new GoogleFormsSource({ rootUrl: base.config.GOOGLE_ROOT_URL });
    // The log and the rows, read only when a response needs them (an edit, an invalid
    // one, the reconciliation); the same store as the pipeline's, so a log write after
    // the pipeline's read needs no read of its own.
    const journal: FormsJournal = {
      readKnown: async () => knownFromSweepState(await base.store.readSweepState()),
      appendLog: (entries) => base.store.appendLog(entries),
    };
    const intake = createResponseIntake({
      pipeline: base.pipeline,
      journal,
      mailer: base.mailer,
      staffEmails: base.config.STAFF_EMAILS,
      logger: base.logger,
    });
    const watch = createFormsWatch({ source, formId: config.FORM_ID, topicName: config.FORMS_TOPIC, intake, journal, logger: base.logger });
    return { formId: config.FORM_ID, source, intake, watch, logger: base.logger };
  })().catch((e) => {
    forms = undefined; // a configuration fixed by redeploying must not stay cached as broken
    throw e;
  });
  return forms;
}

/** The sweep's Forms step; none when FORM_ID is unset (a deployment without the Google Form). */
export async function formsSweepSteps(env: NodeJS.ProcessEnv = process.env): Promise<Array<(state: SweepState) => Promise<string[]>>> {
  if (!env.FORM_ID) return [];
  const { watch } = await formsRuntime(env);
  return [(state) => watch.sweepStep(knownFromSweepState(state), state.calls)];
}
