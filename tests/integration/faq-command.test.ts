// `npm run faq` on the local stack: the Commission's notes in Sessions come out as a
// document by area, without the names the sheet knows.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { faqCommand } from '../../scripts/faq-command';
import { IN_CALL_2020_04, receiveOn, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

let stack: TestStack;
let env: Record<string, string>;
beforeAll(async () => {
  stack = await startTestStack();
  env = { GOOGLE_ROOT_URL: `${stack.url}/`, SPREADSHEET_ID: 'local-workspace' };
  receiveOn(IN_CALL_2020_04);
  await stack.post(validBody({ submissionId: 'faq-a', contactName: 'Laia Prat Gil', contactEmail: 'laia.prat@example.cat', topic: 'Cures' }));
  vi.useRealTimers();
  await stack.api.spreadsheets.values.update({
    spreadsheetId: 'local-workspace',
    range: 'Sessions!A2',
    valueInputOption: 'RAW',
    requestBody: { values: [['faq-a', '2020-05-20', 2, 'A distància', 'Cures', 'Com comencem un pla de cures?', 'Amb una diagnosi; la Laia Prat Gil ho explica a laia.prat@example.cat', 'Diagnosi participada de cures']] },
  });
}, 60_000);
afterAll(() => stack?.close());

test('the call’s FAQ and good practices by area, with no names', async () => {
  const { code, out } = await faqCommand(['--call', '2020-04'], env);
  expect(code).toBe(0);
  expect(out).toContain('## Convocatòria d’abril de 2020');
  expect(out).toMatch(/### Cures\n\n\*\*Preguntes freqüents\*\*\n\n- \*\*Com comencem un pla de cures\?\*\*/);
  expect(out).toContain('- Diagnosi participada de cures');
  expect(out).not.toContain('Laia');
  expect(out).not.toContain('laia.prat@example.cat');
});

test('an unknown call is named', async () => {
  expect(await faqCommand(['--call', 'NO'], env)).toEqual({ code: 1, out: 'No hi ha cap convocatòria «NO» a la pestanya Convocatòries.' });
});
