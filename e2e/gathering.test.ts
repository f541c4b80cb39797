/**
 * Planning a table in the browser: on a demo network a host plans a breakfast for six, reads why
 * each guest was chosen, swaps one guest for a suggested alternative, saves the draft and seats
 * it; then does the same planning on a phone 390 px wide without the page scrolling sideways.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, type Journey, loadDemo, shoot, signUp, startJourney } from './browser';

const PHONE_390 = { width: 390, height: 844 };

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney();
});

afterAll(async () => {
  await journey?.close();
});

describe('the gathering planner in the browser', () => {
  test('a host plans a breakfast for six, swaps a guest for an alternative and saves the draft', async () => {
    const desktop = await journey.open(DESKTOP);
    const { page } = desktop;
    // A first visit loads the app while the machine is busy; signing up then starts at once.
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Create an account' }).waitFor({ timeout: 60_000 });
    await signUp(page, 'Noor Haddad', 'noor@example.com');
    await loadDemo(page, 300);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Gatherings' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Gatherings' }).waitFor();
    await page.getByRole('link', { name: 'Plan a table' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan a table' }).waitFor();

    await page.getByRole('combobox', { name: 'Format' }).selectOption('breakfast');
    await page.getByRole('spinbutton', { name: 'Seats' }).fill('6');
    await page.getByLabel(/Date and time/).fill('2026-12-18T08:00');
    await page.getByRole('button', { name: 'Propose a table' }).click();

    // Six guests, each with why they were chosen, and a labelled value meter.
    const guests = page.getByRole('list', { name: 'Guests' });
    await guests.getByRole('listitem').nth(5).waitFor({ timeout: 60_000 });
    const names = await guests.locator('.guest-name').allTextContents();
    expect(names).toHaveLength(6);
    for (const name of names) {
      const why = page.getByRole('list', { name: `Why ${name}` });
      expect((await why.getByRole('listitem').allTextContents()).join(' ').length).toBeGreaterThan(
        10,
      );
    }
    const meter = page.getByRole('meter', { name: /Table value/ });
    expect(
      Number((await meter.getAttribute('aria-valuenow')) ?? (await meter.getAttribute('value'))),
    ).toBeGreaterThan(0);
    await shoot(page, 'desktop-planner-table', true);

    // Replace the second guest: three alternatives, each with its change in value.
    const leaving = names[1]!;
    await page.getByRole('button', { name: `Replace ${leaving}` }).click();
    const alternatives = page.getByRole('region', { name: `Alternatives for ${leaving}` });
    await alternatives
      .getByRole('button', { name: /^Swap in / })
      .nth(2)
      .waitFor();
    expect(await alternatives.locator('.delta').allTextContents()).toEqual([
      expect.stringMatching(/^table value [+−±]\d\.\d\d$/),
      expect.stringMatching(/^table value [+−±]\d\.\d\d$/),
      expect.stringMatching(/^table value [+−±]\d\.\d\d$/),
    ]);
    await shoot(page, 'desktop-planner-alternatives');
    const swap = alternatives.getByRole('button', { name: /^Swap in / }).first();
    const coming = ((await swap.getAttribute('aria-label')) ?? '').replace(/^Swap in /, '');
    await swap.click();
    await expect.poll(() => guests.locator('.guest-name').allTextContents()).toContain(coming);
    const after = await guests.locator('.guest-name').allTextContents();
    expect(after).toHaveLength(6);
    expect(after).not.toContain(leaving);
    expect(
      await page.getByRole('button', { name: `Unlock ${coming}` }).getAttribute('aria-pressed'),
    ).toBe('true');

    // Save the draft: its page lists the six guests, the new one among them, with reasons.
    await page.getByRole('textbox', { name: /Title/ }).fill('Founders breakfast');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Founders breakfast' }).waitFor();
    const saved = page.getByRole('list', { name: 'Guests' });
    expect(await saved.locator('.guest-name').allTextContents()).toEqual(after);
    await page.getByRole('list', { name: `Why ${coming}` }).waitFor();
    expect(await page.getByText('Draft', { exact: false }).count()).toBeGreaterThan(0);

    // Seat the seven (the host included) at two tables, and move someone.
    await page.getByRole('textbox', { name: 'Table sizes' }).fill('4,4');
    await page.getByRole('button', { name: 'Seat guests' }).click();
    await page.getByRole('region', { name: 'Table 2' }).waitFor();
    const mover = after[0]!;
    const select = page.getByRole('combobox', { name: `Table for ${mover}` });
    const from = await select.inputValue();
    await select.selectOption(from === '0' ? '1' : '0');
    await page.getByText(/against the proposed seating/).waitFor();
    await shoot(page, 'desktop-gathering-seating', true);

    // The list of gatherings shows the draft.
    await page.getByRole('link', { name: 'Gatherings' }).first().click();
    await page.getByRole('list', { name: 'Gatherings' }).getByText('Founders breakfast').waitFor();

    // On a phone 390 px wide the planner fits the screen.
    const phone = await journey.open(PHONE_390, await desktop.context.storageState());
    const p = phone.page;
    await p.goto('/gatherings/new');
    await p.getByRole('heading', { level: 1, name: 'Plan a table' }).waitFor();
    await p.getByRole('button', { name: 'Propose a table' }).click();
    await p
      .getByRole('list', { name: 'Guests' })
      .getByRole('listitem')
      .nth(5)
      .waitFor({ timeout: 60_000 });
    const firstGuest = (await p.locator('.guest-name').first().textContent()) ?? '';
    await p.getByRole('button', { name: `Replace ${firstGuest}` }).click();
    await p
      .getByRole('region', { name: `Alternatives for ${firstGuest}` })
      .getByRole('button', { name: /^Swap in / })
      .first()
      .waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(p, 'phone-planner', true);

    expect(desktop.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });
});
