// The Forms emulator refuses what Google refuses, for every method and batchUpdate kind the
// product sends (shared/adapters/forms.ts, shared/forms/google-form.ts): one valid body
// answered 200, then unknown fields at each depth, bad enums, wrong JSON types, missing
// required fields and bad update masks, each answered 400 naming Google's snake_case path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormsEmulator } from '../../emulators/forms/index';
import { bogusVariants, call, expectBadRequest, serve } from './strict-support';
import type { Json } from './strict-support';

let server: Awaited<ReturnType<typeof serve>>;
let base: string;

beforeAll(async () => {
  server = await serve(createFormsEmulator().handle);
  base = `${server.origin}/v1/forms`;
});
afterAll(() => server.close());

const text = (title: string, questionId: string) => ({ title, questionItem: { question: { questionId, required: true, textQuestion: { paragraph: false } } } });
const radio = (title: string, questionId: string) => ({ title, questionItem: { question: { questionId, choiceQuestion: { type: 'RADIO', options: [{ value: 'Sí' }, { value: 'No' }, { isOther: true }] } } } });

/** A form holding a text item and a radio item, as the product's form plan leaves it. */
async function fresh(): Promise<string> {
  const created = await call(base, 'POST', '', { info: { title: 'Strict', documentTitle: 'Strict' } });
  expect(created.status).toBe(200);
  const formId = created.body.formId as string;
  const items = [text('Nom', '00a1b2c3'), radio('Rol', '00a1b2c4')];
  const filled = await call(base, 'POST', `/${formId}:batchUpdate`, { requests: items.map((item, index) => ({ createItem: { item, location: { index } } })) });
  expect(filled.status).toBe(200);
  return formId;
}

interface Kind {
  kind: string;
  valid: () => Json;
  invalid: Array<{ what: string; body: Json; field: string; message: RegExp }>;
}

const KINDS: Kind[] = [
  {
    kind: 'createItem',
    valid: () => ({ item: radio('Nou', '00a1b2d1'), location: { index: 2 } }),
    invalid: [
      { what: 'a misspelt choice type', body: { item: { title: 'x', questionItem: { question: { choiceQuestion: { type: 'RADIOS', options: [{ value: 'a' }] } } } }, location: { index: 0 } }, field: 'requests[0].create_item.item.question_item.question.choice_question.type', message: /google\.apps\.forms\.v1\.Type\), "RADIOS"/ },
      { what: 'a missing required location', body: { item: text('x', '00a1b2d2') }, field: 'requests[0].create_item.location', message: /^Invalid value at 'requests\[0\]\.create_item\.location': required field is not set\.$/ },
      { what: 'a missing option value that is not "other"', body: { item: { title: 'x', questionItem: { question: { choiceQuestion: { type: 'RADIO', options: [{}] } } } }, location: { index: 0 } }, field: 'requests[0].create_item.item.question_item.question.choice_question.options[0].value', message: /must have a value unless it is the "other" option/ },
      { what: 'a string where a bool goes', body: { item: { title: 'x', questionItem: { question: { textQuestion: { paragraph: 'no' } } } }, location: { index: 0 } }, field: 'requests[0].create_item.item.question_item.question.text_question.paragraph', message: /\(TYPE_BOOL\), "no"/ },
    ],
  },
  {
    kind: 'updateItem',
    valid: () => ({ item: { ...text('Nom i cognoms', '00a1b2c3') }, location: { index: 0 }, updateMask: 'title' }),
    invalid: [
      { what: 'a mask naming no Item field', body: { item: { title: 'x' }, location: { index: 0 }, updateMask: 'titel' }, field: 'requests[0].update_item.update_mask', message: /^Invalid requests\[0\]\.updateItem: field mask names 'titel', which is not a field of Item\.$/ },
      { what: 'a missing required mask', body: { item: { title: 'x' }, location: { index: 0 } }, field: 'requests[0].update_item.update_mask', message: /required field is not set/ },
    ],
  },
  {
    kind: 'deleteItem',
    valid: () => ({ location: { index: 1 } }),
    invalid: [
      { what: 'a list where a message goes', body: { location: [{ index: 0 }] }, field: 'requests[0].delete_item', message: /^Invalid JSON payload received\. Unknown name "location" at 'requests\[0\]\.delete_item': Proto field is not repeating, cannot start list\.$/ },
    ],
  },
  {
    kind: 'moveItem',
    valid: () => ({ originalLocation: { index: 0 }, newLocation: { index: 1 } }),
    invalid: [
      { what: 'a non-numeric index', body: { originalLocation: { index: 0 }, newLocation: { index: 'last' } }, field: 'requests[0].move_item.new_location.index', message: /\(TYPE_INT32\), "last"/ },
      { what: 'a missing required original location', body: { newLocation: { index: 1 } }, field: 'requests[0].move_item.original_location', message: /required field is not set/ },
    ],
  },
  {
    kind: 'updateFormInfo',
    valid: () => ({ info: { title: 'Convocatòria', description: 'Mentories' }, updateMask: 'title,description' }),
    invalid: [
      { what: 'a mask naming no Info field', body: { info: { title: 'x' }, updateMask: 'titles' }, field: 'requests[0].update_form_info.update_mask', message: /'titles', which is not a field of Info/ },
      { what: 'a number where a string goes', body: { info: { title: 5 }, updateMask: 'title' }, field: 'requests[0].update_form_info.info.title', message: /\(TYPE_STRING\), 5/ },
    ],
  },
  {
    kind: 'updateSettings',
    valid: () => ({ settings: { emailCollectionType: 'DO_NOT_COLLECT' }, updateMask: 'emailCollectionType' }),
    invalid: [
      { what: 'a misspelt email collection type', body: { settings: { emailCollectionType: 'NONE' }, updateMask: 'emailCollectionType' }, field: 'requests[0].update_settings.settings.email_collection_type', message: /"NONE"/ },
      { what: 'a mask naming no FormSettings field', body: { settings: {}, updateMask: 'email_collection' }, field: 'requests[0].update_settings.update_mask', message: /'email_collection', which is not a field of FormSettings/ },
    ],
  },
];

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const batch = (formId: string, body: Json) => call(base, 'POST', `/${formId}:batchUpdate`, body);

describe.each(KINDS)('forms.batchUpdate $kind', ({ kind, valid, invalid }) => {
  it('takes a valid request', async () => {
    const answer = await batch(await fresh(), { requests: [{ [kind]: valid() }] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  });

  it('refuses an unknown field at every depth, naming where it is', async () => {
    const formId = await fresh();
    const variants = bogusVariants(valid(), `requests[0].${snake(kind)}`);
    expect(variants.length).toBeGreaterThanOrEqual(2);
    for (const { body, at } of variants) {
      const answer = await batch(formId, { requests: [{ [kind]: body }] });
      expectBadRequest(answer, at, new RegExp(`Unknown name "bogus" at '${at.replace(/[[\]().]/g, '\\$&')}': Cannot find field\\.`));
    }
  });

  it.each(invalid)('refuses $what', async ({ body, field, message }) => {
    expectBadRequest(await batch(await fresh(), { requests: [{ [kind]: body }] }), field, message);
  });
});

describe('forms.batchUpdate as a whole', () => {
  it('refuses an unknown request kind, and two kinds in one request', async () => {
    const formId = await fresh();
    expectBadRequest(await batch(formId, { requests: [{ createItems: {} }] }), 'requests[0]', /Unknown name "createItems" at 'requests\[0\]'/);
    const two = await batch(formId, { requests: [{ deleteItem: { location: { index: 0 } }, moveItem: { originalLocation: { index: 0 }, newLocation: { index: 1 } } }] });
    expect(two.status).toBe(400);
    expect((two.body.error as Json).message).toMatch(/exactly one of/);
  });

  it('refuses unknown members of the batch and of its write control', async () => {
    const formId = await fresh();
    expectBadRequest(await batch(formId, { requests: [], includeFormInResponse: true, bogus: 1 }), '', /^Invalid JSON payload received\. Unknown name "bogus": Cannot find field\.$/);
    expectBadRequest(await batch(formId, { requests: [], writeControl: { revisionId: 'x' } }), 'write_control', /Unknown name "revisionId" at 'write_control'/);
  });
});

describe('the other Forms methods the product calls', () => {
  it('forms.create: info only, with unknown names and wrong types refused', async () => {
    expect((await call(base, 'POST', '', { info: { title: 'T' } })).status).toBe(200);
    expectBadRequest(await call(base, 'POST', '', { info: { title: 'T', subtitle: 'x' } }), 'info', /Unknown name "subtitle" at 'info'/);
    expectBadRequest(await call(base, 'POST', '', { info: 'T' }), 'info', /google\.apps\.forms\.v1\.Info\), "T"/);
    expectBadRequest(await call(base, 'POST', '?unpublished=sometimes', { info: { title: 'T' } }), 'unpublished', /\(TYPE_BOOL\), "sometimes"/);
  });

  it('forms.get: fields= names must exist in a Form', async () => {
    const formId = await fresh();
    expect((await call(base, 'GET', `/${formId}?fields=formId,items(itemId,questionItem/question/questionId)`)).status).toBe(200);
    expectBadRequest(await call(base, 'GET', `/${formId}?fields=items(questionId)`), 'fields', /path 'items\.questionId'/);
  });

  it('forms.responses.list: pageSize is an int32, filter a string, nothing else binds', async () => {
    const formId = await fresh();
    expect((await call(base, 'GET', `/${formId}/responses?pageSize=50&filter=${encodeURIComponent('timestamp > 2026-01-01T00:00:00Z')}`)).status).toBe(200);
    expectBadRequest(await call(base, 'GET', `/${formId}/responses?pageSize=many`), 'page_size', /\(TYPE_INT32\), "many"/);
    expectBadRequest(await call(base, 'GET', `/${formId}/responses?since=2026`), '', /Unknown name "since": Cannot bind query parameter/);
  });

  it('forms.watches.create, list, renew and delete', async () => {
    const formId = await fresh();
    const watch = { target: { topic: { topicName: 'projects/xmess-local/topics/form-responses' } }, eventType: 'RESPONSES' };
    const made = await call(base, 'POST', `/${formId}/watches`, { watch });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expectBadRequest(await call(base, 'POST', `/${formId}/watches`, { watch: { ...watch, eventType: 'RESPONSE' } }), 'watch.event_type', /"RESPONSE"/);
    expectBadRequest(await call(base, 'POST', `/${formId}/watches`, { watch: { eventType: 'RESPONSES' } }), 'watch.target', /required field is not set/);
    expectBadRequest(await call(base, 'POST', `/${formId}/watches`, { watch: { ...watch, target: { topic: { topicName: 'x', project: 'p' } } } }), 'watch.target.topic', /Unknown name "project"/);
    expect((await call(base, 'GET', `/${formId}/watches`)).status).toBe(200);
    expect((await call(base, 'POST', `/${formId}/watches/${String(made.body.id)}:renew`, {})).status).toBe(200);
    expectBadRequest(await call(base, 'POST', `/${formId}/watches/${String(made.body.id)}:renew`, { ttl: '7d' }), '', /Unknown name "ttl"/);
    expect((await call(base, 'DELETE', `/${formId}/watches/${String(made.body.id)}`)).status).toBe(200);
  });
});
