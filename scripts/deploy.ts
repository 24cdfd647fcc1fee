// npm run deploy -- --project P --region R --spreadsheet ID --mail-from X --staff a@b,c@d
//   [--form FORM_ID] [--evaluation-form EVALUATION_FORM_ID] [--reply-to X] [--mail-from-name "…"] [--public-intake]
//   [--intake-invoker MEMBER]… [--intake-secret-previous VERSION] [--lease-bucket NAME] [--dist DIR] [--dry-run]
// Everything the functions need on Google Cloud, from an empty project, with one command
// that can be run again: see docs/admin-guide.md. Secret values come only from the
// environment (SENDGRID_API_KEY, INTAKE_SECRET) and each becomes a new Secret Manager version.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { caDeploy } from '../shared/i18n/ca-deploy';
import { isEmail, splitList } from '../shared/runtime/config';
import { shellEnv } from '../shared/runtime/env';
import { deployPlan } from './deploy-plan';
import { leaseBucket, SECRETS, type DeployOptions, type SecretEnv } from './deploy-resources';
import { manualSteps } from './deploy-manual';
import { FUNCTION_TARGETS } from './function-targets';
import { DeployError, executePlan, spawnGcloud } from './gcloud-runner';

const { values: v } = parseArgs({
  options: {
    project: { type: 'string' },
    region: { type: 'string' },
    spreadsheet: { type: 'string' },
    form: { type: 'string' },
    'evaluation-form': { type: 'string' },
    'mail-from': { type: 'string' },
    'mail-from-name': { type: 'string' },
    'reply-to': { type: 'string' },
    staff: { type: 'string' },
    'public-intake': { type: 'boolean', default: false },
    'intake-invoker': { type: 'string', multiple: true, default: [] },
    'intake-secret-previous': { type: 'string' },
    dist: { type: 'string', default: 'dist' },
    'lease-bucket': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});

const env = shellEnv();
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

const given = {
  '--project': v.project,
  '--region': v.region,
  '--spreadsheet': v.spreadsheet ?? env.SPREADSHEET_ID,
  '--mail-from': v['mail-from'] ?? env.MAIL_FROM,
  '--staff': v.staff ?? env.STAFF_EMAILS,
};
const missing = Object.entries(given).filter(([, value]) => !value).map(([flag]) => flag);
if (missing.length) fail(caDeploy.deploy.missing(missing));

const staffEmails = splitList(given['--staff']!);
const replyTo = v['reply-to'] ?? env.REPLY_TO;
const notEmail = [given['--mail-from']!, ...staffEmails, ...(replyTo ? [replyTo] : [])].filter((e) => !isEmail(e));
if (notEmail.length) fail(caDeploy.deploy.notEmails(notEmail));
if (v['intake-secret-previous'] && !/^\d+$/.test(v['intake-secret-previous'])) fail(caDeploy.deploy.previousVersion);

const functions = FUNCTION_TARGETS.filter((t) => existsSync(join(v.dist, t.target, 'index.js')));
for (const t of FUNCTION_TARGETS.filter((f) => !functions.includes(f))) {
  process.stderr.write(`${caDeploy.deploy.notBuilt(`${v.dist}/${t.target}/index.js`, t.deployName)}\n`);
}
if (!functions.length) fail(caDeploy.deploy.nothingBuilt);

const options: DeployOptions = {
  project: given['--project']!,
  region: given['--region']!,
  spreadsheetId: given['--spreadsheet']!,
  formId: v.form ?? env.FORM_ID,
  evaluationFormId: v['evaluation-form'] ?? env.EVALUATION_FORM_ID,
  mailFrom: given['--mail-from']!,
  staffEmails,
  replyTo,
  mailFromName: v['mail-from-name'] ?? env.MAIL_FROM_NAME,
  publicIntake: v['public-intake'],
  intakeInvokers: v['intake-invoker'],
  intakeSecretPrevious: v['intake-secret-previous'],
  suppliedSecrets: (Object.keys(SECRETS) as SecretEnv[]).filter((name) => Boolean(env[name])),
  functions: functions.map((t) => t.target),
  distDir: v.dist,
  leaseBucket: v['lease-bucket'] ?? leaseBucket(given['--project']!),
  leaseLifecycleFile: fileURLToPath(new URL('./lease-lifecycle.json', import.meta.url)),
};

const dryRun = v['dry-run'];
const write = (text: string) => process.stdout.write(text);
if (dryRun) write(`${caDeploy.deploy.dryRun}\n`);
try {
  await executePlan(deployPlan(options), { dryRun, exec: spawnGcloud(), env, write });
} catch (e) {
  if (!(e instanceof DeployError)) throw e;
  process.stderr.write(`\n${caDeploy.deploy.stopped(e.message)}\n`);
  process.exit(1);
}
write(`\n${caDeploy.deploy.done(dryRun)}\n\n${manualSteps(options).join('\n')}\n`);
