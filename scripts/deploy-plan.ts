// The deployment as data: every gcloud command, in order, built from the options alone (no
// I/O), so the dry run, the real run and the tests read one plan. Idempotent by shape:
// what can exist is described first and created only when missing; what gcloud updates in
// place (services enable, functions deploy, a subscription's dead-letter policy) always runs.
import { caDeploy } from '../shared/i18n/ca-deploy';
import { alertSteps } from './deploy-alerts';
import { deployArgs, RUNTIME } from './deploy-functions';
import {
  ACCOUNTS, accountEmail, APIS, DEAD_SUBSCRIPTION, DEAD_TOPIC, FORMS_PUBLISHER, LEASE_WRITERS, SCHEDULER_JOB, SECRETS, TOPIC,
  type DeployOptions, type SecretEnv, type Target,
} from './deploy-resources';
import { FUNCTION_TARGETS } from './function-targets';

export { ref, type Command, type Presence, type Ref, type Step } from './deploy-steps';
import { ref, type Command, type Ref, type Step } from './deploy-steps';

export function deployPlan(o: DeployOptions): Step[] {
  const t = caDeploy.plan;
  const steps: Step[] = [];
  const g = (...args: string[]): Command => ({ args: [...args, `--project=${o.project}`, '--quiet'] });
  const has = (target: Target) => o.functions.includes(target);
  const sa = (id: string) => `serviceAccount:${accountEmail(id, o.project)}`;
  const region = `--region=${o.region}`;
  const pubsubAgent = `serviceAccount:service-${ref('projectNumber')}@gcp-sa-pubsub.iam.gserviceaccount.com`;
  const ensure = (title: string, check: string[], create: string[], update?: string[]) =>
    steps.push({ kind: 'ensure', title, check: g(...check), present: { kind: 'exit0' }, create: g(...create), ...(update && { update: g(...update) }) });
  // An IAM binding is "described" by reading the resource's policy and looking for it.
  const binding = (title: string, group: string[], name: string, role: string, member: string, extra: string[] = []) =>
    steps.push({
      kind: 'ensure',
      title,
      check: g(...group, 'get-iam-policy', name, ...extra, '--format=json'),
      present: { kind: 'binding', role, member },
      create: g(...group, 'add-iam-policy-binding', name, ...extra, `--member=${member}`, `--role=${role}`),
    });
  const capture = (title: string, name: Ref, ...args: string[]) => steps.push({ kind: 'capture', title, name, command: g(...args) });
  const invoker = (title: string, service: string, member: string) =>
    binding(title, ['run', 'services'], service, 'roles/run.invoker', member, [region]);

  capture(t.projectNumber, 'projectNumber', 'projects', 'describe', o.project, '--format=value(projectNumber)');
  steps.push({ kind: 'run', title: t.apis, command: g('services', 'enable', ...APIS.map((a) => `${a}.googleapis.com`)) });
  for (const id of Object.values(ACCOUNTS)) {
    ensure(t.account(id), ['iam', 'service-accounts', 'describe', accountEmail(id, o.project)], ['iam', 'service-accounts', 'create', id, `--display-name=XMESS ${id}`]);
  }

  for (const [env, secret] of Object.entries(SECRETS) as [SecretEnv, string][]) {
    ensure(t.secret(secret), ['secrets', 'describe', secret], ['secrets', 'create', secret, '--replication-policy=automatic']);
    if (o.suppliedSecrets.includes(env)) {
      steps.push({ kind: 'run', title: t.secretVersion(secret, env), command: { ...g('secrets', 'versions', 'add', secret, '--data-file=-'), stdinFromEnv: env } });
    } else {
      steps.push({
        kind: 'require',
        title: t.secretEnabled(secret),
        check: g('secrets', 'versions', 'list', secret, '--filter=state:ENABLED', '--limit=1', '--format=value(name)'),
        present: { kind: 'output' },
        failure: t.noSecretVersion(secret, env),
      });
    }
  }
  // Least privilege: each function's account may read only the secrets it mounts.
  for (const f of ['intake', 'sweep', 'formResponses'] as const) {
    for (const env of RUNTIME[f].secrets) {
      binding(t.readsSecret(ACCOUNTS[f], SECRETS[env]), ['secrets'], SECRETS[env], 'roles/secretmanager.secretAccessor', sa(ACCOUNTS[f]));
    }
  }

  // The lease bucket: private (uniform access, no public access), no soft delete (a lease
  // object is deleted after every write and is worth nothing once deleted), and a lifecycle
  // rule that deletes what a crashed holder left behind. Updated on every run, so a bucket
  // made by hand converges to this. Each writer may use its objects on this bucket only.
  const bucket = `gs://${o.leaseBucket}`;
  const bucketSettings = ['--uniform-bucket-level-access', '--public-access-prevention', '--soft-delete-duration=0', `--lifecycle-file=${o.leaseLifecycleFile}`];
  ensure(
    t.leaseBucket(o.leaseBucket),
    ['storage', 'buckets', 'describe', bucket],
    ['storage', 'buckets', 'create', bucket, `--location=${o.region}`, ...bucketSettings],
    ['storage', 'buckets', 'update', bucket, ...bucketSettings],
  );
  for (const f of LEASE_WRITERS) {
    binding(t.usesLease(ACCOUNTS[f]), ['storage', 'buckets'], bucket, 'roles/storage.objectUser', sa(ACCOUNTS[f]));
  }

  ensure(t.topic(TOPIC), ['pubsub', 'topics', 'describe', TOPIC], ['pubsub', 'topics', 'create', TOPIC]);
  binding(t.formsPublisher, ['pubsub', 'topics'], TOPIC, 'roles/pubsub.publisher', FORMS_PUBLISHER);
  ensure(t.deadTopic(DEAD_TOPIC), ['pubsub', 'topics', 'describe', DEAD_TOPIC], ['pubsub', 'topics', 'create', DEAD_TOPIC]);
  ensure(
    t.deadSubscription,
    ['pubsub', 'subscriptions', 'describe', DEAD_SUBSCRIPTION],
    ['pubsub', 'subscriptions', 'create', DEAD_SUBSCRIPTION, `--topic=${DEAD_TOPIC}`, '--message-retention-duration=31d', '--expiration-period=never'],
  );
  binding(t.deadPublisher, ['pubsub', 'topics'], DEAD_TOPIC, 'roles/pubsub.publisher', pubsubAgent);

  for (const f of FUNCTION_TARGETS.filter((target) => has(target.target))) {
    steps.push({ kind: 'run', title: t.function(f.deployName), command: g(...deployArgs(f, o)) });
  }

  if (has('intake') && !o.publicIntake) for (const m of o.intakeInvokers) invoker(t.intakeInvoker(m), 'intake', m);
  if (has('sweep')) {
    invoker(t.schedulerInvoker, 'sweep', sa(ACCOUNTS.scheduler));
    capture(t.sweepUrl, 'sweepUrl', 'functions', 'describe', 'sweep', '--gen2', region, '--format=value(serviceConfig.uri)');
    const job = [
      `--location=${o.region}`, '--schedule=*/5 * * * *', '--time-zone=Europe/Madrid', `--uri=${ref('sweepUrl')}`, '--http-method=POST',
      `--oidc-service-account-email=${accountEmail(ACCOUNTS.scheduler, o.project)}`, `--oidc-token-audience=${ref('sweepUrl')}`, '--attempt-deadline=300s',
    ];
    ensure(
      t.schedulerJob(SCHEDULER_JOB),
      ['scheduler', 'jobs', 'describe', SCHEDULER_JOB, `--location=${o.region}`],
      ['scheduler', 'jobs', 'create', 'http', SCHEDULER_JOB, ...job],
      ['scheduler', 'jobs', 'update', 'http', SCHEDULER_JOB, ...job],
    );
  }
  if (has('formResponses')) {
    invoker(t.eventarcInvoker, 'form-responses', sa(ACCOUNTS.formResponses));
    // Eventarc owns the push subscription behind --trigger-topic (a redeploy may recreate
    // it), so it is looked up from the function's trigger and given its dead-letter policy
    // after every deploy; dead-lettering needs the Pub/Sub agent to be its subscriber.
    capture(t.formsTrigger, 'formsTrigger', 'functions', 'describe', 'form-responses', '--gen2', region, '--format=value(eventTrigger.trigger)');
    capture(t.triggerSubscription, 'formsSubscription', 'eventarc', 'triggers', 'describe', ref('formsTrigger'), `--location=${o.region}`, '--format=value(transport.pubsub.subscription)');
    binding(t.deadSubscriber, ['pubsub', 'subscriptions'], ref('formsSubscription'), 'roles/pubsub.subscriber', pubsubAgent);
    steps.push({
      kind: 'run',
      title: t.deadLetterPolicy,
      command: g('pubsub', 'subscriptions', 'update', ref('formsSubscription'), `--dead-letter-topic=projects/${o.project}/topics/${DEAD_TOPIC}`, '--max-delivery-attempts=10'),
    });
  }
  // Alerts outside the system (scripts/deploy-alerts.ts): last, once everything they watch exists.
  steps.push(...alertSteps(o, g));
  return steps;
}
