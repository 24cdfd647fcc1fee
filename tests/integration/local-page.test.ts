// The local page's server side, without a browser: the HTML and its policy, the form
// definition the page draws, and the local-only doors (signed on the server, checked with
// the intake's schema). The walk through the page itself is tests/browser/walkthrough.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { QUESTIONS } from '../../shared/domain/form';
import { stackForm } from '../support/form-publish';
import { startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

let stack: TestStack;
const get = (path: string) => fetch(`${stack.url}${path}`);
const post = (path: string, body: unknown) =>
  fetch(`${stack.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);
afterAll(() => stack?.close());

describe('the local page', () => {
  test('GET / is the Catalan page under a policy that runs only its own scripts', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="ca">');
    for (const word of ['Formulari', 'Full de càlcul', 'Correu']) expect(html).toContain(word);
    expect((await get('/page/main.js')).headers.get('content-type')).toContain('text/javascript');
  });

  test.each(['/page/../local-stack.ts', '/page/routes.ts', '/page/%2e%2e%2fdemo.ts'])('%s is not served', async (path) => {
    expect((await get(path)).status).toBe(404);
  });

  test('the form definition is the one in shared/domain/form.ts, with the open call and its areas', async () => {
    const form = (await (await get('/local/form')).json()) as {
      call: { id: string } | null;
      door: { kind: string; action: string; accepting?: boolean };
      questions: Array<{ key: string; formQuestionId: string; label: string; choices?: Array<{ value: string; label: string }> }>;
    };
    expect(form.call?.id).toBe('DEMO');
    expect(form.questions.map((q) => [q.key, q.formQuestionId])).toEqual(QUESTIONS.map((q) => [q.key, q.formQuestionId]));
    expect(form.questions.find((q) => q.key === 'contactName')?.label).toBe('Persona de contacte');
    const topics = form.questions.find((q) => q.key === 'topic')?.choices ?? [];
    expect(topics.map((c) => c.value)).toContain('Energia');
    expect(topics.at(-1)).toMatchObject({ value: 'other', label: 'Altres' });
    // The door a real response uses: the Forms emulator's respondent endpoint once the stack has a form.
    const formId = stack.functionEnv.FORM_ID;
    expect(form.door).toEqual(formId ? { kind: 'forms', action: `/local/forms/${formId}/responses`, accepting: true } : { kind: 'intake', action: '/local/intake' });
  });

  test('/local/check answers with the intake schema’s Catalan field errors and records nothing', async () => {
    const res = await post('/local/check', validBody({ contactName: '', commitments: { availability: true, shareLearning: false, provideInformation: true } }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fieldErrors: Record<string, string[]> };
    expect(body.fieldErrors.contactName).toEqual(['Cal omplir el camp «Persona de contacte».']);
    expect(body.fieldErrors.commitments?.[0]).toContain('Cal acceptar el compromís');
    expect((await post('/local/check', validBody())).status).toBe(200);
  });

  test('/local/intake signs with the local secret on the server and answers as the intake does', async () => {
    const res = await post('/local/intake', validBody({ submissionId: 'page-1', submittedAt: new Date().toISOString() }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ reference: expect.stringMatching(/^DEMO-\d{3}$/), flags: [] });
  });
});

describe('a Google Form that is not accepting responses', () => {
  test('the page is told, the respondent endpoint refuses, and npm run form -- update opens it again', async () => {
    const form = stackForm(stack);
    const formId = form.formId;
    const door = async () => ((await (await get('/local/form')).json()) as { door: { accepting?: boolean } }).door;
    await form.close({ isPublished: true, isAcceptingResponses: false });
    expect(await door()).toMatchObject({ kind: 'forms', accepting: false });
    const refused = await post(`/local/forms/${formId}/responses`, { answers: {} });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { status: string } }).error.status).toBe('FAILED_PRECONDITION');
    // The page's Catalan message travels with its texts.
    expect(await (await get('/')).text()).toContain('El formulari de Google no accepta respostes');

    expect(await form.update()).toBe(0);
    expect(await door()).toMatchObject({ kind: 'forms', accepting: true });
  });
});

describe('reset from the page', () => {
  test('starts the demo again: no rows, no mail, and old form responses do not come back', async () => {
    const { formAnswers } = await import('../support/form-answers');
    const formId = stack.functionEnv.FORM_ID!;
    stack.forms.addResponse(formId, formAnswers());
    await stack.forms.flush();
    const { readRequests } = await import('../support/stack');
    await expect.poll(async () => (await readRequests(stack.api)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await post('/local/reset', {})).status).toBeLessThan(300);
    expect(await readRequests(stack.api)).toEqual([]);
    expect(stack.sendgrid.messages()).toEqual([]);
    await fetch(`${stack.url}/sweep`, { method: 'POST' }); // reconciliation against the Forms API
    expect(await readRequests(stack.api)).toEqual([]);
  });
});
