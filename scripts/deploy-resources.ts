// The names of everything the deploy creates on Google Cloud, the options it takes and the
// npm scripts the admin guide runs. One place, so the plan, the manual steps, the guide's
// test and an admin grepping the console all agree on what `xmess-…` means.
import type { FunctionTarget } from './function-targets';

export type Target = FunctionTarget['target'];

export const APIS = ['cloudfunctions', 'run', 'cloudbuild', 'artifactregistry', 'eventarc', 'pubsub', 'cloudscheduler', 'secretmanager', 'sheets', 'forms', 'logging', 'iam', 'storage', 'monitoring'];
/** The topic the Google Forms watch publishes to; form-responses is triggered by it. */
export const TOPIC = 'xmess-forms-responses';
export const DEAD_TOPIC = 'xmess-forms-responses-dead';
/** Messages published to a topic without subscriptions are dropped: this one keeps dead letters. */
export const DEAD_SUBSCRIPTION = 'xmess-forms-responses-dead-keep';
export const SCHEDULER_JOB = 'xmess-sweep';
export const FORMS_PUBLISHER = 'serviceAccount:forms-notifications@system.gserviceaccount.com';
/**
 * The bucket holding the cross-process lease (one small object, created and deleted per
 * write to the sheet). Bucket names are global, hence the project in it.
 */
export const leaseBucket = (project: string) => `${project}-xmess-leases`;
/** The functions that append request rows, each taking the lease: only they may touch the bucket. */
export const LEASE_WRITERS = ['intake', 'formResponses', 'sweep'] as const;
/** Environment variable → Secret Manager secret. */
export const SECRETS = { INTAKE_SECRET: 'xmess-intake-secret', SENDGRID_API_KEY: 'xmess-sendgrid-api-key' } as const;
export type SecretEnv = keyof typeof SECRETS;
/** One account per function, so each holds only its own permissions, and one for the scheduler. */
export const ACCOUNTS = { intake: 'xmess-intake', sweep: 'xmess-sweep', formResponses: 'xmess-forms', scheduler: 'xmess-scheduler' } as const;
export const accountEmail = (id: string, project: string) => `${id}@${project}.iam.gserviceaccount.com`;
/** The functions' accounts that write to the sheet: editors of its protected ranges (npm run setup --writer). */
export const WRITER_ACCOUNTS = [ACCOUNTS.intake, ACCOUNTS.sweep, ACCOUNTS.formResponses] as const;

export interface DeployOptions {
  project: string;
  region: string;
  spreadsheetId: string;
  formId?: string;
  /** The evaluation form (npm run form -- evaluation): the sweep asks for evaluations and collects them. */
  evaluationFormId?: string;
  mailFrom: string;
  staffEmails: string[];
  replyTo?: string;
  mailFromName?: string;
  /** Intake answers anyone, its HMAC signature being the only gate (see the admin guide). */
  publicIntake: boolean;
  /** Principals allowed to call a private intake, e.g. serviceAccount:relay@….iam.gserviceaccount.com. */
  intakeInvokers: string[];
  /** The INTAKE_SECRET version still accepted during a rotation. */
  intakeSecretPrevious?: string;
  /** Which secret values the environment supplies now: names only, values never enter the plan. */
  suppliedSecrets: SecretEnv[];
  /** The functions whose bundles exist. */
  functions: Target[];
  distDir: string;
  /** The lease bucket (default leaseBucket(project)). */
  leaseBucket: string;
  /** The bucket's lifecycle rules (scripts/lease-lifecycle.json): leftovers deleted after a day. */
  leaseLifecycleFile: string;
}

/**
 * The npm scripts docs/admin-guide.md tells admins to run, with the command each must be
 * in package.json (`build` and `deploy` arrive with the deploy). The guide's test fails on
 * any `npm run X` not listed here.
 */
export const NPM_SCRIPTS = {
  setup: 'tsx scripts/setup.ts',
  form: 'tsx scripts/form.ts',
  build: 'tsx scripts/build.ts',
  deploy: 'tsx scripts/deploy.ts',
  retention: 'tsx scripts/retention.ts',
  faq: 'tsx scripts/faq.ts',
} as const;
