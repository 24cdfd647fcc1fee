// Plays Pub/Sub and the platform for the Google Form door on the test stack: notifications
// as Eventarc delivers them, a paused watch, and a cold instance of formResponses.
import type { CloudEvent } from '@google-cloud/functions-framework';
import { forms } from '@googleapis/forms';
import { createFormResponses, type PubSubData } from '../../functions/formResponses';
import { GoogleFormsSource } from '../../shared/adapters/forms';
import { SheetsWorkspace } from '../../shared/adapters/sheets';
import { GcsLeaseStore } from '../../shared/adapters/storage';
import { leaseGuard } from '../../shared/lease/guard';
import { createResponseIntake, knownFromSweepState } from '../../shared/pipeline/form-responses';
import { createIntakePipeline } from '../../shared/pipeline/intake';
import { intakeRuntime } from '../../shared/runtime';
import { leaseSettings } from '../../shared/runtime/config';
import { readRequests, type TestStack } from './stack';

export type Mail = {
  subject: string;
  custom_args?: Record<string, string>;
  personalizations: Array<{ to: Array<{ email: string }> }>;
  content: Array<{ type: string; value: string }>;
};

export const event = (data: PubSubData | undefined, id = `m-${Math.random().toString(36).slice(2)}`): CloudEvent<PubSubData> => ({
  specversion: '1.0',
  id,
  source: '//pubsub.googleapis.com/projects/xmess-local/topics/forms-responses',
  type: 'google.cloud.pubsub.topic.v1.messagePublished',
  ...(data === undefined ? {} : { data }),
});

export const message = (attributes: Record<string, string>): PubSubData => ({
  message: { attributes, messageId: 'm-1', publishTime: new Date().toISOString() },
  subscription: 'projects/xmess-local/subscriptions/test',
});

export function formsDoor(stack: TestStack) {
  const formId = stack.functionEnv.FORM_ID!;
  const api = forms({ version: 'v1', rootUrl: `${stack.url}/` });
  const ours = () => message({ formId, watchId: 'w', eventType: 'RESPONSES' });

  /** As Eventarc delivers: binary mode (ce-* headers), or structured (the whole event as JSON). */
  async function notify(data: PubSubData | undefined = ours(), mode: 'binary' | 'structured' = 'binary'): Promise<number> {
    const e = event(data);
    const res =
      mode === 'binary'
        ? await fetch(`${stack.url}/formResponses`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'ce-id': e.id, 'ce-source': e.source, 'ce-type': e.type, 'ce-specversion': '1.0' },
            body: JSON.stringify(data ?? {}),
          })
        : await fetch(`${stack.url}/formResponses`, { method: 'POST', headers: { 'content-type': 'application/cloudevents+json' }, body: JSON.stringify(e) });
    await res.arrayBuffer();
    return res.status;
  }

  /** No event from the watch meanwhile, so the test decides which notifications arrive. */
  async function withWatchPaused(fn: () => Promise<void>): Promise<void> {
    const [w] = (await api.forms.watches.list({ formId })).data.watches ?? [];
    stack.forms.suspendWatch(formId, w!.id!);
    try {
      await fn();
    } finally {
      await api.forms.watches.renew({ formId, watchId: w!.id! });
    }
  }

  /** Another instance of the function: its own memory, watermark and Sheets client. */
  async function coldInstance(opts: { pageSize?: number } = {}) {
    const base = await intakeRuntime();
    const store = new SheetsWorkspace({ spreadsheetId: 'local-workspace', rootUrl: `${stack.url}/` });
    // Its own lease client too: it meets the other instances on the stack's lease object.
    const { bucket, ...lease } = leaseSettings(base.config);
    const guard = leaseGuard({ ...lease, store: new GcsLeaseStore({ bucket, rootUrl: `${stack.url}/` }) });
    const pipeline = createIntakePipeline({ store, guard, mailer: base.mailer, staffEmails: base.config.STAFF_EMAILS, logger: base.logger });
    const intake = createResponseIntake({ pipeline, journal: { readKnown: async () => knownFromSweepState(await store.readSweepState()), appendLog: store.appendLog.bind(store) }, mailer: base.mailer, staffEmails: base.config.STAFF_EMAILS, logger: base.logger });
    const source = new GoogleFormsSource({ rootUrl: `${stack.url}/`, pageSize: opts.pageSize });
    const fn = createFormResponses(async () => ({ formId, source, intake, logger: base.logger }));
    return (data: PubSubData | undefined = ours()) => fn(event(data));
  }

  return {
    formId,
    api,
    notify,
    withWatchPaused,
    coldInstance,
    mails: () => stack.sendgrid.messages().map((m) => m.body as Mail),
    /** How many rows each ID has, in one read (each Sheets emulator call costs about a second). */
    rowCounts: async (ids: string[]) => {
      const rows = await readRequests(stack.api);
      return ids.map((id) => rows.filter((r) => r.ID === id).length);
    },
  };
}
