/**
 * The network engine in the browser: on a demo network a host opens a person and sees whom they
 * should meet and why, ranks the movers and shakers, reads the introductions worth making and
 * the circles (renaming one), and explores the map drawn with WebGL.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, type Journey, loadDemo, PHONE, shoot, signUp, startJourney } from './browser';

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney();
});

afterAll(async () => {
  await journey?.close();
});

describe('the network engine in the browser', () => {
  test('a host sees who should meet, the movers and shakers, the circles and the map', async () => {
    const desktop = await journey.open(DESKTOP);
    const { page } = desktop;
    await signUp(page, 'Ines Moreau', 'ines@example.com');
    await loadDemo(page, 300);
    await expect.poll(() => page.getByText(/^\d[\d,.\s]* people/).textContent()).toMatch(/30\d/);

    // A person: who they should meet, and why.
    const list = page.getByRole('list', { name: 'People' });
    await list.getByRole('link').filter({ hasNotText: 'You' }).nth(4).click();
    const shouldMeet = page.getByRole('region', { name: /Should meet/ });
    const suggestions = shouldMeet.getByRole('list', { name: /should meet/ });
    await suggestions.getByRole('listitem').first().waitFor({ timeout: 30_000 });
    const sentence = await shouldMeet.locator('.suggestion-sentence').first().textContent();
    expect(sentence?.trim().length ?? 0).toBeGreaterThan(10);
    const reach = page.getByRole('region', { name: /Their reach/ });
    await reach.getByText(/best connected in your network/).waitFor();
    await shoot(page, 'desktop-person-should-meet');

    // Proposing an introduction opens an honest draft.
    await shouldMeet.getByRole('button', { name: 'Propose introduction' }).first().click();
    const draft = shouldMeet.getByRole('textbox', { name: /Draft to/ }).first();
    await expect.poll(() => draft.inputValue()).toContain('I’d like to introduce you');
    await expect
      .poll(() => shouldMeet.getByText(/does not send or track introductions yet/).count())
      .toBeGreaterThan(0);
    await draft.scrollIntoViewIfNeeded();
    await shoot(page, 'desktop-propose-introduction');

    // Movers and shakers: a ranked list, and who opens the most doors.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Movers and shakers' })
      .click();
    const movers = page.getByRole('list', { name: 'People ranked by reach' });
    await movers.getByRole('listitem').nth(9).waitFor({ timeout: 30_000 });
    expect(await movers.getByRole('listitem').count()).toBeGreaterThanOrEqual(10);
    const firstRank = await movers.locator('.mover-rank').first().textContent();
    expect(firstRank?.trim()).toBe('1');
    const topName = (await movers.locator('.mover-name').first().textContent())?.trim() ?? '';
    await page
      .getByRole('list', { name: 'Who opens the most doors' })
      .getByRole('listitem')
      .first()
      .waitFor();
    await shoot(page, 'desktop-movers');

    // Introductions to make.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Introductions to make' })
      .click();
    const intros = page.getByRole('list', { name: 'Introductions to make' });
    await intros.getByRole('listitem').first().waitFor({ timeout: 30_000 });
    // Both people of the pair link to their pages (mutual contacts named in the reasons link too).
    const links = intros.getByRole('listitem').first().getByRole('link');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => /\/people\//.test(h)).length).toBeGreaterThanOrEqual(2);
    await shoot(page, 'desktop-introductions');

    // Circles: named, sized, and renamed inline.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Circles' })
      .click();
    const circles = page.getByRole('list', { name: 'Circles' });
    await circles.getByRole('listitem').first().waitFor({ timeout: 30_000 });
    const firstCircle = circles.getByRole('listitem').first();
    await firstCircle.getByRole('button', { name: /^Rename/ }).click();
    await firstCircle.getByRole('textbox').fill('Sunday long run');
    await firstCircle.getByRole('button', { name: 'Save' }).click();
    await firstCircle.getByRole('heading', { name: /Sunday long run/ }).waitFor();
    expect(await firstCircle.getByText('Named by you').count()).toBe(1);
    await shoot(page, 'desktop-circles');

    // The map: WebGL canvases in the sigma container, the legend lists the circles.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Network map' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Network map' }).waitFor();
    const stage = page.getByTestId('network-map');
    await stage.locator('canvas').first().waitFor({ timeout: 30_000 });
    expect(await stage.locator('canvas').count()).toBeGreaterThan(0);
    const legend = page.getByRole('list', { name: 'Circles on the map' });
    await legend.getByRole('listitem').first().waitFor();
    expect(await legend.getByText('Sunday long run').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    // Let the layout settle, then look.
    await page.getByText('Arranging the map…').waitFor({ state: 'detached', timeout: 20_000 });
    await shoot(page, 'desktop-map');

    // Search highlights a person and their ties.
    const search = page.getByRole('combobox', { name: 'Find someone on the map' });
    await search.pressSequentially(topName.slice(0, 4), { delay: 40 });
    await page
      .getByRole('option', { name: new RegExp(topName) })
      .first()
      .click();
    await page.getByRole('link', { name: 'Open their page' }).waitFor();
    await page.waitForTimeout(800);
    await shoot(page, 'desktop-map-search');
    // A circle from the legend, alone.
    await page.getByRole('button', { name: 'Clear the highlight' }).click();
    await legend.getByRole('button').nth(1).click();
    await page.waitForTimeout(400);
    await shoot(page, 'desktop-map-circle');

    // On a phone. The desktop map leaves first: its WebGL drawing and layout worker share the
    // browser with the phone page, whose screenshots then sometimes get no frame in time.
    const signedIn = await desktop.context.storageState();
    await page.goto('about:blank');
    const phone = await journey.open(PHONE, signedIn);
    const p = phone.page;
    await p.goto('/movers');
    await p
      .getByRole('list', { name: 'People ranked by reach' })
      .getByRole('listitem')
      .first()
      .waitFor();
    await shoot(p, 'phone-movers');
    await p.getByRole('list', { name: 'People ranked by reach' }).getByRole('link').first().click();
    await p
      .getByRole('region', { name: /Should meet/ })
      .getByRole('listitem')
      .first()
      .waitFor({ timeout: 30_000 });
    await shoot(p, 'phone-person-top');
    await p.getByRole('region', { name: /Should meet/ }).scrollIntoViewIfNeeded();
    await shoot(p, 'phone-person-should-meet');
    await p
      .getByRole('navigation', { name: 'Main (compact)' })
      .getByRole('link', { name: 'More' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'More' }).waitFor();
    await shoot(p, 'phone-more');
    await p.getByRole('link', { name: 'Circles' }).click();
    await p.getByRole('list', { name: 'Circles' }).getByRole('listitem').first().waitFor();
    await shoot(p, 'phone-circles');
    await p.goBack();
    await p.getByRole('link', { name: 'Network map' }).click();
    await p.getByTestId('network-map').locator('canvas').first().waitFor({ timeout: 30_000 });
    await p.getByText('Arranging the map…').waitFor({ state: 'detached', timeout: 20_000 });
    await shoot(p, 'phone-map');
    await p.goto('/introductions');
    await p
      .getByRole('list', { name: 'Introductions to make' })
      .getByRole('listitem')
      .first()
      .waitFor();
    await shoot(p, 'phone-introductions');

    expect(desktop.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  }, 240_000);
});
