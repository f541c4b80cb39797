/**
 * Contacts in, in the browser: a host uploads a LinkedIn export, reads the preview (nothing
 * written yet, the duplicate inside the file recognised), imports, finds the people in the
 * list, undoes the import; then imports again and merges two records of one person by hand.
 * The settings page offers the exports as downloads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, FIXTURES, type Journey, PHONE, shoot, signUp, startJourney } from './browser';

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney();
});

afterAll(async () => {
  await journey?.close();
});

const CONNECTIONS = join(FIXTURES, 'Connections.csv');

const count = async (page: Page, label: string): Promise<number> => {
  const figure = page.locator('.import-count', { has: page.getByText(label, { exact: true }) });
  return Number((await figure.locator('dd').textContent())?.replace(/\D/g, ''));
};

const peopleNamed = async (page: Page, text: string): Promise<string[]> => {
  await page.goto(`/people?q=${encodeURIComponent(text)}`);
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  // Wait for the answer to this search, or for "no one matches".
  await Promise.race([
    page
      .getByRole('list', { name: 'People' })
      .getByRole('link', { name: new RegExp(text) })
      .first()
      .waitFor(),
    page.getByText(`No one matches ‘${text}’.`).waitFor(),
  ]);
  return page.getByRole('list', { name: 'People' }).locator('.people-name').allTextContents();
};

describe('contacts in and out in the browser', () => {
  test('a host previews a LinkedIn import, imports it, undoes it, and merges two records', async () => {
    const desktop = await journey.open(DESKTOP);
    const { page } = desktop;
    await signUp(page, 'Olu Adeyemi', 'olu@example.com');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Import contacts' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Import contacts' }).waitFor();
    await shoot(page, 'desktop-import-choose');

    // Choosing the file runs the preview: nothing is written yet.
    await page.getByLabel('Choose files…').setInputFiles(CONNECTIONS);
    await page.getByRole('heading', { name: 'Preview: nothing is written yet' }).waitFor();
    expect(await page.getByRole('list', { name: 'Files' }).textContent()).toContain('LinkedIn');
    expect(await count(page, 'New people')).toBe(8);
    expect(await count(page, 'Duplicates merged')).toBe(1);
    expect(await count(page, 'Rows with problems')).toBe(0);
    await page
      .getByText(/is the same person as/)
      .first()
      .waitFor();
    await shoot(page, 'desktop-import-preview', true);
    expect(await peopleNamed(page, 'Okonkwo')).toEqual([]);

    // Import for real.
    await page.goto('/import');
    await page.getByLabel('Choose files…').setInputFiles(CONNECTIONS);
    await page.getByRole('button', { name: 'Import 8 people' }).click();
    await page.getByRole('heading', { name: 'Imported' }).waitFor();
    expect(await count(page, 'Added')).toBe(8);
    await shoot(page, 'desktop-import-done');
    const history = page.getByRole('list', { name: 'Past imports' });
    await history.getByText('Connections.csv').waitFor();

    // The people are in the list, Ada once.
    await page.getByRole('link', { name: 'See your people' }).click();
    expect(await peopleNamed(page, 'Okonkwo')).toEqual(['Ada Okonkwo']);
    expect(await peopleNamed(page, 'Whitfield')).toHaveLength(2);

    // Undo it from the list of past imports.
    await page.goto('/import');
    await page.getByRole('button', { name: 'Undo the import of Connections.csv' }).click();
    // Salon's own confirm dialog, not the browser's.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Undo import' }).click();
    await page.getByRole('list', { name: 'Past imports' }).getByText('Undone').waitFor();
    await shoot(page, 'desktop-import-undone');
    expect(await peopleNamed(page, 'Okonkwo')).toEqual([]);

    // Import again, and merge Sam and Samuel Whitfield, who are one person.
    await page.goto('/import');
    await page.getByLabel('Choose files…').setInputFiles(CONNECTIONS);
    await page.getByRole('button', { name: 'Import 8 people' }).click();
    await page.getByRole('heading', { name: 'Imported' }).waitFor();
    await peopleNamed(page, 'Samuel Whitfield');
    await page
      .getByRole('list', { name: 'People' })
      .getByRole('link', { name: /Samuel Whitfield/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /Samuel Whitfield/ }).waitFor();
    await page.getByRole('button', { name: 'Merge with…' }).click();
    const dialog = page.getByRole('dialog', { name: /Merge Samuel Whitfield/ });
    await dialog
      .getByRole('combobox', { name: 'Which record is the same person?' })
      .fill('Sam Whit');
    await dialog.getByRole('option', { name: /^Sam Whitfield/ }).click();
    // Keep Sam's record (the one with the organisation), fill it from Samuel's.
    await dialog.getByRole('radio', { name: /^Sam Whitfield/ }).check();
    await shoot(page, 'desktop-merge-dialog');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Sam Whitfield/ }).waitFor();
    await page.getByText('Samuel Whitfield was merged into Sam Whitfield.').waitFor();
    const contact = page.getByRole('region', { name: 'Contact' });
    await expect.poll(() => contact.textContent()).toContain('samuel.w@mail.example');
    expect(await contact.textContent()).toContain('sam@whitfield.example');
    await shoot(page, 'desktop-merged');
    expect(await peopleNamed(page, 'Whitfield')).toEqual(['Sam Whitfield']);

    // Settings: the exports, as downloads.
    await page.goto('/settings');
    const vcard = page.getByRole('link', { name: 'Download vCard 3.0' });
    await vcard.waitFor();
    const download = page.waitForEvent('download');
    await vcard.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.vcf$/);
    for (const name of ['Download vCard 4.0', 'Download CSV', 'Download JSON backup']) {
      expect(await page.getByRole('link', { name }).getAttribute('href')).toMatch(
        /\/export\?format=/,
      );
    }
    await page.getByRole('heading', { name: 'Contacts in and out' }).scrollIntoViewIfNeeded();
    await shoot(page, 'desktop-settings-export');

    // The import page on a phone, the file dropped on it: everyone is already here now.
    const phone = await journey.open(PHONE, await desktop.context.storageState());
    await phone.page.goto('/import');
    await phone.page.getByRole('heading', { level: 1, name: 'Import contacts' }).waitFor();
    const dropped = await phone.page.evaluateHandle(
      `(() => { const d = new DataTransfer(); d.items.add(new File([${JSON.stringify(readFileSync(CONNECTIONS, 'utf8'))}], 'Connections.csv', { type: 'text/csv' })); return d; })()`,
    );
    await phone.page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: dropped });
    await phone.page.getByRole('heading', { name: 'Preview: nothing is written yet' }).waitFor();
    expect(await count(phone.page, 'New people')).toBe(0);
    expect(await count(phone.page, 'Already up to date')).toBeGreaterThan(0);
    await shoot(phone.page, 'phone-import-preview');

    expect(desktop.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  }, 180_000);
});
