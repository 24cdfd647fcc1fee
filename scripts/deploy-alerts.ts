// Alerts outside the system: the staff digest is sent by the sweep, so when the functions
// cannot reach the sheet, the sweep stops running or dead letters pile up, only Cloud
// Monitoring can tell anyone. One email notification channel per staff address and three
// alert policies, each found by its display name before it is created (as the rest of
// the deploy), so a second run creates nothing.
import { caDeploy } from '../shared/i18n/ca-deploy';
import type { Command, Step } from './deploy-steps';
import { DEAD_SUBSCRIPTION, type DeployOptions } from './deploy-resources';
import { FUNCTION_TARGETS } from './function-targets';

/** A log line written here (`gcloud logging write`) trips the errors alert: the guide's test alert. */
export const ALERT_TEST_LOG = 'xmess-alert-test';
export const ALERT_CHANNEL_PREFIX = caDeploy.alerts.channelPrefix;

export interface AlertPolicy {
  displayName: string;
  conditions: unknown[];
  combiner: 'OR';
  alertStrategy?: unknown;
  documentation: { content: string; mimeType: 'text/markdown' };
}

const quoted = (s: string) => `"${s}"`;

/** The three policies, as the Monitoring API's AlertPolicy (notification channels added by flag). */
export function alertPolicies(o: Pick<DeployOptions, 'project'>): AlertPolicy[] {
  const services = FUNCTION_TARGETS.map((t) => quoted(t.deployName)).join(' OR ');
  const doc = (content: string) => ({ content, mimeType: 'text/markdown' as const });
  const t = caDeploy.alerts;
  return [
    {
      displayName: t.errors.name,
      combiner: 'OR',
      conditions: [
        {
          displayName: t.errors.condition,
          conditionMatchedLog: {
            filter: `severity>=ERROR AND ((resource.type="cloud_run_revision" AND resource.labels.service_name=(${services})) OR logName="projects/${o.project}/logs/${ALERT_TEST_LOG}")`,
          },
        },
      ],
      // A log-match alert must say how often it may notify.
      alertStrategy: { notificationRateLimit: { period: '3600s' }, autoClose: '86400s' },
      documentation: doc(t.errors.documentation),
    },
    {
      displayName: t.deadLetters.name,
      combiner: 'OR',
      conditions: [
        {
          displayName: t.deadLetters.condition,
          conditionThreshold: {
            filter: `resource.type="pubsub_subscription" AND resource.labels.subscription_id="${DEAD_SUBSCRIPTION}" AND metric.type="pubsub.googleapis.com/subscription/num_undelivered_messages"`,
            comparison: 'COMPARISON_GT',
            thresholdValue: 0,
            duration: '300s',
            aggregations: [{ alignmentPeriod: '300s', perSeriesAligner: 'ALIGN_MAX' }],
          },
        },
      ],
      documentation: doc(t.deadLetters.documentation(DEAD_SUBSCRIPTION)),
    },
    {
      displayName: t.sweepSilent.name,
      combiner: 'OR',
      conditions: [
        {
          displayName: t.sweepSilent.condition,
          conditionAbsent: {
            filter: `resource.type="cloud_run_revision" AND resource.labels.service_name="sweep" AND metric.type="run.googleapis.com/request_count" AND metric.labels.response_code_class="2xx"`,
            duration: '3600s',
            aggregations: [{ alignmentPeriod: '300s', perSeriesAligner: 'ALIGN_SUM' }],
          },
        },
      ],
      documentation: doc(t.sweepSilent.documentation),
    },
  ];
}

/** After the rest of the deploy: channels for the staff addresses, then the policies. */
export function alertSteps(o: DeployOptions, g: (...args: string[]) => Command): Step[] {
  const steps: Step[] = [];
  const channels = o.staffEmails.map((email, i) => ({ email, name: `${ALERT_CHANNEL_PREFIX} ${email}`, ref: `alertChannel${i}` as const }));
  for (const c of channels) {
    const find = g('beta', 'monitoring', 'channels', 'list', `--filter=displayName=${quoted(c.name)}`, '--format=value(name)');
    steps.push({
      kind: 'ensure',
      title: caDeploy.alerts.channel(c.email),
      check: find,
      present: { kind: 'output' },
      create: g('beta', 'monitoring', 'channels', 'create', `--display-name=${c.name}`, '--type=email', `--channel-labels=email_address=${c.email}`),
    });
    steps.push({ kind: 'capture', title: caDeploy.alerts.channelName(c.email), name: c.ref, command: find });
  }
  const notify = `--notification-channels=${channels.map((c) => `{{${c.ref}}}`).join(',')}`;
  for (const p of alertPolicies(o)) {
    steps.push({
      kind: 'ensure',
      title: caDeploy.alerts.policy(p.displayName),
      check: g('monitoring', 'policies', 'list', `--filter=displayName=${quoted(p.displayName)}`, '--format=value(name)'),
      present: { kind: 'output' },
      create: g('monitoring', 'policies', 'create', `--display-name=${p.displayName}`, `--policy=${JSON.stringify(p)}`, notify),
    });
  }
  return steps;
}
