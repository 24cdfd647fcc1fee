// How each function runs on Cloud Functions (gen2): trigger, scaling, environment and the
// secrets it mounts, turned into `gcloud functions deploy` arguments.
import type { FunctionTarget } from './function-targets';
import { ACCOUNTS, accountEmail, SECRETS, TOPIC, type DeployOptions, type SecretEnv, type Target } from './deploy-resources';

// Least privilege: only the intake verifies signatures, so only it reads INTAKE_SECRET.
const EVERY_SECRET: SecretEnv[] = ['INTAKE_SECRET', 'SENDGRID_API_KEY'];
const MAIL_ONLY: SecretEnv[] = ['SENDGRID_API_KEY'];

interface Runtime {
  secrets: SecretEnv[];
  trigger: (o: DeployOptions) => string[];
  scaling: string[];
  timeout: string;
}

export const RUNTIME: Record<Target, Runtime> = {
  intake: {
    secrets: EVERY_SECRET,
    // Private unless the admin chooses otherwise: see "Qui pot cridar intake" in the guide.
    trigger: (o) => ['--trigger-http', o.publicIntake ? '--allow-unauthenticated' : '--no-allow-unauthenticated'],
    // One instance taking many requests at once: concurrent submissions meet in one process,
    // where the write queue turns a burst into one Sheets append (60 writes/min per account).
    // Concurrency 1 would leave nothing to coalesce and turn bursts into 429s at the door;
    // several instances would take the write lease in turn (correct, but smaller appends).
    // Concurrency above 1 needs a whole vCPU.
    scaling: ['--max-instances=1', '--concurrency=20', '--cpu=1', '--memory=512Mi'],
    timeout: '120s', // Sheets 429 back-off may take tens of seconds before the 503
  },
  sweep: {
    secrets: MAIL_ONLY,
    trigger: () => ['--trigger-http', '--no-allow-unauthenticated'],
    scaling: ['--max-instances=1', '--concurrency=1', '--memory=512Mi'], // sweeps never overlap
    timeout: '300s',
  },
  formResponses: {
    secrets: MAIL_ONLY,
    trigger: (o) => [`--trigger-topic=${TOPIC}`, '--retry', `--trigger-service-account=${accountEmail(ACCOUNTS.formResponses, o.project)}`],
    // As intake: notifications arriving together (Forms may repeat them) share one flush.
    scaling: ['--max-instances=1', '--concurrency=10', '--cpu=1', '--memory=512Mi'],
    timeout: '120s',
  },
};

/** gcloud splits dict flags on commas; a value with commas needs another delimiter (`gcloud topic escaping`). */
export function gcloudDict(entries: Record<string, string>): string {
  const pairs = Object.entries(entries).map(([k, v]) => `${k}=${v}`);
  if (!pairs.some((p) => p.includes(','))) return pairs.join(',');
  const delimiter = [';', '|', '~', '#', '!'].find((d) => !pairs.some((p) => p.includes(d)));
  if (!delimiter) throw new Error('no free delimiter for the environment variables');
  return `^${delimiter}^${pairs.join(delimiter)}`;
}

/** Plain configuration only: secrets are mounted from Secret Manager, never set as values. */
function envFor(target: Target, o: DeployOptions): Record<string, string> {
  const env: Record<string, string> = { SPREADSHEET_ID: o.spreadsheetId, MAIL_FROM: o.mailFrom, STAFF_EMAILS: o.staffEmails.join(','), LEASE_BUCKET: o.leaseBucket };
  if (o.replyTo) env.REPLY_TO = o.replyTo;
  if (o.mailFromName) env.MAIL_FROM_NAME = o.mailFromName;
  if (target !== 'intake' && o.formId) env.FORM_ID = o.formId;
  if (target === 'sweep' && o.evaluationFormId) env.EVALUATION_FORM_ID = o.evaluationFormId;
  if (target === 'sweep') env.FORMS_TOPIC = `projects/${o.project}/topics/${TOPIC}`;
  return env;
}

function secretsFor(target: Target, o: DeployOptions): string {
  const mounts: Record<string, string> = Object.fromEntries(RUNTIME[target].secrets.map((s) => [s, `${SECRETS[s]}:latest`]));
  if (target === 'intake' && o.intakeSecretPrevious) mounts.INTAKE_SECRET_PREVIOUS = `${SECRETS.INTAKE_SECRET}:${o.intakeSecretPrevious}`;
  return gcloudDict(mounts);
}

export function deployArgs(t: FunctionTarget, o: DeployOptions): string[] {
  const r = RUNTIME[t.target];
  return [
    'functions', 'deploy', t.deployName, '--gen2', `--region=${o.region}`, '--runtime=nodejs22',
    `--source=${o.distDir}/${t.target}`, `--entry-point=${t.target}`, ...r.trigger(o),
    `--service-account=${accountEmail(ACCOUNTS[t.target], o.project)}`,
    `--set-env-vars=${gcloudDict(envFor(t.target, o))}`, `--set-secrets=${secretsFor(t.target, o)}`,
    ...r.scaling, `--timeout=${r.timeout}`,
  ];
}
