/**
 * Every page of the app, on a phone (390 px) and a laptop (1366 px), with a demo network loaded:
 * nothing is wider than the screen, and axe-core finds no WCAG 2.1 A or AA violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Journey, loadDemo, signUp, startJourney } from './browser';

const PHONE_390 = { width: 390, height: 844 };
const LAPTOP_1366 = { width: 1366, height: 768 };
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney();
});

afterAll(async () => {
  await journey?.close();
});

/**
 * One line when the page is wider than the window. The window's own width is the yardstick: a
 * phone browser widens `innerWidth` to the content when it overflows.
 */
const overflowOf = (page: Page): Promise<string[]> =>
  page.evaluate((width) => {
    const { scrollWidth } = document.documentElement;
    if (scrollWidth <= width) return [];
    // Name the first elements that stick out, so the failure says where to look.
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return [`${scrollWidth} px wide (${wide.join(', ')})`];
  }, page.viewportSize()?.width ?? 0);

/** One line per axe violation: rule, impact and the first elements it names. */
const axeViolationsOf = async (page: Page): Promise<string[]> => {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  }, WCAG_21_AA);
};

/** Opens `path`, waits until its heading is shown and the network is quiet, then checks it. */
const check = async (page: Page, path: string, heading: RegExp): Promise<string[]> => {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const width = page.viewportSize()?.width;
  const problems = [...(await overflowOf(page)), ...(await axeViolationsOf(page))];
  return problems.map((problem) => `${width} px ${path}: ${problem}`);
};

/** A window of `viewport` that records what the page logs as an error in the console. */
const openWindow = async (
  viewport: { width: number; height: number },
  state?: Parameters<Journey['open']>[1],
) => {
  const window = await journey.open(viewport, state);
  const consoleErrors: string[] = [];
  window.page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${window.page.url()})`);
  });
  return { ...window, consoleErrors };
};

describe('every page at 390 px and 1366 px', () => {
  test('fits the screen, passes axe (WCAG 2.1 AA) and logs no error', async () => {
    const problems: string[] = [];
    const consoleErrors: string[] = [];
    for (const viewport of [PHONE_390, LAPTOP_1366]) {
      const signedOut = await openWindow(viewport);
      problems.push(...(await check(signedOut.page, '/sign-in', /Sign in/)));
      problems.push(...(await check(signedOut.page, '/sign-up', /Create/)));
      consoleErrors.push(...signedOut.consoleErrors);
    }

    const host = await openWindow(LAPTOP_1366);
    await signUp(host.page, 'Lena Vogt', 'lena@example.com');
    await loadDemo(host.page, 300);
    const list = host.page.getByRole('list', { name: 'People' });
    const someone = list.getByRole('link').filter({ hasNotText: 'You' }).nth(2);
    const person = (await someone.getAttribute('href')) ?? '';
    expect(person).toMatch(/^\/people\/./);
    const state = await host.context.storageState();

    const pages: Array<[string, RegExp]> = [
      ['/people', /People/],
      ['/people/new', /Add a person/],
      [person, /./],
      [`${person}/edit`, /Edit/],
      ['/moments/new', /Log a moment/],
      ['/introductions', /Introductions/],
      ['/movers', /Movers/],
      ['/circles', /Circles/],
      ['/map', /map/i],
      ['/import', /Import/],
      ['/more', /More/],
      ['/settings', /Settings/],
      ['/no-such-page', /Nothing here/],
    ];
    for (const viewport of [PHONE_390, LAPTOP_1366]) {
      const { page, errors, ...window } = await openWindow(viewport, state);
      for (const [path, heading] of pages) problems.push(...(await check(page, path, heading)));
      expect(errors).toEqual([]);
      consoleErrors.push(...window.consoleErrors);
    }
    expect(problems).toEqual([]);
    // A signed-out start asks who is signed in without a 401, which the console would log.
    expect([...host.consoleErrors, ...consoleErrors]).toEqual([]);
  }, 600_000);

  test('the account menu switches workspace and signs out, on a phone and a laptop', async () => {
    const problems: string[] = [];
    for (const [at, viewport] of [PHONE_390, LAPTOP_1366].entries()) {
      const { page, errors, consoleErrors } = await openWindow(viewport);
      await signUp(page, `Noor ${at}`, `noor${at}@example.com`);
      const created = await page.request.post('/api/workspaces', { data: { name: 'Book club' } });
      expect(created.status()).toBe(201);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();

      const account = page.getByRole('button', { name: new RegExp(`Noor ${at}`) }).filter({
        visible: true,
      });
      expect(await account.getAttribute('aria-expanded')).toBe('false');
      await account.click();
      expect(await account.getAttribute('aria-expanded')).toBe('true');
      const menu = page.getByRole('menu', { name: 'Account' });
      const items = menu.getByRole('menuitemradio');
      expect(await items.count()).toBe(2);
      problems.push(...(await axeViolationsOf(page)).map((p) => `${viewport.width} px menu: ${p}`));
      problems.push(...(await overflowOf(page)).map((p) => `${viewport.width} px menu: ${p}`));
      // Escape closes the menu and gives focus back to its button.
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
      expect(await account.evaluate((el) => el === document.activeElement)).toBe(true);

      await account.click();
      await menu.getByRole('menuitemradio', { name: 'Book club' }).click();
      await expect.poll(() => account.textContent()).toContain('Book club');
      await account.click();
      expect(
        await menu.getByRole('menuitemradio', { name: 'Book club' }).getAttribute('aria-checked'),
      ).toBe('true');
      await menu.getByRole('menuitem', { name: 'Sign out' }).click();
      await expect.poll(() => page.url()).toContain('/sign-in');
      expect(errors).toEqual([]);
      expect(consoleErrors).toEqual([]);
    }
    expect(problems).toEqual([]);
  });

  test('Remove asks in a styled dialog, not the browser’s confirm()', async () => {
    const { page, errors, consoleErrors } = await openWindow(PHONE_390);
    const browserDialogs: string[] = [];
    page.on('dialog', (dialog) => {
      browserDialogs.push(dialog.message());
      dialog.dismiss().catch(() => undefined);
    });
    await signUp(page, 'Omar Haddad', 'omar@example.com');
    await page.goto('/people/new');
    await page.getByRole('textbox', { name: 'Name' }).fill('Dana Okafor');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: /Dana Okafor/ }).waitFor();

    // The page's engine answers load first: a suggestion asked for before the removal and
    // answered after it would rightly be a 404 for someone no longer there.
    await page.waitForLoadState('networkidle');
    // Exactly "Remove": the tie list has "Remove tie with …" buttons too.
    const remove = page.getByRole('button', { name: 'Remove', exact: true });
    await remove.click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove Dana Okafor?' });
    await dialog.waitFor();
    const problems = await axeViolationsOf(page);
    // "Cancel" has the focus: Enter alone removes nothing.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/\/people\/./);

    await remove.click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/people');
    expect(problems).toEqual([]);
    expect(browserDialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
