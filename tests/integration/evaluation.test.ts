// The evaluation after the service on the local stack: an accepted request of the open demo
// call gets no evaluation while hours are left; once the Commission's sessions use them all,
// the sweep sends exactly one email with a link that fills the reference in; the answer,
// given on the evaluation Google Form, lands in Avaluacions and in its per-call and
// per-year summary.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EVALUATION_QUESTIONS } from '../../shared/domain/evaluation';
import { evaluationLink } from '../../shared/forms/evaluation-form';
import { EVALUATION_HEADERS, EVALUATION_SUMMARY_HEADERS } from '../../shared/workspace/evaluations';
import { YEARLY_HEADERS, YEARLY_TAB } from '../../shared/workspace/yearly-view';
import { columnLetter } from '../../shared/workspace/tabs';
import { Commission } from '../support/commission';
import { readRequests, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

let stack: TestStack;
let evaluationFormId: string;
const SHEET = 'local-workspace';
beforeAll(async () => {
  stack = await startTestStack();
  evaluationFormId = stack.functionEnv.EVALUATION_FORM_ID!;
}, 60_000);
afterAll(() => stack?.close());

const sweep = async () => (await fetch(`${stack.url}/sweep`, { method: 'POST' })).json();
const evaluationMails = () =>
  stack.sendgrid.messages().map((m) => m.body as { categories?: string[]; personalizations: Array<{ to: Array<{ email: string }> }>; content: Array<{ value: string }> }).filter((m) => m.categories?.[0] === 'avaluacio');
const tab = async (range: string) => (await stack.api.spreadsheets.values.get({ spreadsheetId: SHEET, range: `Avaluacions!${range}`, valueRenderOption: 'UNFORMATTED_VALUE' })).data.values ?? [];

test('one evaluation email once the hours are all done; the answer in Avaluacions and its summary', async () => {
  expect(evaluationFormId).toBeTruthy();
  const res = await stack.post(validBody({ submissionId: 'ev-1', submittedAt: new Date().toISOString(), contactEmail: 'avalua@example.cat' }));
  const { reference } = (await res.json()) as { reference: string };
  expect(reference).toMatch(/^DEMO-/);
  await new Commission(stack.api).release('ev-1', 'Acceptada', { 'Servei assignat': 'Mentoria', 'Hores assignades': 4 });
  await sweep();
  expect(evaluationMails()).toEqual([]);

  // Two sessions of 2 h: the package is used up.
  await stack.api.spreadsheets.values.update({ spreadsheetId: SHEET, range: 'Sessions!A2', valueInputOption: 'RAW', requestBody: { values: [['ev-1', '2026-01-10', 2, 'A distància'], ['ev-1', '2026-01-24', 2, 'A distància']] } });
  expect((await readRequests(stack.api)).find((r) => r.ID === 'ev-1')?.['Hores restants']).toBe('0');
  await sweep();
  await sweep();
  const mails = evaluationMails();
  expect(mails).toHaveLength(1);
  expect(mails[0]!.personalizations[0]!.to[0]!.email).toBe('avalua@example.cat');
  const form = (await (await fetch(`${stack.url}/v1/forms/${evaluationFormId}`)).json()) as { responderUri: string };
  expect(mails[0]!.content[0]!.value).toContain(evaluationLink(form.responderUri, reference));

  // The municipality answers on the evaluation form (the reference already filled in).
  const q = Object.fromEntries(EVALUATION_QUESTIONS.map((x) => [x.key, x.formQuestionId]));
  const answered = await fetch(`${stack.url}/local/forms/${evaluationFormId}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers: { [q.reference!]: [reference], [q.usefulness!]: ['Molt'], [q.impact!]: ['Suficient'], [q.share!]: ['La diagnosi de la comunitat energètica'] } }),
  });
  expect(answered.status).toBe(201);
  await sweep();
  await sweep(); // the same answer is not written twice
  const rows = await tab(`A2:${columnLetter(EVALUATION_HEADERS.length - 1)}`);
  expect(rows).toHaveLength(1);
  const row = Object.fromEntries(EVALUATION_HEADERS.map((h, i) => [h, rows[0]![i]]));
  const year = Number(new Date().getFullYear()); // the demo call opened 30 days ago
  expect(row).toMatchObject({ Referència: reference, 'ID sol·licitud': 'ev-1', Convocatòria: 'DEMO', Utilitat: 'Molt', Impacte: 'Suficient', 'Punts d’utilitat': 3, 'Punts d’impacte': 2, 'Què compartiran': 'La diagnosi de la comunitat energètica' });
  expect([year, year - 1]).toContain(row['Any']);

  const first = columnLetter(EVALUATION_HEADERS.length);
  const last = columnLetter(EVALUATION_HEADERS.length + EVALUATION_SUMMARY_HEADERS.length - 1);
  const summary = (await tab(`${first}2:${last}21`)).map((r) => Object.fromEntries(EVALUATION_SUMMARY_HEADERS.map((h, i) => [h, r[i] ?? ''])));
  expect(summary.find((r) => r['Per convocatòria'] === 'DEMO')).toMatchObject({ Respostes: 1, 'Utilitat mitjana': 3, 'Impacte mitjà': 2 });
  expect(summary.find((r) => r['Per convocatòria'] === '2020-04')).toMatchObject({ Respostes: 0, 'Utilitat mitjana': '' });
  expect(summary.filter((r) => r['Per any'] !== '')).toEqual([expect.objectContaining({ 'Per any': row['Any'], 'Respostes de l’any': 1, 'Utilitat mitjana de l’any': 3, 'Impacte mitjà de l’any': 2 })]);

  // And in the yearly view, on a row for that year (the Commission types the years there).
  const yearly = async () =>
    ((await stack.api.spreadsheets.values.get({ spreadsheetId: SHEET, range: `'${YEARLY_TAB}'!A2:${columnLetter(YEARLY_HEADERS.length - 1)}20`, valueRenderOption: 'UNFORMATTED_VALUE' })).data.values ?? [])
      .map((r) => Object.fromEntries(YEARLY_HEADERS.map((h, i) => [h, r[i] ?? ''])));
  const free = (await yearly()).findIndex((r) => r.Any === '');
  await stack.api.spreadsheets.values.update({ spreadsheetId: SHEET, range: `'${YEARLY_TAB}'!A${free + 2}:B${free + 2}`, valueInputOption: 'RAW', requestBody: { values: [[row['Any'], 'DEMO']] } });
  expect((await yearly())[free]).toMatchObject({ 'Avaluacions rebudes': 1, 'Utilitat mitjana (1–3)': 3, 'Impacte mitjà (1–3)': 2 });
  expect((await yearly()).find((r) => r.Any === 2020 && r['Convocatòria'] === '')).toMatchObject({ 'Avaluacions rebudes': 0, 'Utilitat mitjana (1–3)': '' });
});

test('npm run form -- evaluation creates the evaluation form, published, and updates it in place', async () => {
  const { formCommand } = await import('../../scripts/form-command');
  const env = { GOOGLE_ROOT_URL: `${stack.url}/`, SPREADSHEET_ID: SHEET, EVALUATION_FORM_ID: '' };
  const created = await formCommand(['evaluation'], env);
  expect(created.code).toBe(0);
  expect(created.out).toContain('Formulari d’avaluació creat.');
  expect(created.out).toContain(`(EVALUATION_FORM_ID): ${created.formId}`);
  expect(created.out).toContain('ara està publicat i les accepta');
  const updated = await formCommand(['evaluation', '--form', created.formId!], env);
  expect(updated).toMatchObject({ code: 0, formId: created.formId });
  expect(updated.out).toContain('Formulari d’avaluació actualitzat.');
  const form = (await (await fetch(`${stack.url}/v1/forms/${created.formId}`)).json()) as { items: Array<{ questionItem?: { question?: { questionId?: string } } }> };
  expect(form.items.map((i) => i.questionItem?.question?.questionId)).toEqual(EVALUATION_QUESTIONS.map((q) => q.formQuestionId));
});

test('the deploy gives the sweep, and only the sweep, the evaluation form', async () => {
  const { deployArgs } = await import('../../scripts/deploy-functions');
  const { FUNCTION_TARGETS } = await import('../../scripts/function-targets');
  const o = { project: 'p', region: 'europe-west1', spreadsheetId: 's', evaluationFormId: 'evalForm-123456', mailFrom: 'a@b.cat', staffEmails: ['a@b.cat'], publicIntake: false, intakeInvokers: [], distDir: 'dist', functions: ['intake', 'sweep', 'formResponses'] } as unknown as Parameters<typeof deployArgs>[1];
  const envOf = (t: (typeof FUNCTION_TARGETS)[number]) => deployArgs(t, o).find((a) => a.startsWith('--set-env-vars='))!;
  expect(FUNCTION_TARGETS.filter((t) => envOf(t).includes('EVALUATION_FORM_ID=evalForm-123456')).map((t) => t.target)).toEqual(['sweep']);
});
