// The admin guides' commands exist: every `npm run X` is a script we ship, every `gcloud …`
// is a command gcloud has (a list checked against its reference), and the deploy commands,
// run as written in bash against the fake gcloud, succeed one after the other.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { ALERT_TEST_LOG, alertPolicies } from '../../scripts/deploy-alerts';
import { deployPlan } from '../../scripts/deploy-plan';
import { NPM_SCRIPTS } from '../../scripts/deploy-resources';
import { fakeBuild, installFakeGcloud } from '../support/fake-gcloud';

const root = fileURLToPath(new URL('../..', import.meta.url));
const GUIDES = ['docs/admin-guide.md', 'docs/admin-operations.md'];

/** gcloud commands the guides and the deploy may use, each checked in the gcloud reference. */
const GCLOUD_COMMANDS = [
  'auth login', 'auth application-default login', 'auth application-default set-quota-project', 'auth print-identity-token',
  'billing projects link', 'config set', 'projects create', 'projects describe', 'projects add-iam-policy-binding', 'services enable',
  'iam service-accounts describe', 'iam service-accounts create',
  'secrets describe', 'secrets create', 'secrets get-iam-policy', 'secrets add-iam-policy-binding',
  'secrets versions add', 'secrets versions list', 'secrets versions disable',
  'pubsub topics describe', 'pubsub topics create', 'pubsub topics get-iam-policy', 'pubsub topics add-iam-policy-binding',
  'pubsub subscriptions describe', 'pubsub subscriptions create', 'pubsub subscriptions update', 'pubsub subscriptions pull',
  'pubsub subscriptions get-iam-policy', 'pubsub subscriptions add-iam-policy-binding',
  'functions deploy', 'functions describe', 'functions logs read', 'run services get-iam-policy', 'run services add-iam-policy-binding',
  'eventarc triggers describe', 'scheduler jobs describe', 'scheduler jobs create http', 'scheduler jobs update http', 'scheduler jobs run',
  'logging read',
  'storage buckets describe', 'storage buckets create', 'storage buckets update', 'storage buckets get-iam-policy', 'storage buckets add-iam-policy-binding', 'storage cat',
  'logging read', 'logging write', 'scheduler jobs pause', 'scheduler jobs resume',
  'beta monitoring channels list', 'beta monitoring channels create', 'monitoring policies list', 'monitoring policies create',
].map((c) => c.split(' '));

/** Shell lines of the guides' ```sh blocks, continuation lines joined, comments dropped. */
const lines = GUIDES.flatMap((file) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]!
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  ),
);

const known = (words: string[]) => GCLOUD_COMMANDS.some((c) => c.every((w, i) => words[i] === w));

describe('the admin guides', () => {
  test('have commands to check', () => {
    expect(lines.length).toBeGreaterThan(20);
  });

  test('run only npm scripts we ship, each with its file', () => {
    const used = new Set(lines.flatMap((l) => [...l.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!)));
    expect([...used].filter((s) => !(s in NPM_SCRIPTS))).toEqual([]);
    expect([...used]).toEqual(expect.arrayContaining(['setup', 'form', 'build', 'deploy']));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const [name, command] of Object.entries(NPM_SCRIPTS)) {
      expect(existsSync(join(root, command.split(' ')[1]!)), command).toBe(true);
      if (pkg.scripts[name] !== undefined) expect(pkg.scripts[name]).toBe(command);
    }
  });

  test('run only gcloud commands that exist, as does the deploy', () => {
    const invocations = lines.flatMap((l) => [...l.matchAll(/\bgcloud((?:\s+[a-z][\w-]*)+)/g)].map((m) => m[1]!.trim().split(/\s+/)));
    expect(invocations.length).toBeGreaterThan(10);
    expect(invocations.filter((w) => !known(w)).map((w) => w.join(' '))).toEqual([]);
    const plan = deployPlan({
      project: 'p', region: 'europe-west1', spreadsheetId: 's', formId: 'f', mailFrom: 'a@b.cat', staffEmails: ['a@b.cat'],
      publicIntake: false, intakeInvokers: ['user:a@b.cat'], suppliedSecrets: [], functions: ['intake', 'sweep', 'formResponses'], distDir: 'dist',
      leaseBucket: 'p-xmess-leases', leaseLifecycleFile: 'scripts/lease-lifecycle.json',
    });
    const commands = plan.flatMap((s) => ('command' in s ? [s.command] : 'create' in s ? [s.check, s.create, ...(s.update ? [s.update] : [])] : [s.check]));
    expect(commands.filter((c) => !known(c.args)).map((c) => c.args.join(' '))).toEqual([]);
  });
});

test('the guide says how to trip a test alert, on the log the errors alert watches', () => {
  expect(lines).toContain(`gcloud logging write ${ALERT_TEST_LOG} "Prova d’alerta de la XMESS" --severity=ERROR --project="$PROJECT"`);
  const policy = JSON.stringify(alertPolicies({ project: 'p' })[0]);
  expect(policy).toContain(`logs/${ALERT_TEST_LOG}`);
  expect(policy).toContain('severity>=ERROR');
});

describe('the deploy commands of the guides, as written', () => {
  const gcloud = installFakeGcloud();
  const work = fakeBuild();
  afterAll(() => {
    gcloud.remove();
    rmSync(work, { recursive: true, force: true });
  });

  test('run in order against a fake gcloud and all succeed', async () => {
    const setup = lines.filter((l) => /^export \w+=[^$]*$/.test(l) || l.startsWith('DEPLOY=('));
    const deploys = lines.filter((l) => l.startsWith('npm run deploy'));
    expect(deploys.length).toBeGreaterThanOrEqual(4);
    const script = [
      'set -euo pipefail',
      // `npm run deploy -- …` as package.json runs it, without needing the line there yet.
      `npm() { shift 2; [ "\${1:-}" = "--" ] && shift; "$NODE" "$ROOT/node_modules/.bin/tsx" "$ROOT/${NPM_SCRIPTS.deploy.split(' ')[1]}" "$@"; }`,
      ...setup,
      ...deploys,
    ].join('\n');
    const env = { ...gcloud.env, NODE: process.execPath, ROOT: root, SENDGRID_API_KEY: 'SG.guide-test', INTAKE_SECRET: 'guide-test-intake-secret-0123' };
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile('bash', ['-c', script], { cwd: work, env }, (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out, stderr: err })),
    );
    expect(code, stderr).toBe(0);
    expect(stdout.match(/Desplegament acabat\./g)?.length).toBe(deploys.filter((d) => !d.includes('--dry-run')).length);
    const calls = gcloud.calls();
    const deployed = calls.filter((c) => c.args[0] === 'functions' && c.args[1] === 'deploy');
    expect(new Set(deployed.map((c) => c.args[2]))).toEqual(new Set(['intake', 'sweep', 'form-responses']));
    expect(deployed.some((c) => c.args.some((a) => a.includes('INTAKE_SECRET_PREVIOUS=xmess-intake-secret:1')))).toBe(true);
  }, 180_000);
});
