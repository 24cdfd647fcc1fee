// Drives the local page (emulators/page) the way a person uses it: by the labels and
// headers they read. Rows are found by the contact email, which every door keeps as typed.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export type LocalPage = ReturnType<typeof localPage>;

export function localPage(page: Page) {
  const view = (name: 'form' | 'sheet' | 'mail') => page.locator(`#view-${name}`);
  const field = (key: string) => view('form').locator(`[data-key="${key}"]`);
  const rowOf = (email: string) =>
    view('sheet').locator('tbody tr').filter({ has: page.locator('td[data-col="Correu electrònic"]', { hasText: email }) });
  const cell = (email: string, header: string): Locator => rowOf(email).locator(`td[data-col="${header}"]`);
  // The sheet view marks itself busy while an edit is saved and the tab read again.
  const settled = () => page.locator('#view-sheet[data-busy="false"]').waitFor();

  return {
    view,
    field,
    rowOf,
    cell,
    settled,

    /** A complete, valid request, as a municipality's staff would fill it in. */
    async fillValidRequest(email: string) {
      const fill = (key: string, text: string) => field(key).locator('input, textarea').fill(text);
      await fill('municipality', 'Ajuntament de Manresa');
      await fill('contactName', 'Anna Serra');
      await fill('contactRole', 'Tècnica de promoció econòmica');
      await fill('contactEmail', email);
      await field('serviceType').getByRole('radio', { name: 'Mentoria', exact: true }).check();
      await field('topic').locator('select').selectOption('Energia');
      await fill('need', 'Volem impulsar una comunitat energètica local.');
      await fill('expectedImpact', 'Vint llars i cinc cooperatives hi participarien.');
      await fill('transferability', 'El model d’ordenança es pot replicar.');
      await fill('alignment', 'Reforça l’economia social al territori.');
      await field('priorityTheme').getByRole('radio', { name: 'Sí', exact: true }).check();
      await field('trackRecord').getByRole('radio').first().check();
      await field('modality').getByRole('radio', { name: 'A distància', exact: true }).check();
      for (const box of await field('commitments').getByRole('checkbox').all()) await box.check();
    },

    submit: () => view('form').getByRole('button', { name: 'Envia la sol·licitud' }).click(),

    /** One edit as a person makes it: type or pick, leave the cell; then the tab is read again. */
    async edit(email: string, header: string, value: string | boolean) {
      const control = cell(email, header).locator('input, select');
      if (typeof value === 'boolean') await control.setChecked(value);
      else if ((await control.evaluate((e) => e.tagName)) === 'SELECT') await control.selectOption(value);
      else {
        await control.fill(value);
        await control.press('Tab');
      }
      await settled();
    },

    /** Opens the sheet view and reads it again until `ready` is there. */
    async openSheetUntil(ready: Locator) {
      await page.click('#tab-sheet');
      await settled();
      // A Google Form response reaches the sheet through a Pub/Sub-style event: read until it has.
      await expect
        .poll(async () => {
          if (await ready.count()) return true;
          await view('sheet').getByRole('button', { name: 'Actualitza' }).click();
          await settled();
          return (await ready.count()) > 0;
        }, { timeout: 120_000, interval: 500 })
        .toBe(true);
    },
  };
}
