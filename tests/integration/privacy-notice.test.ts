// The network words its own data-protection notice in the Configuració tab: setup seeds the
// default, and what the Commission types there reaches the next confirmation and the local
// page; the Google Form built at start carries the notice in its description.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caPrivacy, DEFAULT_PRIVACY } from '../../shared/i18n/ca-privacy';
import { SEED_SETTINGS, SETTINGS_TAB } from '../../shared/workspace/settings';
import { startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

const SHEET = 'local-workspace';
const OWN = 'Consorci de Prova per a l’ESS, responsable del tractament';

describe('the data-protection notice', () => {
  test('setup seeds the Configuració tab with every setting and its default', async () => {
    const res = await stack.api.spreadsheets.values.get({ spreadsheetId: SHEET, range: `${SETTINGS_TAB}!A2:B`, valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(res.data.values).toEqual(SEED_SETTINGS);
  });

  test('the Google Form’s description ends with the notice', async () => {
    const form = (await (await fetch(`${stack.url}/v1/forms/${stack.functionEnv.FORM_ID}`)).json()) as { info: { description: string } };
    expect(form.info.description).toContain(`${caPrivacy.title}\n${caPrivacy.labels.controller}: ${DEFAULT_PRIVACY.controller}`);
  });

  test('the Commission’s own wording reaches the confirmation (text and HTML) and the local page', async () => {
    const row = SEED_SETTINGS.findIndex(([k]) => k === caPrivacy.settings.controller) + 2;
    await stack.api.spreadsheets.values.update({
      spreadsheetId: SHEET,
      range: `${SETTINGS_TAB}!B${row}`,
      valueInputOption: 'RAW',
      requestBody: { values: [[OWN]] },
    });
    const res = await stack.post(validBody({ submissionId: 'privacy-1', contactEmail: 'privacy@example.cat' }));
    expect(res.status).toBe(201);
    const mail = stack.sendgrid.messages().map((m) => m.body as any).find((m) => m.personalizations[0].to[0].email === 'privacy@example.cat');
    const text = mail.content.find((c: any) => c.type === 'text/plain').value as string;
    const html = mail.content.find((c: any) => c.type === 'text/html').value as string;
    expect(text).toContain(`${caPrivacy.labels.controller}: ${OWN}.`);
    expect(text).toContain(`${caPrivacy.labels.rights}: ${DEFAULT_PRIVACY.rights}`);
    expect(html).toContain(`<strong>${caPrivacy.title}</strong>`);
    expect(html).toContain(OWN);
    const page = (await (await fetch(`${stack.url}/local/form`)).json()) as { privacy: string[] };
    expect(page.privacy).toContain(`${caPrivacy.labels.controller}: ${OWN}.`);
  });
});
