// The Apps Script relay, run in a sandbox with stand-ins for the Apps Script services it
// uses (FormApp's response, Utilities, UrlFetchApp, PropertiesService): it turns a response
// into the same body as the Forms door, signs it as the README says, and both doors
// delivering the same response at once make one row.
import { createHmac } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { forms, type forms_v1 } from '@googleapis/forms';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { responseToBody } from '../../shared/forms/answers';
import type { FormResponse } from '../../shared/forms/form-source';
import { relayScript } from '../../scripts/apps-script/relay';
import { formCommand } from '../../scripts/form-command';
import { formAnswers } from '../support/form-answers';
import { formsDoor } from '../support/forms-door';
import { readLog, readRequests, startTestStack, type TestStack } from '../support/stack';

const SLOW = 120_000;
let stack: TestStack;
let api: forms_v1.Forms;
let formId = '';
let form: forms_v1.Schema$Form;
let script = '';

beforeAll(async () => {
  stack = await startTestStack();
  api = forms({ version: 'v1', rootUrl: `${stack.url}/` });
  formId = stack.functionEnv.FORM_ID!;
  form = (await api.forms.get({ formId })).data;
  const res = await formCommand(['relay', '--form', formId], { ...process.env, GOOGLE_ROOT_URL: `${stack.url}/` });
  expect(res.code).toBe(0);
  script = res.out;
});
afterAll(() => stack?.close());

// Apps Script bytes are Java's: signed, -128..127.
const signed = (buf: Buffer) => Array.from(buf, (b) => (b << 24) >> 24);
const unsigned = (bytes: number[]) => Buffer.from(bytes.map((b) => b & 0xff));

/** FormApp's view of a response: items by Apps Script ID, checkboxes answered with a list. */
function formAppResponse(r: forms_v1.Schema$FormResponse) {
  const byQuestion = new Map((form.items ?? []).map((i) => [i.questionItem?.question?.questionId, i]));
  return {
    getId: () => r.responseId,
    getTimestamp: () => new Date(r.createTime!),
    getItemResponses: () =>
      Object.entries(r.answers ?? {}).map(([qid, a]) => {
        const item = byQuestion.get(qid)!;
        const values = (a.textAnswers?.answers ?? []).map((x) => x.value);
        const checkbox = item.questionItem?.question?.choiceQuestion?.type === 'CHECKBOX';
        return { getItem: () => ({ getId: () => parseInt(item.itemId!, 16) }), getResponse: () => (checkbox ? values : values[0]) };
      }),
  };
}

/** Runs onFormSubmit and returns the request it made, as UrlFetchApp would have sent it. */
function runRelay(source: string, response: unknown, props: Record<string, string> = { INTAKE_URL: `${stack.url}/intake`, INTAKE_SECRET: stack.functionEnv.INTAKE_SECRET! }) {
  let sent: { url: string; params: { contentType: string; payload: number[]; headers: Record<string, string> } } | undefined;
  runInNewContext(`${source}\nonFormSubmit(__event);`, {
    __event: { response },
    PropertiesService: { getScriptProperties: () => ({ getProperty: (k: string) => props[k] ?? null }) },
    Utilities: {
      newBlob: (s: string) => ({ getBytes: () => signed(Buffer.from(s, 'utf8')) }),
      computeHmacSha256Signature: (value: number[], key: number[]) => signed(createHmac('sha256', unsigned(key)).update(unsigned(value)).digest()),
    },
    UrlFetchApp: {
      fetch: (url: string, params: never) => {
        sent = { url, params };
        return { getResponseCode: () => 201, getContentText: () => '' };
      },
    },
  });
  if (!sent) throw new Error('the relay sent nothing');
  const { url, params } = sent;
  return {
    body: JSON.parse(unsigned(params.payload).toString('utf8')) as Record<string, unknown>,
    post: () =>
      fetch(url, { method: 'POST', headers: { 'content-type': params.contentType, 'x-signature': params.headers['X-Signature']! }, body: unsigned(params.payload) }),
  };
}

describe('the Apps Script relay', () => {
  test('builds the same body as the Forms door, with submissionId = responseId', async () => {
    await stack.forms.flush();
    const { responseId } = stack.forms.addResponse(formId, formAnswers({ topic: ['Altres'], topicOther: ['Turisme responsable'], priorityTheme: ['No'] }));
    const r = (await api.forms.responses.get({ formId, responseId })).data;
    const { body } = runRelay(script, formAppResponse(r));
    expect(body).toEqual(responseToBody(r as FormResponse));
    expect(body).toMatchObject({ submissionId: responseId, topic: 'other', priorityTheme: false, commitments: { availability: true, shareLearning: true, provideInformation: true } });
    await stack.forms.flush();
  }, SLOW);

  test('relay and watch delivering the same response at once: one row, one confirmation', async () => {
    const { responseId } = stack.forms.addResponse(formId, formAnswers({ contactEmail: ['both-doors@example.cat'] }));
    const r = (await api.forms.responses.get({ formId, responseId })).data;
    const relay = runRelay(script, formAppResponse(r));
    const [answer] = await Promise.all([relay.post(), stack.forms.flush()]);
    expect([200, 201]).toContain(answer.status);
    expect(((await answer.json()) as { reference: string }).reference).toMatch(/^DEMO-\d{3}$/);
    expect((await readRequests(stack.api)).filter((row) => row.ID === responseId)).toHaveLength(1);
    const confirmations = stack.sendgrid.messages().filter((m) => (m.body as { personalizations: Array<{ to: Array<{ email: string }> }> }).personalizations[0]?.to[0]?.email === 'both-doors@example.cat');
    expect(confirmations).toHaveLength(1);
    expect((await relay.post()).status).toBe(200); // and again later: the same reference, nothing new
  }, SLOW);

  test('an invalid response the relay delivered first is not recorded, nor told to staff, again by the watch', async () => {
    const door = formsDoor(stack);
    expect(await door.notify()).toBe(204); // the function's instance is up before the response
    let id = '';
    await door.withWatchPaused(async () => {
      id = stack.forms.addResponse(formId, formAnswers({ contactEmail: ['no-és-un-correu'] })).responseId;
      const r = (await api.forms.responses.get({ formId, responseId: id })).data;
      await (await runRelay(script, formAppResponse(r)).post()).arrayBuffer();
      expect(await door.notify()).toBe(204);
    });
    expect((await readLog(stack.api)).filter((e) => e.requestId === id && e.kind === 'invalida')).toHaveLength(1);
    expect(door.mails().filter((m) => m.content.some((c) => c.value.includes(id)))).toHaveLength(1);
  }, SLOW);

  test('refuses to run without its map or its properties, in Catalan', () => {
    const response = formAppResponse({ responseId: 'x', createTime: new Date().toISOString(), answers: {} });
    expect(() => runRelay(relayScript(form as never).replace(/const MAP = [\s\S]*?;\n\nfunction onFormSubmit/, 'const MAP = null;\n\nfunction onFormSubmit'), response)).toThrow(/npm run form -- relay/);
    expect(() => runRelay(script, response, {})).toThrow(/INTAKE_URL i INTAKE_SECRET/);
  });
});
