/**
 * Browser journeys through the real app: the real server on a temporary SQLite data directory,
 * the built web app (dist/web), and Debian's Chromium driven by playwright-core. Queries go by
 * role and accessible name, as a person using a screen reader would find things.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, type Journey, PHONE, shoot, signUp, startJourney } from './browser';

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney();
});

afterAll(async () => {
  await journey?.close();
});

const open = (...args: Parameters<Journey['open']>) => journey.open(...args);

describe('a host in the browser', () => {
  test('signs up, adds a person, logs a moment on a phone and sees it on the person’s page', async () => {
    const desktop = await open(DESKTOP);
    const { page } = desktop;
    await signUp(page, 'Mara Lindqvist', 'mara@example.com', 'desktop-sign-up');

    // Add a person.
    await page.getByRole('link', { name: 'Add person' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Dana Okafor');
    await page.getByRole('textbox', { name: /Organisation/ }).fill('Riverside Youth Soccer');
    await page.getByRole('textbox', { name: /Title/ }).fill('Head coach');
    await page.getByRole('textbox', { name: /Looking for/ }).fill('Sponsors for the spring league');
    await page.getByRole('textbox', { name: /Can help with/ }).fill('Coaching clinics\nVolunteers');
    await page.getByRole('textbox', { name: /Tags/ }).fill('soccer, parents');
    // A bad email comes back from the server as a reason shown beside its field.
    const emails = page.getByRole('textbox', { name: /Emails/ });
    await emails.fill('dana@');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => emails.getAttribute('aria-invalid')).toBe('true');
    expect(await emails.evaluate((el) => el.getAttribute('aria-describedby'))).toBeTruthy();
    await shoot(page, 'desktop-add-person-error');
    await emails.fill('dana@riverside.example');
    await shoot(page, 'desktop-add-person');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: /Dana Okafor/ }).waitFor();
    const personUrl = page.url();

    // Log a moment from a phone-sized window, signed in as the same host.
    const phone = await open(PHONE, await desktop.context.storageState());
    const p = phone.page;
    await p.goto('/moments/new');
    await p.getByRole('heading', { level: 1, name: 'Log a moment' }).waitFor();
    await p.getByRole('radio', { name: 'Everyday life' }).check();
    await p.getByRole('radio', { name: "Kids' sports" }).check();
    await p.getByRole('combobox', { name: 'Who was there' }).fill('Dan');
    await p.getByRole('option', { name: /Dana Okafor/ }).click();
    const marks = p.getByRole('group', { name: 'How you met Dana Okafor' });
    await marks.getByRole('radio', { name: 'Met new' }).check();
    // A second attendee who is not in the network yet, created inline.
    await p.getByRole('combobox', { name: 'Who was there' }).fill('Sam Whitfield');
    await p.getByRole('option', { name: '+ Add ‘Sam Whitfield’' }).click();
    await p.getByRole('textbox', { name: /Place/ }).fill('Riverside fields');
    await p.getByRole('textbox', { name: /Notes/ }).fill('She coaches my son’s soccer team.');
    await p.evaluate(() => window.scrollTo(0, 0));
    await shoot(p, 'phone-log-moment');
    await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await shoot(p, 'phone-log-moment-attendees');
    await p.getByRole('button', { name: 'Log moment' }).click();
    await p.getByRole('heading', { name: 'Moment logged' }).waitFor();
    await shoot(p, 'phone-moment-logged');

    // The person's page shows the moment on the timeline, marked as a new meeting.
    await p.getByRole('link', { name: 'Dana Okafor' }).click();
    await p.getByRole('heading', { level: 1, name: /Dana Okafor/ }).waitFor();
    const timeline = p.getByRole('region', { name: /Moments/ });
    await expect.poll(() => timeline.textContent()).toContain("Kids' sports");
    expect(await timeline.textContent()).toContain('Met new');
    expect(await timeline.textContent()).toContain('Riverside fields');
    // Logging the moment tied Dana to the host and to Sam, whom the host met there too.
    const ties = p.getByRole('region', { name: /Ties/ });
    await expect.poll(() => ties.textContent()).toContain('Sam Whitfield');
    await p.evaluate(() => window.scrollTo(0, 0));
    await shoot(p, 'phone-person');
    await p.getByRole('heading', { name: /Moments/ }).evaluate((h) => h.scrollIntoView());
    await shoot(p, 'phone-person-timeline');
    await p.goto('/settings');
    await p.getByRole('heading', { name: 'API tokens' }).waitFor();
    await shoot(p, 'phone-settings');

    await page.goto(personUrl);
    await page
      .getByRole('region', { name: /Moments/ })
      .getByText("Kids' sports")
      .first()
      .waitFor();
    await shoot(page, 'desktop-person', true);

    expect(desktop.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });

  test('loads a demo network and finds people by typing three letters', async () => {
    const desktop = await open(DESKTOP);
    const { page } = desktop;
    await signUp(page, 'Theo Brandt', 'theo@example.com');
    await shoot(page, 'desktop-empty-workspace');

    await page.getByRole('combobox', { name: 'Size' }).selectOption('300');
    await page.getByRole('button', { name: 'Load a demo network' }).click();
    await page
      .getByRole('button', { name: 'Load a demo network' })
      .waitFor({ state: 'detached', timeout: 120_000 });
    await expect.poll(() => page.getByText(/^\d[\d,.\s]* people/).textContent()).toMatch(/30\d/);

    // Take three letters of someone's name and search for them.
    const list = page.getByRole('list', { name: 'People' });
    const someone = list.getByRole('link').filter({ hasNotText: 'You' }).nth(3);
    const name = (await someone.locator('.people-name').textContent())?.trim() ?? '';
    const letters = name.slice(0, 3);
    expect(letters).toMatch(/^\p{L}{3}$/u);
    await shoot(page, 'desktop-people');

    await page.getByRole('searchbox', { name: 'Search people' }).pressSequentially(letters, {
      delay: 60,
    });
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(letters);
    await list
      .getByRole('link', { name: new RegExp(name) })
      .first()
      .waitFor();
    const shown = await list.getByRole('link').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(300);
    await shoot(page, 'desktop-people-search');

    const phone = await open(PHONE, await desktop.context.storageState());
    await phone.page.goto(`/people?q=${encodeURIComponent(letters)}`);
    await phone.page
      .getByRole('list', { name: 'People' })
      .getByRole('link', { name: new RegExp(name) })
      .first()
      .waitFor();
    await shoot(phone.page, 'phone-people-search');
    await phone.page.goto('/people');
    await phone.page.getByRole('list', { name: 'People' }).getByRole('link').nth(5).waitFor();
    await shoot(phone.page, 'phone-people');

    expect(desktop.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  }, 180_000);
});
