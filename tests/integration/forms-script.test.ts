// `npm run form` against the local stack: the Google Form asks exactly what the schema
// validates (walked one to one) and ends published, `update` restores the form in place,
// keeps every ID and leaves it open to responses, and `relay` prints the Apps Script with
// the live form's map.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { forms, type forms_v1 } from '@googleapis/forms';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMMITMENTS, QUESTIONS } from '../../shared/domain/form';
import { submissionSchema } from '../../shared/domain/schema';
import { answerCodecs } from '../../shared/forms/answer-codecs';
import { formCommand } from '../../scripts/form-command';
import { startTestStack, type TestStack } from '../support/stack';

const run = promisify(execFile);
let stack: TestStack;
let api: forms_v1.Forms;
let env: NodeJS.ProcessEnv;
let formId = '';

beforeAll(async () => {
  stack = await startTestStack();
  api = forms({ version: 'v1', rootUrl: `${stack.url}/` });
  env = { ...process.env, GOOGLE_ROOT_URL: `${stack.url}/`, SPREADSHEET_ID: 'local-workspace', FORM_ID: '' };
});
afterAll(() => stack?.close());

const questionsOf = (form: forms_v1.Schema$Form) => (form.items ?? []).flatMap((i) => (i.questionItem?.question ? [{ item: i, q: i.questionItem.question }] : []));
const shape = (submissionSchema() as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;

describe('npm run form -- create', () => {
  test('prints the form and its IDs; the form’s questions and the schema match one to one', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/form.ts', 'create', '--spreadsheet', 'local-workspace'], { env });
    formId = /\(FORM_ID\): (\S+)/.exec(stdout)?.[1] ?? '';
    expect(formId).not.toBe('');
    expect(stdout).toContain('Formulari creat.');
    expect(stdout).toMatch(/Adreça per respondre: https:\/\/docs\.google\.com\/forms\/d\/e\/\S+\/viewform/);
    for (const q of QUESTIONS) expect(stdout).toContain(`${q.key} → ${q.formQuestionId}`);
    // Published through forms.setPublishSettings, and the state printed is Google's read-back.
    expect(stdout).toContain('ara està publicat i les accepta');
    expect(stdout).toContain('Estat llegit de Google Forms: publicat, accepta respostes.');
    expect((await api.forms.get({ formId })).data.publishSettings?.publishState).toEqual({ isPublished: true, isAcceptingResponses: true });

    const form = (await api.forms.get({ formId })).data;
    expect(form.info?.title).toContain('Convocatòria de demostració');
    const codecs = answerCodecs();
    const fromForm = questionsOf(form).map(({ q }) => codecs.get(q.questionId ?? '')?.key);
    const schemaKeys = [...Object.keys(shape).filter((k) => !['submissionId', 'submittedAt', 'commitments'].includes(k)), ...COMMITMENTS];
    // One to one: same length, every key once, in both directions.
    expect(fromForm).toHaveLength(schemaKeys.length);
    expect([...fromForm].sort()).toEqual([...schemaKeys].sort());

    for (const { q, item } of questionsOf(form)) {
      const codec = codecs.get(q.questionId!)!;
      expect(item.title, codec.key).toBeTruthy();
      if (codec.kind === 'commitment') {
        expect(q.required).toBe(true);
        expect(q.choiceQuestion?.options?.map((o) => codec.labels[o.value!])).toEqual([true]);
        continue;
      }
      const field = shape[codec.key]!;
      // Optional in the schema ⇔ optional in the form.
      expect(field.safeParse(undefined).success, codec.key).toBe(!q.required);
      for (const o of q.choiceQuestion?.options ?? []) {
        const value = Object.hasOwn(codec.labels, o.value!) ? codec.labels[o.value!] : o.value;
        expect(field.safeParse(value).success, `${codec.key}: ${o.value}`).toBe(true);
      }
    }
    // Every value the schema accepts for a fixed choice is offered.
    for (const q of QUESTIONS.filter((x) => x.kind === 'choice')) {
      const offered = questionsOf(form).find(({ q: fq }) => fq.questionId === q.formQuestionId)!.q.choiceQuestion!.options!.map((o) => codecs.get(q.formQuestionId)!.labels[o.value!]);
      expect([...offered].sort()).toEqual([...(q.choices ?? [])].sort());
    }
  });
});

describe('npm run form -- update', () => {
  test('puts back what was changed by hand, drops a foreign question, keeps every item and question ID', async () => {
    const before = (await api.forms.get({ formId })).data;
    const ids = (f: forms_v1.Schema$Form) => questionsOf(f).map(({ item, q }) => `${item.itemId}/${q.questionId}`);
    await api.forms.batchUpdate({
      formId,
      requestBody: {
        requests: [
          { moveItem: { originalLocation: { index: 0 }, newLocation: { index: 20 } } },
          { updateItem: { item: { itemId: before.items![5]!.itemId, title: 'Canviat a mà', questionItem: before.items![5]!.questionItem }, location: { index: 4 }, updateMask: '*' } },
          { createItem: { item: { title: 'Afegida a mà', questionItem: { question: { textQuestion: {} } } }, location: { index: 2 } } },
          { updateFormInfo: { info: { title: 'Títol canviat' }, updateMask: 'title' } },
        ],
      },
    });

    const res = await formCommand(['update', '--form', formId, '--spreadsheet', 'local-workspace'], env);
    expect(res.code).toBe(0);
    expect(res.out).toContain('Formulari actualitzat.');
    expect(res.out).toContain('S’han esborrat preguntes que no són a la definició');
    const after = (await api.forms.get({ formId })).data;
    expect(ids(after)).toEqual(ids(before));
    expect(after.items!.map((i) => i.title)).toEqual(before.items!.map((i) => i.title));
    expect(after.info?.title).toBe(before.info?.title);

    // Run again: nothing left to change but the form's info and settings.
    const revision = after.revisionId;
    expect((await formCommand(['update', '--form', formId, '--spreadsheet', 'local-workspace'], env)).code).toBe(0);
    expect(ids((await api.forms.get({ formId })).data)).toEqual(ids(before));
    expect(revision).toBeTruthy();
  });

  test('leaves a published form published, without asking Google to change it', async () => {
    const calls = () => stack.forms.counters().byMethod['forms.setPublishSettings'] ?? 0;
    const before = calls();
    const res = await formCommand(['update', '--form', formId, '--spreadsheet', 'local-workspace'], env);
    expect(res).toMatchObject({ code: 0, out: expect.stringContaining('ja estava publicat i acceptava respostes') });
    expect(res.out).toContain('Estat llegit de Google Forms: publicat, accepta respostes.');
    expect(calls()).toBe(before);
  });

  test.each([
    ['unpublished', { isPublished: false, isAcceptingResponses: false }],
    ['published but closed to responses', { isPublished: true, isAcceptingResponses: false }],
  ])('publishes and opens a form found %s, and says so', async (_name, publishState) => {
    await api.forms.setPublishSettings({ formId, requestBody: { publishSettings: { publishState }, updateMask: 'publishState' } });
    const res = await formCommand(['update', '--form', formId, '--spreadsheet', 'local-workspace'], env);
    expect(res).toMatchObject({ code: 0, out: expect.stringContaining('ara està publicat i les accepta') });
    expect((await api.forms.get({ formId })).data.publishSettings?.publishState).toEqual({ isPublished: true, isAcceptingResponses: true });
  });

  test('a legacy form is updated and left as it is, with a word on checking it by hand', async () => {
    const legacy = (await formCommand(['create', '--spreadsheet', 'local-workspace'], env)).formId!;
    stack.forms.makeLegacy(legacy);
    const res = await formCommand(['update', '--form', legacy, '--spreadsheet', 'local-workspace'], env);
    expect(res).toMatchObject({ code: 0, out: expect.stringContaining('formulari antic') });
    expect(res.out).not.toContain('Estat llegit');
    expect((await api.forms.get({ formId: legacy })).data.publishSettings).toBeUndefined();
  });

  test('explains what it needs, in Catalan', async () => {
    expect(await formCommand(['update', '--spreadsheet', 'local-workspace'], env)).toMatchObject({ code: 2, out: expect.stringContaining('--form') });
    expect(await formCommand(['create'], { ...env, SPREADSHEET_ID: '' })).toMatchObject({ code: 2, out: expect.stringContaining('--spreadsheet') });
    expect(await formCommand(['create', '--call', 'NO-EXISTEIX'], env)).toMatchObject({ code: 1, out: expect.stringContaining('NO-EXISTEIX') });
    expect((await formCommand([], env)).out).toContain('Ús: npm run form');
  });
});

describe('npm run form -- relay', () => {
  test('prints the Apps Script with every question mapped by its Apps Script item ID', async () => {
    const res = await formCommand(['relay', '--form', formId], env);
    expect(res.code).toBe(0);
    expect(res.out).toContain('function onFormSubmit(e)');
    expect(res.out).not.toContain('/* MAPA */ null');
    const form = (await api.forms.get({ formId })).data;
    for (const { item, q } of questionsOf(form)) {
      expect(res.out).toContain(`"${parseInt(item.itemId!, 16)}": {\n      "questionId": "${q.questionId}"`);
    }
  });
});
