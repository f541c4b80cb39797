/**
 * Writes seen at once: a tie made on a person's page takes the pair out of "Should meet" with
 * no reload; Enter in "Who was there" picks the person the name matches; moments are listed,
 * changed and deleted; your own page shows your moments.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, type Journey, shoot, signUp, startJourney } from './browser';

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney();
});

afterAll(async () => {
  await journey?.close();
});

/** Calls the API from the signed-in page (its cookie) and returns the JSON answer. */
const call = <T>(page: Page, method: string, path: string, body?: unknown): Promise<T> =>
  page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(`/api/workspaces/${me.workspaces[0].id}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return res.status === 204 ? null : res.json();
    },
    { method, path, body },
  ) as Promise<T>;

interface Row {
  readonly id: string;
  readonly displayName: string;
  readonly title: string;
}

describe('a host whose writes show at once', () => {
  test('ties Dana to Priya and Priya leaves "Should meet" without a reload', async () => {
    const { page, errors } = await journey.open(DESKTOP);
    await signUp(page, 'Mara Lindqvist', 'mara@example.com');
    const person = (displayName: string, extra: object = {}) =>
      call<Row>(page, 'POST', '/people', { displayName, ...extra });
    const dana = await person('Dana Okafor', { asks: ['Sponsors for the youth league'] });
    const priya = await person('Priya Raman', { offers: ['Sponsors youth sports leagues'] });
    const sam = await person('Sam Whitfield');
    await call(page, 'POST', '/ties', { aId: dana.id, bId: sam.id, strength: 3 });
    await call(page, 'POST', '/ties', { aId: sam.id, bId: priya.id, strength: 3 });

    await page.goto(`/people/${dana.id}`);
    const shouldMeet = page.getByRole('list', { name: 'People Dana Okafor should meet' });
    await shouldMeet.getByRole('link', { name: /Priya Raman/ }).waitFor();
    await page.getByRole('combobox', { name: 'Who else does Dana Okafor know?' }).fill('Pri');
    await page.getByRole('option', { name: /Priya Raman/ }).click();
    await page.getByRole('button', { name: 'Add tie' }).click();

    await page
      .getByRole('list', { name: 'People Dana Okafor knows' })
      .getByRole('link', { name: /Priya Raman/ })
      .waitFor();
    await expect.poll(() => shouldMeet.getByRole('link', { name: /Priya Raman/ }).count()).toBe(0);
    await shoot(page, 'desktop-tie-refreshes-should-meet');
    expect(errors).toEqual([]);
  });

  test('Enter picks Jürgen for "jur"; a moment is listed, changed, shown on your page, deleted', async () => {
    const { page, errors } = await journey.open(DESKTOP);
    await signUp(page, 'Noor Haddad', 'noor@example.com');
    const jurgen = await call<Row>(page, 'POST', '/people', { displayName: 'Jürgen Weber' });

    await page.goto('/moments/new');
    const who = page.getByRole('combobox', { name: 'Who was there' });
    await who.fill('jur');
    // Enter at once, before the search has answered: it waits and takes the match.
    await who.press('Enter');
    const attendees = page.getByRole('list', { name: 'Attendees' });
    await attendees.getByRole('group', { name: 'How you met Jürgen Weber' }).waitFor();
    expect(await attendees.getByText('New', { exact: true }).count()).toBe(0);
    // Someone new only by choosing the distinct option.
    await who.fill('Lea Nowak');
    await page.getByRole('option', { name: /Lea Nowak.*someone new/ }).click();
    await page.getByRole('button', { name: 'Log moment' }).click();
    await page.getByRole('heading', { name: 'Moment logged' }).waitFor();
    const people = await call<{ items: Row[] }>(page, 'GET', '/people?q=jur');
    expect(people.items.map((p) => p.displayName)).toEqual(['Jürgen Weber']);

    await page.goto('/moments');
    const list = page.getByRole('region', { name: 'Moments, newest first' });
    const [logged] = await call<Row[]>(page, 'GET', '/moments');
    await list.getByRole('link', { name: `Edit ${logged!.title}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit moment' }).waitFor();
    await page.getByRole('textbox', { name: /Title/ }).fill('Coffee with Jürgen');
    await page.getByRole('button', { name: 'Remove Lea Nowak' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await list.getByText('Coffee with Jürgen').waitFor();
    expect(await list.getByText('Lea Nowak').count()).toBe(0);
    await shoot(page, 'desktop-moments');

    // Your own page shows the moments you logged, and says what it is about.
    const [self] = (await call<{ items: Row[] }>(page, 'GET', '/people?q=Noor')).items;
    await page.goto(`/people/${self!.id}`);
    await page.getByText(/This is you/).waitFor();
    await page
      .getByRole('region', { name: /Your moments/ })
      .getByText('Coffee with Jürgen')
      .waitFor();
    expect(await page.getByText('Last contact').count()).toBe(0);

    await page.goto('/moments');
    expect((await call<Row[]>(page, 'GET', `/people/${jurgen.id}/ties`)).length).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await list.getByRole('button', { name: 'Delete Coffee with Jürgen' }).click();
    await list.getByText('No moments logged yet.').waitFor();
    // The tie the moment made went with it.
    expect(await call<Row[]>(page, 'GET', `/people/${jurgen.id}/ties`)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
