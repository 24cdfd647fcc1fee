// npm run deploy against a fake gcloud (tests/support/fake-gcloud.ts): a first run on an
// empty project creates everything, a second creates nothing, and a dry run prints the
// same commands without calling gcloud at all.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ALERT_TEST_LOG, alertPolicies, type AlertPolicy } from '../../scripts/deploy-alerts';
import { DEAD_SUBSCRIPTION } from '../../scripts/deploy-resources';
import { FUNCTION_TARGETS } from '../../scripts/function-targets';
import { shellQuote } from '../../scripts/gcloud-runner';
import { deploy, dict, FAKE, fakeBuild, flag, has, installFakeGcloud, type Call, type FakeGcloud } from '../support/fake-gcloud';

const SECRET_VALUES = { SENDGRID_API_KEY: 'SG.fake-sendgrid-key-0123456789', INTAKE_SECRET: 'fake-intake-secret-0123456789' };
const ARGS = ['--project', 'p', '--region', 'europe-west1', '--spreadsheet', 'SHEET123', '--form', 'FORM1234567890',
  '--mail-from', 'secretaria@xmess.cat', '--staff', 'secretaria@xmess.cat,coordinacio@xmess.cat'];

let work: string;
let gcloud: FakeGcloud;
let first: Call[];
let second: Call[];
let dry: { stdout: string; calls: Call[] };
let outputs = '';

beforeAll(async () => {
  work = fakeBuild();
  gcloud = installFakeGcloud();
  const env = gcloud.env;
  const d = await deploy([...ARGS, '--dry-run'], { ...env, ...SECRET_VALUES }, work);
  expect(d.code, d.stderr).toBe(0);
  dry = { stdout: d.stdout, calls: gcloud.calls() };

  const r1 = await deploy(ARGS, { ...env, ...SECRET_VALUES }, work);
  expect(r1.code, r1.stderr).toBe(0);
  first = gcloud.calls();
  gcloud.clearCalls();
  const r2 = await deploy(ARGS, env, work);
  expect(r2.code, r2.stderr).toBe(0);
  second = gcloud.calls();
  outputs = [d, r1, r2].map((r) => r.stdout + r.stderr).join('\n');
}, 120_000);

afterAll(() => {
  gcloud.remove();
  rmSync(work, { recursive: true, force: true });
});

const deploys = (calls: Call[]) => calls.filter((c) => has(c, 'functions', 'deploy'));
const granted = (role: string, member: string, ...on: string[]) =>
  first.some((c) => has(c, 'add-iam-policy-binding', ...on) && flag(c, 'role') === role && flag(c, 'member') === member);

describe('the first deploy on an empty project', () => {
  test('deploys every function on nodejs22, gen2, from its bundle, none open to everyone', () => {
    const d = deploys(first);
    expect(d.map((c) => c.args[2])).toEqual(['intake', 'sweep', 'form-responses']);
    for (const [c, t] of d.map((c, i) => [c, FUNCTION_TARGETS[i]!] as const)) {
      expect(c.args).toEqual(expect.arrayContaining(['--gen2', '--runtime=nodejs22', `--source=dist/${t.target}`, `--entry-point=${t.target}`]));
      expect(c.args).not.toContain('--allow-unauthenticated');
    }
    expect(d[0]!.args).toContain('--no-allow-unauthenticated');
    expect(d[1]!.args).toContain('--no-allow-unauthenticated');
    expect(d[2]!.args).toEqual(expect.arrayContaining(['--trigger-topic=xmess-forms-responses', '--retry']));
  });

  test('secrets come from Secret Manager, never as plain environment, and their values are never printed', () => {
    for (const c of deploys(first)) {
      const secrets = dict(flag(c, 'set-secrets'));
      // Only the intake verifies signatures, so only it mounts the intake secret.
      expect(Object.keys(secrets).sort()).toEqual(c.args[2] === 'intake' ? ['INTAKE_SECRET', 'SENDGRID_API_KEY'] : ['SENDGRID_API_KEY']);
      for (const v of Object.values(secrets)) expect(v).toMatch(/^xmess-[a-z-]+:(latest|\d+)$/);
      const env = dict(flag(c, 'set-env-vars'));
      expect(Object.keys(env).filter((k) => k.includes('SECRET') || k.includes('KEY'))).toEqual([]);
      expect(env.STAFF_EMAILS).toBe('secretaria@xmess.cat,coordinacio@xmess.cat');
    }
    const added = first.filter((c) => has(c, 'secrets', 'versions', 'add'));
    expect(added.map((c) => [c.args[3], c.stdinBytes])).toEqual([
      ['xmess-intake-secret', SECRET_VALUES.INTAKE_SECRET.length],
      ['xmess-sendgrid-api-key', SECRET_VALUES.SENDGRID_API_KEY.length],
    ]);
    const everything = JSON.stringify(first) + outputs + dry.stdout;
    for (const v of Object.values(SECRET_VALUES)) expect(everything).not.toContain(v);
    expect(dry.stdout).toContain('<from env>');
  });

  test('each account reads the secrets on the secret itself, not project-wide', () => {
    const grants = first.filter((c) => has(c, 'add-iam-policy-binding') && flag(c, 'role') === 'roles/secretmanager.secretAccessor');
    expect(grants.every((c) => c.args[0] === 'secrets')).toBe(true);
    expect(grants.map((c) => flag(c, 'member'))).toContain('serviceAccount:xmess-intake@p.iam.gserviceaccount.com');
    expect(first.some((c) => has(c, 'projects', 'add-iam-policy-binding'))).toBe(false);
    expect(first.filter((c) => has(c, 'iam', 'service-accounts', 'create')).map((c) => c.args[3])).toEqual(['xmess-intake', 'xmess-sweep', 'xmess-forms', 'xmess-scheduler']);
  });

  test('Google Forms may publish to the topic; dead letters have a topic, a subscription and the Pub/Sub agent’s roles', () => {
    expect(granted('roles/pubsub.publisher', 'serviceAccount:forms-notifications@system.gserviceaccount.com', 'xmess-forms-responses')).toBe(true);
    const agent = `serviceAccount:service-${FAKE.projectNumber}@gcp-sa-pubsub.iam.gserviceaccount.com`;
    expect(granted('roles/pubsub.publisher', agent, 'xmess-forms-responses-dead')).toBe(true);
    expect(granted('roles/pubsub.subscriber', agent, FAKE.formsSubscription)).toBe(true);
    expect(first.some((c) => has(c, 'pubsub', 'topics', 'create', 'xmess-forms-responses-dead'))).toBe(true);
    expect(first.find((c) => has(c, 'pubsub', 'subscriptions', 'create'))?.args).toContain('--topic=xmess-forms-responses-dead');
    const policy = first.find((c) => has(c, 'pubsub', 'subscriptions', 'update'));
    expect(policy?.args).toEqual(expect.arrayContaining([FAKE.formsSubscription, '--dead-letter-topic=projects/p/topics/xmess-forms-responses-dead', '--max-delivery-attempts=10']));
  });

  test('the Scheduler job calls sweep with an OIDC token of its own account, which may invoke sweep', () => {
    const job = first.find((c) => has(c, 'scheduler', 'jobs', 'create', 'http', 'xmess-sweep'))!;
    expect(job.args).toEqual(
      expect.arrayContaining(['--schedule=*/5 * * * *', '--time-zone=Europe/Madrid', `--uri=${FAKE.sweepUrl}`,
        '--oidc-service-account-email=xmess-scheduler@p.iam.gserviceaccount.com', `--oidc-token-audience=${FAKE.sweepUrl}`]),
    );
    expect(granted('roles/run.invoker', 'serviceAccount:xmess-scheduler@p.iam.gserviceaccount.com', 'run', 'services', 'sweep')).toBe(true);
  });

  test('one instance per writer; sweeps one at a time; intake keeps concurrency for its write queue', () => {
    const [intake, sweep, forms] = deploys(first);
    for (const c of [intake!, sweep!, forms!]) expect(c.args).toContain('--max-instances=1');
    expect(sweep!.args).toContain('--concurrency=1');
    expect(Number(flag(intake!, 'concurrency'))).toBeGreaterThan(1);
  });

  test('the lease bucket is private, keeps nothing deleted, forgets leftovers after a day; only the writers may use it, and only it', () => {
    const bucket = 'gs://p-xmess-leases';
    const create = first.find((c) => has(c, 'storage', 'buckets', 'create', bucket))!;
    expect(create.args).toEqual(expect.arrayContaining(['--location=europe-west1', '--uniform-bucket-level-access', '--public-access-prevention', '--soft-delete-duration=0']));
    const lifecycle = JSON.parse(readFileSync(flag(create, 'lifecycle-file')!, 'utf8')) as { rule: unknown[] };
    expect(lifecycle.rule).toEqual([{ action: { type: 'Delete' }, condition: { age: 1 } }]);
    const grants = first.filter((c) => has(c, 'add-iam-policy-binding') && flag(c, 'role') === 'roles/storage.objectUser');
    expect(grants.every((c) => has(c, 'storage', 'buckets', bucket))).toBe(true);
    expect(grants.map((c) => flag(c, 'member')).sort()).toEqual(
      ['xmess-forms', 'xmess-intake', 'xmess-sweep'].map((id) => `serviceAccount:${id}@p.iam.gserviceaccount.com`),
    );
    for (const c of deploys(first)) expect(dict(flag(c, 'set-env-vars')).LEASE_BUCKET).toBe('p-xmess-leases');
    expect(first.find((c) => has(c, 'services', 'enable'))?.args).toContain('storage.googleapis.com');
  });
});

describe('alerts outside the system', () => {
  const policies = () => first.filter((c) => has(c, 'monitoring', 'policies', 'create'));
  const policy = (c: Call) => JSON.parse(flag(c, 'policy')!) as AlertPolicy;
  const filters = (c: Call) => policy(c).conditions.map((x) => JSON.stringify(x));

  test('one email channel per staff address', () => {
    const channels = first.filter((c) => has(c, 'beta', 'monitoring', 'channels', 'create'));
    expect(channels.map((c) => [flag(c, 'type'), flag(c, 'channel-labels')])).toEqual([
      ['email', 'email_address=secretaria@xmess.cat'],
      ['email', 'email_address=coordinacio@xmess.cat'],
    ]);
  });

  test('three policies, each notifying both channels, with the filters that watch the system', () => {
    expect(policies().map((c) => policy(c).displayName)).toEqual(alertPolicies({ project: 'p' }).map((p) => p.displayName));
    for (const c of policies()) {
      expect(flag(c, 'notification-channels')).toBe(`${FAKE.alertChannel0},${FAKE.alertChannel1}`);
      expect(flag(c, 'display-name')).toBe(policy(c).displayName);
    }
    const [errors, dead, sweep] = policies().map(filters);
    // Errors any function logs, and the guide's test line.
    expect(errors!.join()).toMatch(/severity>=ERROR/);
    for (const s of ['intake', 'sweep', 'form-responses']) expect(errors!.join()).toContain(`\\"${s}\\"`);
    expect(errors!.join()).toContain(`logs/${ALERT_TEST_LOG}`);
    expect(policy(policies()[0]!).alertStrategy).toMatchObject({ notificationRateLimit: { period: expect.any(String) } });
    // Messages kept in the dead-letter subscription.
    expect(dead!.join()).toContain('subscription/num_undelivered_messages');
    expect(dead!.join()).toContain(DEAD_SUBSCRIPTION);
    expect(dead!.join()).toContain('COMPARISON_GT');
    // No 2xx answer from sweep for an hour.
    expect(sweep!.join()).toContain('conditionAbsent');
    expect(sweep!.join()).toContain('response_code_class');
    expect(sweep!.join()).toContain('3600s');
  });

  test('made after the functions they watch, and only once', () => {
    const at = (pred: (c: Call) => boolean) => first.findIndex(pred);
    expect(at((c) => has(c, 'monitoring', 'policies', 'create'))).toBeGreaterThan(at((c) => has(c, 'functions', 'deploy', 'form-responses')));
    expect(second.filter((c) => has(c, 'monitoring', 'create') || has(c, 'channels', 'create'))).toEqual([]);
    expect(second.filter((c) => has(c, 'monitoring', 'policies', 'list'))).toHaveLength(3);
  });
});

describe('running it again', () => {
  test('creates nothing: only describes, deploys and updates', () => {
    const creating = second.filter((c) => has(c, 'create') || has(c, 'add-iam-policy-binding') || has(c, 'versions', 'add'));
    expect(creating.map((c) => c.args.join(' '))).toEqual([]);
    expect(deploys(second)).toHaveLength(3);
    expect(second.some((c) => has(c, 'scheduler', 'jobs', 'update', 'http', 'xmess-sweep'))).toBe(true);
    expect(second.some((c) => has(c, 'pubsub', 'subscriptions', 'update'))).toBe(true);
    expect(second.some((c) => has(c, 'storage', 'buckets', 'update', 'gs://p-xmess-leases'))).toBe(true);
  });
});

describe('--dry-run', () => {
  test('never calls gcloud and prints the commands a real run makes', () => {
    expect(dry.calls).toEqual([]);
    const printed = new Set(dry.stdout.split('\n').filter((l) => l.startsWith('gcloud ')));
    const placeholders = (s: string) =>
      Object.entries(FAKE).reduce((acc, [name, value]) => acc.split(value).join(`<${name}>`), s);
    const ran = new Set(first.map((c) => `gcloud ${shellQuote(c.args.map(placeholders))}`));
    expect([...ran].filter((c) => !printed.has(c))).toEqual([]);
    // What a dry run prints beyond the first run is the branch taken when a thing exists.
    expect([...printed].filter((c) => !ran.has(c))).toEqual([
      expect.stringMatching(/^gcloud storage buckets update gs:\/\/p-xmess-leases /),
      expect.stringMatching(/^gcloud scheduler jobs update http xmess-sweep /),
    ]);
  });
});

describe('the service accounts that write', () => {
  test('are printed as the setup command takes them: the accounts the functions run as', () => {
    const line = outputs.split('\n').find((l) => l.trim().startsWith('npm run setup --'));
    expect(line?.trim()).toMatch(/^npm run setup -- --spreadsheet=SHEET123( --writer=\S+){3}$/);
    const printed = [...line!.matchAll(/--writer=(\S+)/g)].map((m) => m[1]);
    const runAs = deploys(first).map((c) => flag(c, 'service-account'));
    expect(new Set(printed)).toEqual(new Set(runAs));
  });
});
