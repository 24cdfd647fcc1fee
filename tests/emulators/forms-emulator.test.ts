import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forms } from '@googleapis/forms';
import type { forms_v1 } from '@googleapis/forms';
import { createFormsEmulator } from '../../emulators/forms/index';
import type { FormsEmulator, FormsEmulatorOptions, FormsPubSubEvent } from '../../emulators/forms/index';

const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const TOPIC = 'projects/demo-project/topics/forms-responses';

let clock = T0;
let emulator: FormsEmulator;
let server: Server;
let base: string;
let api: forms_v1.Forms;

async function start(opts: FormsEmulatorOptions = {}): Promise<void> {
  emulator = createFormsEmulator({ now: () => clock, ...opts });
  server = createServer((req, res) => {
    void emulator.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = forms({ version: 'v1', rootUrl: `${base}/` });
}

beforeEach(async () => {
  clock = T0;
  await start();
});
afterEach(async () => {
  await new Promise((r) => server.close(r));
});

/** The client rejects with a GaxiosError; return its status and Google error body. */
async function failure(p: Promise<unknown>): Promise<{ status: number; error: { code: number; status: string; message: string } }> {
  const e = (await p.then(() => { throw new Error('expected the call to fail'); }, (err: unknown) => err)) as {
    status: number; response: { data: { error: { code: number; status: string; message: string } } };
  };
  return { status: e.status, error: e.response.data.error };
}

const textItem = (title: string, questionId?: string, required = false): forms_v1.Schema$Item => ({
  title,
  questionItem: { question: { ...(questionId ? { questionId } : {}), required, textQuestion: { paragraph: false } } },
});
const radioItem = (title: string, questionId: string, values: string[]): forms_v1.Schema$Item => ({
  title,
  questionItem: { question: { questionId, required: true, choiceQuestion: { type: 'RADIO', options: values.map((value) => ({ value })) } } },
});

/** A form as the product leaves it: created, then published and accepting responses. */
async function newForm(items: forms_v1.Schema$Item[] = []): Promise<string> {
  const { data } = await api.forms.create({ requestBody: { info: { title: 'Mentoring intake' } } });
  const formId = data.formId as string;
  await api.forms.setPublishSettings({ formId, requestBody: { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } }, updateMask: 'publishState' } });
  if (items.length) {
    await api.forms.batchUpdate({
      formId,
      requestBody: { requests: items.map((item, index) => ({ createItem: { item, location: { index } } })) },
    });
  }
  return formId;
}

const standardItems = () => [textItem('Name', '00a1b2c3', true), radioItem('Role', '00a1b2c4', ['Mentor', 'Mentee']), textItem('Notes', '00a1b2c5')];

describe('forms and batchUpdate', () => {
  it('creates a form from a title only and refuses items at creation, as documented', async () => {
    const { data } = await api.forms.create({ requestBody: { info: { title: 'Intake', documentTitle: 'Intake (doc)' } } });
    expect(data.formId).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(data).toMatchObject({ info: { title: 'Intake', documentTitle: 'Intake (doc)' }, settings: {} });
    expect(data.revisionId).toEqual(expect.any(String));
    expect(data.responderUri).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/);
    expect(data.items).toBeUndefined();

    const bad = await failure(api.forms.create({ requestBody: { info: { title: 'x' }, items: [textItem('Name')] } }));
    expect(bad).toMatchObject({ status: 400, error: { code: 400, status: 'INVALID_ARGUMENT' } });
    expect((await api.forms.create({ requestBody: { info: { title: 'Only' } } })).data.info).toEqual({ title: 'Only', documentTitle: 'Untitled form' });
  });

  it('creates grid question groups with one question ID per row, answered row by row', async () => {
    const formId = await newForm();
    const { data } = await api.forms.batchUpdate({ formId, requestBody: { requests: [{ createItem: { location: { index: 0 }, item: {
      title: 'Availability',
      questionGroupItem: {
        grid: { columns: { type: 'CHECKBOX', options: [{ value: 'Morning' }, { value: 'Evening' }] } },
        questions: [{ questionId: '0000d001', required: true, rowQuestion: { title: 'Monday' } }, { rowQuestion: { title: 'Tuesday' } }],
      },
    } } }] } });
    const qids = data.replies?.[0]?.createItem?.questionId ?? [];
    expect(qids).toEqual(['0000d001', expect.stringMatching(/^[0-7][0-9a-f]{7}$/)]);
    const { responseId } = emulator.addResponse(formId, { '0000d001': ['Morning', 'Evening'] });
    expect((await api.forms.responses.get({ formId, responseId })).data.answers?.['0000d001']?.textAnswers?.answers).toHaveLength(2);
    expect(() => emulator.addResponse(formId, { '0000d001': ['Noon'] })).toThrow(/not options/);
  });

  it('allows grading only on quizzes and refuses responses to unpublished forms', async () => {
    const formId = await newForm();
    const graded = { title: 'Q', questionItem: { question: { grading: { pointValue: 1, correctAnswers: { answers: [{ value: 'a' }] } }, choiceQuestion: { type: 'RADIO', options: [{ value: 'a' }] } } } };
    const create = () => api.forms.batchUpdate({ formId, requestBody: { requests: [{ createItem: { item: graded, location: { index: 0 } } }] } });
    expect((await failure(create())).status).toBe(400);
    await api.forms.batchUpdate({ formId, requestBody: { requests: [{ updateSettings: { settings: { quizSettings: { isQuiz: true } }, updateMask: 'quizSettings.isQuiz' } }] } });
    await create();
    await api.forms.batchUpdate({ formId, requestBody: { requests: [{ updateSettings: { settings: { quizSettings: { isQuiz: false } }, updateMask: 'quizSettings' } }] } });
    expect((await api.forms.get({ formId })).data.items?.[0]?.questionItem?.question?.grading).toBeUndefined(); // documented

    const closed = (await api.forms.create({ requestBody: { info: { title: 'Closed' } }, unpublished: true })).data;
    expect(closed.publishSettings?.publishState).toEqual({ isPublished: false, isAcceptingResponses: false });
    expect(() => emulator.addResponse(closed.formId as string, {})).toThrow(/not accepting/);
  });

  it('honours client-chosen question IDs, generates the others, and get() returns the items in place', async () => {
    const formId = await newForm();
    const { data } = await api.forms.batchUpdate({
      formId,
      requestBody: {
        includeFormInResponse: true,
        requests: [
          { createItem: { item: textItem('Name', '00a1b2c3', true), location: { index: 0 } } },
          { createItem: { item: { title: 'Interests', questionItem: { question: { choiceQuestion: { type: 'CHECKBOX', options: [{ value: 'Art' }, { value: 'Maths' }, { isOther: true }] } } } }, location: { index: 1 } } },
          { createItem: { item: { title: 'Birth date', questionItem: { question: { questionId: '00a1b2c5', dateQuestion: { includeYear: true } } } }, location: { index: 0 } } },
          { createItem: { item: { title: 'About you', textItem: {} }, location: { index: 3 } } },
        ],
      },
    });
    const replies = data.replies ?? [];
    expect(replies[0]?.createItem).toEqual({ itemId: expect.stringMatching(/^[0-9a-f]{8}$/), questionId: ['00a1b2c3'] });
    expect(replies[1]?.createItem?.questionId).toEqual([expect.stringMatching(/^[0-9a-f]{8}$/)]);
    expect(replies[3]?.createItem).toEqual({ itemId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(data.writeControl?.requiredRevisionId).toBe(data.form?.revisionId);

    const form = (await api.forms.get({ formId })).data;
    expect(form.items?.map((i) => i.title)).toEqual(['Birth date', 'Name', 'Interests', 'About you']);
    expect(form.items?.[1]?.questionItem?.question).toEqual({ questionId: '00a1b2c3', required: true, textQuestion: { paragraph: false } });
    expect(form.items?.[0]?.questionItem?.question?.questionId).toBe('00a1b2c5');
  });

  it('keeps IDs on updateItem, and regenerates them for a "*" mask without IDs (documented)', async () => {
    const formId = await newForm(standardItems());
    const before = (await api.forms.get({ formId })).data;
    const name = before.items?.[0] as forms_v1.Schema$Item;

    await api.forms.batchUpdate({ formId, requestBody: { requests: [
      { updateItem: { item: { title: 'Full name', questionItem: { question: { required: false } } }, location: { index: 0 }, updateMask: 'title,questionItem.question.required' } },
      { updateItem: { item: { ...radioItem('Role', '00a1b2c4', ['Mentor', 'Mentee', 'Both']), itemId: before.items?.[1]?.itemId ?? null }, location: { index: 1 }, updateMask: '*' } },
    ] } });
    const mid = (await api.forms.get({ formId })).data;
    expect(mid.revisionId).not.toBe(before.revisionId);
    expect(mid.items?.[0]).toMatchObject({ itemId: name.itemId, title: 'Full name', questionItem: { question: { questionId: '00a1b2c3', required: false } } });
    expect(mid.items?.[1]).toMatchObject({ itemId: before.items?.[1]?.itemId, questionItem: { question: { questionId: '00a1b2c4' } } });
    expect(mid.items?.[1]?.questionItem?.question?.choiceQuestion?.options).toHaveLength(3);

    // The trap: writing a whole item back without its IDs under "*" gives it new ones.
    await api.forms.batchUpdate({ formId, requestBody: { requests: [{ updateItem: { item: textItem('Notes'), location: { index: 2 }, updateMask: '*' } }] } });
    const after = (await api.forms.get({ formId })).data;
    expect(after.items?.[2]?.questionItem?.question?.questionId).not.toBe('00a1b2c5');
    expect(after.items?.[2]?.itemId).not.toBe(mid.items?.[2]?.itemId);
  });

  it('rejects a stale requiredRevisionId with 400 and applies batches all-or-nothing', async () => {
    const formId = await newForm(standardItems());
    const { revisionId } = (await api.forms.get({ formId })).data;
    await api.forms.batchUpdate({ formId, requestBody: { requests: [{ updateFormInfo: { info: { description: 'v2' }, updateMask: 'description' } }], writeControl: { requiredRevisionId: revisionId } } });

    const stale = await failure(api.forms.batchUpdate({ formId, requestBody: { requests: [{ deleteItem: { location: { index: 0 } } }], writeControl: { requiredRevisionId: revisionId } } }));
    expect(stale).toMatchObject({ status: 400, error: { code: 400 } });

    const partial = await failure(api.forms.batchUpdate({ formId, requestBody: { requests: [
      { deleteItem: { location: { index: 0 } } },
      { createItem: { item: textItem('Dup', '00a1b2c4'), location: { index: 0 } } }, // ID already used
    ] } }));
    expect(partial.status).toBe(400);
    expect(partial.error.message).toMatch(/requests\[1\]\.createItem.*already in use/);
    const form = (await api.forms.get({ formId })).data;
    expect(form.items).toHaveLength(3);
    expect(form.info?.description).toBe('v2');
  });

  it('rejects what Google rejects: bad enums, unknown fields, file upload questions, bad locations', async () => {
    const formId = await newForm();
    const bad = (item: unknown, index = 0) => failure(api.forms.batchUpdate({ formId, requestBody: { requests: [{ createItem: { item: item as forms_v1.Schema$Item, location: { index } } }] } }));
    expect((await bad({ title: 'x', questionItem: { question: { choiceQuestion: { type: 'DROP_LIST', options: [{ value: 'a' }] } } } })).status).toBe(400);
    expect((await bad({ title: 'x', questionItem: { question: { textQuestion: {}, paragraphQuestion: {} } } })).status).toBe(400);
    expect((await bad({ title: 'x', questionItem: { question: { fileUploadQuestion: { folderId: 'f' } } } })).status).toBe(400);
    expect((await bad({ title: 'x', questionItem: { question: { questionId: 'not-hex', textQuestion: {} } } })).status).toBe(400);
    expect((await bad(textItem('x'), 5)).status).toBe(400);
    expect((await bad({ title: 'x', questionItem: { question: { choiceQuestion: { type: 'DROP_DOWN', options: [{ value: 'a' }, { value: 'a' }] } } } })).status).toBe(400);
  });

  it('moves and deletes items', async () => {
    const formId = await newForm(standardItems());
    await api.forms.batchUpdate({ formId, requestBody: { requests: [
      { moveItem: { originalLocation: { index: 0 }, newLocation: { index: 2 } } },
      { deleteItem: { location: { index: 0 } } },
    ] } });
    const form = (await api.forms.get({ formId })).data;
    expect(form.items?.map((i) => i.title)).toEqual(['Notes', 'Name']);
  });
});

describe('responses', () => {
  it('lists by lastSubmittedTime filter across pages, in responseId (not time) order', async () => {
    const formId = await newForm(standardItems());
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(emulator.addResponse(formId, { '00a1b2c3': [`P${i}`], '00a1b2c4': ['Mentor'] }, { at: new Date(T0 + i * 60_000) }).responseId);
    }
    const seen: forms_v1.Schema$FormResponse[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const { data } = await api.forms.responses.list({ formId, pageSize: 3, ...(pageToken ? { pageToken } : {}) });
      seen.push(...(data.responses ?? []));
      pageToken = data.nextPageToken ?? undefined;
      pages++;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen.map((r) => r.responseId)).toEqual([...ids].sort());
    expect(seen[0]?.formId).toBeUndefined(); // documented: not returned by list

    const t3 = new Date(T0 + 3 * 60_000).toISOString().replace('.000Z', 'Z');
    const count = async (filter: string) => (await api.forms.responses.list({ formId, filter })).data.responses?.length ?? 0;
    expect(await count(`timestamp > ${t3}`)).toBe(3);
    expect(await count(`timestamp >= ${t3}`)).toBe(4);
    expect(await count(`timestamp > ${t3.replace('Z', '.000000001Z')}`)).toBe(3);
    expect(await count('timestamp > 2030-01-01T00:00:00Z')).toBe(0);

    const filtered = await api.forms.responses.list({ formId, filter: `timestamp >= ${t3}`, pageSize: 2 });
    expect(filtered.data.nextPageToken).toBeTruthy();
    const mismatched = await failure(api.forms.responses.list({ formId, filter: `timestamp > ${t3}`, pageToken: filtered.data.nextPageToken as string }));
    expect(mismatched.status).toBe(400);
    for (const filter of ['timestamp > 2020-05-01', 'createTime > 2020-05-01T00:00:00Z', 'timestamp < 2020-05-01T00:00:00Z', 'timestamp > 2020-05-01T00:00:00+02:00']) {
      expect(await failure(api.forms.responses.list({ formId, filter }))).toMatchObject({ status: 400, error: { status: 'INVALID_ARGUMENT' } });
    }
  });

  it('gets one response in the documented shape', async () => {
    const formId = await newForm(standardItems());
    const { responseId } = emulator.addResponse(formId, { '00a1b2c3': ['Ada'], '00a1b2c4': ['Mentee'] });
    const { data } = await api.forms.responses.get({ formId, responseId });
    expect(data).toEqual({
      formId,
      responseId,
      createTime: new Date(T0).toISOString(),
      lastSubmittedTime: new Date(T0).toISOString(),
      answers: {
        '00a1b2c3': { questionId: '00a1b2c3', textAnswers: { answers: [{ value: 'Ada' }] } },
        '00a1b2c4': { questionId: '00a1b2c4', textAnswers: { answers: [{ value: 'Mentee' }] } },
      },
    });
    expect((await failure(api.forms.responses.get({ formId, responseId: 'nope' }))).status).toBe(404);
  });

  it('treats an edit as a resubmission: lastSubmittedTime moves, createTime stays', async () => {
    const formId = await newForm(standardItems());
    const { responseId } = emulator.addResponse(formId, { '00a1b2c3': ['Ada'], '00a1b2c4': ['Mentee'] });
    clock = T0 + DAY;
    emulator.editResponse(formId, responseId, { '00a1b2c3': ['Ada L.'], '00a1b2c4': ['Mentor'] });
    const { data } = await api.forms.responses.get({ formId, responseId });
    expect(data.createTime).toBe(new Date(T0).toISOString());
    expect(data.lastSubmittedTime).toBe(new Date(T0 + DAY).toISOString());
    const since = await api.forms.responses.list({ formId, filter: `timestamp > ${new Date(T0).toISOString()}` });
    expect(since.data.responses?.map((r) => r.responseId)).toEqual([responseId]);
  });

  it('takes submissions on the local endpoint and reports every mismatch with the form', async () => {
    const formId = await newForm([...standardItems(), { title: 'When', questionItem: { question: { questionId: '00a1b2c6', dateQuestion: { includeYear: true } } } }]);
    const post = (id: string, body: unknown) => fetch(`${base}/local/forms/${id}/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

    const ok = await post(formId, { answers: { '00a1b2c3': ['Ada'], '00a1b2c4': ['Mentor'], '00a1b2c6': ['2025-02-28'] } });
    expect(ok.status).toBe(201);
    const { responseId } = (await ok.json()) as { responseId: string };
    expect((await api.forms.responses.get({ formId, responseId })).data.answers?.['00a1b2c6']?.textAnswers?.answers).toEqual([{ value: '2025-02-28' }]);

    const bad = await post(formId, { answers: { '00a1b2c4': ['Teacher'], 'ffffffff': ['x'], '00a1b2c6': ['2025-02-30'] } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 400, status: 'INVALID_ARGUMENT' },
      missing: ['00a1b2c3'],
      unknown: ['ffffffff'],
      invalid: [expect.objectContaining({ field: '00a1b2c4' }), expect.objectContaining({ field: '00a1b2c6' })],
    });
    expect((await post('no-such-form', { answers: {} })).status).toBe(404);
    expect(() => emulator.addResponse(formId, {})).toThrow(/00a1b2c3/);
  });

  it('records respondentEmail only when the form collects it, and then requires it', async () => {
    const formId = await newForm(standardItems());
    const answers = { '00a1b2c3': ['Ada'], '00a1b2c4': ['Mentor'] };
    expect(() => emulator.addResponse(formId, answers, { respondentEmail: 'ada@example.org' })).toThrow(/respondentEmail/);
    await api.forms.batchUpdate({ formId, requestBody: { requests: [{ updateSettings: { settings: { emailCollectionType: 'VERIFIED' }, updateMask: 'emailCollectionType' } }] } });
    expect(() => emulator.addResponse(formId, answers)).toThrow(/respondentEmail/);
    const { responseId } = emulator.addResponse(formId, answers, { respondentEmail: 'ada@example.org' });
    expect((await api.forms.responses.get({ formId, responseId })).data.respondentEmail).toBe('ada@example.org');
  });
});

describe('watches and events', () => {
  const events: Array<{ topic: string; event: FormsPubSubEvent }> = [];
  beforeEach(() => {
    events.length = 0;
    emulator.onEvent((topic, event) => { events.push({ topic, event }); });
  });
  const answers = { '00a1b2c3': ['Ada'], '00a1b2c4': ['Mentor'] };
  const watch = (formId: string, eventType: string, watchId?: string) =>
    api.forms.watches.create({ formId, requestBody: { watch: { target: { topic: { topicName: TOPIC } }, eventType }, ...(watchId ? { watchId } : {}) } });

  it('creates, lists, renews and expires watches as documented', async () => {
    const formId = await newForm(standardItems());
    const { data: w } = await watch(formId, 'RESPONSES');
    expect(w).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      target: { topic: { topicName: TOPIC } },
      eventType: 'RESPONSES',
      createTime: new Date(T0).toISOString(),
      expireTime: new Date(T0 + 7 * DAY).toISOString(),
      state: 'ACTIVE',
    });
    expect((await failure(watch(formId, 'RESPONSES'))).status).toBe(400); // one per form per event type
    await watch(formId, 'SCHEMA', 'schema-watch');
    expect((await api.forms.watches.list({ formId })).data.watches?.map((x) => x.eventType).sort()).toEqual(['RESPONSES', 'SCHEMA']);

    clock = T0 + 6 * DAY;
    const renewed = (await api.forms.watches.renew({ formId, watchId: w.id as string })).data;
    expect(renewed.expireTime).toBe(new Date(T0 + 13 * DAY).toISOString());

    clock = T0 + 7 * DAY; // the SCHEMA watch was never renewed
    expect((await api.forms.watches.list({ formId })).data.watches?.map((x) => x.id)).toEqual([w.id]);
    expect((await failure(api.forms.watches.renew({ formId, watchId: 'schema-watch' }))).error).toMatchObject({ code: 404, status: 'NOT_FOUND' });

    clock = T0 + 14 * DAY;
    emulator.addResponse(formId, answers);
    await emulator.flush();
    expect(events).toEqual([]);
    expect((await api.forms.watches.list({ formId })).data.watches).toEqual([]);
    expect((await failure(api.forms.watches.renew({ formId, watchId: w.id as string }))).status).toBe(404);
  });

  it('publishes a CloudEvent per active watch, after answering, with attributes only', async () => {
    const formId = await newForm(standardItems());
    const { data: w } = await watch(formId, 'RESPONSES');
    emulator.addResponse(formId, answers);
    expect(events).toEqual([]); // asynchronous: nothing delivered yet
    await emulator.flush();
    expect(events).toHaveLength(1);
    const { topic, event } = events[0] as { topic: string; event: FormsPubSubEvent };
    expect(topic).toBe(TOPIC);
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'google.cloud.pubsub.topic.v1.messagePublished',
      source: `//pubsub.googleapis.com/${TOPIC}`,
      datacontenttype: 'application/json',
      time: new Date(T0).toISOString(),
      data: { message: { messageId: event.id, publishTime: new Date(T0).toISOString() }, subscription: expect.stringMatching(/^projects\/demo-project\/subscriptions\//) },
    });
    expect(event.data.message.attributes).toEqual({ formId, watchId: w.id, eventType: 'RESPONSES' });
    expect(event.data.message.data).toBeUndefined(); // no response data in notifications

    // Local endpoint and a schema change publish too; a SCHEMA watch gets only the latter.
    await watch(formId, 'SCHEMA');
    await fetch(`${base}/local/forms/${formId}/responses`, { method: 'POST', body: JSON.stringify({ answers }) });
    await api.forms.batchUpdate({ formId, requestBody: { requests: [{ updateFormInfo: { info: { title: 'New' }, updateMask: 'title' } }] } });
    await emulator.flush();
    expect(events.slice(1).map((e) => e.event.data.message.attributes.eventType)).toEqual(['RESPONSES', 'SCHEMA']);
  });

  it('stops publishing for suspended watches until renewed, and survives throwing listeners', async () => {
    const formId = await newForm(standardItems());
    const { data: w } = await watch(formId, 'RESPONSES');
    emulator.onEvent(() => { throw new Error('subscriber bug'); });

    emulator.suspendWatch(formId, w.id as string, { errorType: 'PROJECT_NOT_AUTHORIZED', persists: true });
    expect((await api.forms.watches.list({ formId })).data.watches?.[0]).toMatchObject({ state: 'SUSPENDED', errorType: 'PROJECT_NOT_AUTHORIZED' });
    emulator.addResponse(formId, answers);
    await emulator.flush();
    expect(events).toEqual([]);
    expect((await failure(api.forms.watches.renew({ formId, watchId: w.id as string }))).status).toBe(400);

    emulator.suspendWatch(formId, w.id as string, { errorType: 'OTHER_ERRORS' }); // cause gone
    const renewed = (await api.forms.watches.renew({ formId, watchId: w.id as string })).data;
    expect(renewed.state).toBe('ACTIVE');
    expect(renewed.errorType).toBeUndefined();

    emulator.addResponse(formId, answers);
    await emulator.flush();
    expect(events).toHaveLength(1);
    expect(emulator.listenerErrors()).toEqual([new Error('subscriber bug')]);
    expect((await api.forms.get({ formId })).status).toBe(200); // still serving

    await api.forms.watches.delete({ formId, watchId: w.id as string });
    expect((await api.forms.watches.list({ formId })).data.watches).toEqual([]);
  });
});

describe('faults, counters and persistence', () => {
  it('answers 429/500/503 for the configured share of API calls, never for the local endpoint', async () => {
    const rolls: number[] = [];
    await new Promise((r) => server.close(r));
    await start({ random: () => rolls.shift() ?? 0.99 });
    const formId = await newForm(standardItems());
    emulator.setFaults({ faultRate: 0.5 });
    // Two rolls per call: below faultRate means fail, then floor(roll * 3) picks 429/500/503.
    rolls.push(0.1, 0.0, 0.1, 0.5, 0.1, 0.9, 0.6);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await failure(api.forms.get({ formId }, { retry: false }))).status);
    expect(statuses).toEqual([429, 500, 503]);
    expect((await api.forms.get({ formId })).status).toBe(200); // roll 0.6 >= 0.5

    emulator.setFaults({ faultRate: 1 });
    const local = await fetch(`${base}/local/forms/${formId}/responses`, { method: 'POST', body: JSON.stringify({ answers: { '00a1b2c3': ['A'], '00a1b2c4': ['Mentor'] } }) });
    expect(local.status).toBe(201);

    emulator.setFaults({ faultRate: 0, latencyMs: 80 });
    const t = Date.now();
    await api.forms.get({ formId });
    expect(Date.now() - t).toBeGreaterThanOrEqual(70);
  });

  it('lets the client\'s default retry ride out a fault on GET, visible in the counters', async () => {
    const rolls = [0.1, 0.9]; // first call faults with floor(0.9 * 3) = 2 -> 503
    await new Promise((r) => server.close(r));
    await start({ faultRate: 0.5, random: () => rolls.shift() ?? 0.99 });
    // googleapis does not retry POST by default, so this 503 reaches the caller.
    expect((await failure(api.forms.create({ requestBody: { info: { title: 'x' } } }))).status).toBe(503);
    const formId = await newForm();
    rolls.push(0.1, 0.0); // next call: 429, then the automatic retry succeeds
    expect((await api.forms.get({ formId })).status).toBe(200);
    expect(emulator.counters()).toEqual({ total: 5, byMethod: { 'forms.create': 2, 'forms.setPublishSettings': 1, 'forms.get': 2 } });
  });

  it('persists to stateFile atomically and reloads forms, responses and watches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forms-emu-'));
    try {
      const stateFile = join(dir, 'forms.json');
      await new Promise((r) => server.close(r));
      await start({ stateFile });
      const formId = await newForm(standardItems());
      const { responseId } = emulator.addResponse(formId, { '00a1b2c3': ['Ada'], '00a1b2c4': ['Mentor'] });
      await api.forms.watches.create({ formId, requestBody: { watch: { target: { topic: { topicName: TOPIC } }, eventType: 'RESPONSES' } } });
      expect(readdirSync(dir)).toEqual(['forms.json']);

      await new Promise((r) => server.close(r));
      await start({ stateFile });
      expect((await api.forms.get({ formId })).data.items).toHaveLength(3);
      expect((await api.forms.responses.get({ formId, responseId })).data.responseId).toBe(responseId);
      expect((await api.forms.watches.list({ formId })).data.watches).toHaveLength(1);
      emulator.reset();
      expect((await failure(api.forms.get({ formId }))).status).toBe(404);
      expect(emulator.counters()).toEqual({ total: 1, byMethod: { 'forms.get': 1 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves unknown paths to the host server', async () => {
    expect((await fetch(`${base}/v1/forms/x/somethingElse`)).status).toBe(404);
    expect((await fetch(`${base}/v4/spreadsheets/x`)).status).toBe(404);
  });
});
