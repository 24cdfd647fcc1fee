// The Forms emulator's publish state against what Google documents: forms created through
// the API after 30 June 2026 are unpublished and take no responses ("API changes to Google
// Forms"); forms.setPublishSettings and its rules (reference and PublishSettings schema);
// legacy forms have no publishSettings and cannot be published through the API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forms, type forms_v1 } from '@googleapis/forms';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createFormsEmulator, type FormsEmulator } from '../../emulators/forms';

let emulator: FormsEmulator;
let server: Server;
let base: string;
let api: forms_v1.Forms;

beforeEach(async () => {
  emulator = createFormsEmulator();
  server = createServer((req, res) => void emulator.handle(req, res).then((ok) => ok || res.writeHead(404).end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = forms({ version: 'v1', rootUrl: `${base}/` });
});
afterEach(() => new Promise((r) => server.close(r)));

async function failure(p: Promise<unknown>): Promise<{ status: number; error: { code: number; status: string; message: string } }> {
  const e = (await p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: unknown) => err,
  )) as { status: number; response: { data: { error: { code: number; status: string; message: string } } } };
  return { status: e.status, error: e.response.data.error };
}

const QID = '0000a001';
async function newForm(params: { unpublished?: boolean } = {}): Promise<string> {
  const formId = (await api.forms.create({ requestBody: { info: { title: 'Sol·licituds' } }, ...params })).data.formId!;
  await api.forms.batchUpdate({
    formId,
    requestBody: { requests: [{ createItem: { item: { title: 'Ens', questionItem: { question: { questionId: QID, textQuestion: {} } } }, location: { index: 0 } } }] },
  });
  return formId;
}
const publish = (formId: string, publishState: Record<string, unknown> | undefined, updateMask: string | undefined = 'publishState') =>
  api.forms.setPublishSettings({
    formId,
    requestBody: { publishSettings: publishState === undefined ? {} : { publishState }, ...(updateMask === undefined ? {} : { updateMask }) },
  });
const respond = (formId: string) =>
  fetch(`${base}/local/forms/${formId}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: { [QID]: ['Celrà'] } }) });

describe('a form created through the API', () => {
  test.each([{}, { unpublished: false }, { unpublished: true }])('is unpublished and not accepting responses (%o)', async (params) => {
    const created = (await api.forms.create({ requestBody: { info: { title: 'x' } }, ...params })).data;
    expect(created.publishSettings).toEqual({ publishState: { isPublished: false, isAcceptingResponses: false } });
    expect((await api.forms.get({ formId: created.formId! })).data.publishSettings?.publishState).toEqual({ isPublished: false, isAcceptingResponses: false });
  });

  test('refuses responses at the local endpoint and through the test hook until it is published', async () => {
    const formId = await newForm();
    const refused = await respond(formId);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { status: string; message: string } }).error).toMatchObject({ status: 'FAILED_PRECONDITION', message: expect.stringContaining('not published') });
    expect(() => emulator.addResponse(formId, { [QID]: ['Celrà'] })).toThrow(/not accepting responses/);
    expect((await api.forms.responses.list({ formId })).data.responses).toBeUndefined();

    await publish(formId, { isPublished: true, isAcceptingResponses: true });
    expect((await respond(formId)).status).toBe(201);
    expect((await api.forms.responses.list({ formId })).data.responses).toHaveLength(1);
  });
});

describe('forms.setPublishSettings', () => {
  test('answers with the formId and the new settings; forms.get reads them back', async () => {
    const formId = await newForm();
    const { data } = await publish(formId, { isPublished: true, isAcceptingResponses: true });
    expect(data).toEqual({ formId, publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } } });
    expect((await api.forms.get({ formId })).data.publishSettings).toEqual({ publishState: { isPublished: true, isAcceptingResponses: true } });
  });

  test('stops accepting responses while staying published, and the responder is refused with that reason', async () => {
    const formId = await newForm();
    await publish(formId, { isPublished: true, isAcceptingResponses: true });
    const { responseId } = emulator.addResponse(formId, { [QID]: ['Manresa'] });
    await publish(formId, { isPublished: true, isAcceptingResponses: false }, '*');
    const refused = await respond(formId);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('stopped accepting');
    // A closed form takes no edits either; what it already has stays readable.
    expect(() => emulator.editResponse(formId, responseId, { [QID]: ['Manresa (edited)'] })).toThrow(/not accepting/);
    expect((await api.forms.responses.get({ formId, responseId })).data.responseId).toBe(responseId);
  });

  test('an unset update mask means every field, snake_case is accepted', async () => {
    const formId = await newForm();
    await publish(formId, { isPublished: true, isAcceptingResponses: true }, undefined);
    expect((await api.forms.get({ formId })).data.publishSettings?.publishState?.isAcceptingResponses).toBe(true);
    await publish(formId, { isPublished: false, isAcceptingResponses: false }, 'publish_state');
    expect((await api.forms.get({ formId })).data.publishSettings?.publishState).toEqual({ isPublished: false, isAcceptingResponses: false });
  });

  test.each([
    ['accepting responses while unpublished', { isPublished: false, isAcceptingResponses: true }, 'publishState', /not published cannot accept responses/],
    ['only isPublished', { isPublished: true }, 'publishState', /is_accepting_responses must be set/],
    ['only isAcceptingResponses', { isAcceptingResponses: true }, 'publishState', /is_published must be set/],
    ['a string for a boolean', { isPublished: 'true', isAcceptingResponses: true }, 'publishState', /TYPE_BOOL/],
    ['no publishState', undefined, 'publishState', /publishState: required/],
    ['an unknown mask field', { isPublished: true, isAcceptingResponses: true }, 'publishState,responders', /responders/],
    ['an unknown publishState field', { isPublished: true, isAcceptingResponses: true, isOpen: true }, 'publishState', /Unknown name "isOpen"/],
  ])('refuses %s with 400 INVALID_ARGUMENT and changes nothing', async (_name, state, mask, message) => {
    const formId = await newForm();
    const bad = await failure(publish(formId, state, mask));
    expect(bad).toMatchObject({ status: 400, error: { code: 400, status: 'INVALID_ARGUMENT', message: expect.stringMatching(message) } });
    expect((await api.forms.get({ formId })).data.publishSettings?.publishState).toEqual({ isPublished: false, isAcceptingResponses: false });
  });

  test('404 for a form that does not exist', async () => {
    expect((await failure(publish('1NoSuchForm000000000000000000000000000000000', { isPublished: true, isAcceptingResponses: true }))).status).toBe(404);
  });

  test('a legacy form has no publishSettings, refuses setPublishSettings and keeps taking responses', async () => {
    const formId = await newForm();
    emulator.makeLegacy(formId);
    expect((await api.forms.get({ formId })).data.publishSettings).toBeUndefined();
    const bad = await failure(publish(formId, { isPublished: true, isAcceptingResponses: true }));
    expect(bad).toMatchObject({ status: 400, error: { status: 'FAILED_PRECONDITION', message: expect.stringContaining('Legacy') } });
    expect((await respond(formId)).status).toBe(201);
  });
});
