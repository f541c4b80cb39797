/**
 * The network map in Chromium (issue 4: "smooth at 5,000 people on screen"): `salon serve` on
 * a demo network, the map page opened as its host, the layout left to settle, then the map
 * dragged in a circle as a person explores it. Frames are counted with requestAnimationFrame in
 * the page: when a frame takes long to draw, the next one comes late.
 *
 * Without a GPU, Chromium draws WebGL in software (SwiftShader), so these figures are a floor:
 * the same map on a laptop's GPU draws far faster. The smallest map is the yardstick that tells
 * the software renderer's own cost from the map's.
 *
 *   npm run bench -- map [--people N]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../e2e/chromium';
import { prepareDemo, startServer, stopServer } from './demo-server';
import type { BenchContext, Benchmark, BenchRow, BenchSection } from './section';
import { numberArg } from './section';
import { percentile } from './stats';

/** Steps of the drag: each one a mouse move, as a hand on a trackpad sends them. */
const DRAG_STEPS = 60;

/** A frame rate the eye takes as smooth. */
const SMOOTH_FPS = 30;

interface Frames {
  readonly shown: string;
  readonly fps: number;
  readonly p50: number;
  readonly p95: number;
}

/** Drags the map in a circle and counts the frames the page drew meanwhile. */
const dragAndCount = async (page: Page): Promise<Frames> => {
  const stage = page.getByTestId('network-map');
  const box = await stage.boundingBox();
  if (!box) throw new Error('the map has no size on the page');
  // As source text: a function passed from here would carry the names tsx gives it.
  await page.evaluate(`{
    const times = (window.frameTimes = []);
    const tick = (t) => { times.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  }`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let step = 0; step < DRAG_STEPS; step++) {
    const angle = (step / DRAG_STEPS) * 2 * Math.PI;
    await page.mouse.move(cx + 150 * Math.sin(angle), cy + 100 * (1 - Math.cos(angle)));
  }
  await page.mouse.up();
  const times = (await page.evaluate('window.frameTimes')) as number[];
  if (times.length < 2) throw new Error('the page drew no frame while the map was dragged');
  const gaps = times.slice(1).map((t, k) => t - times[k]!);
  const seconds = (times.at(-1)! - times[0]!) / 1000;
  const shown = (await page.locator('.page-subtitle').textContent()) ?? '';
  return {
    shown,
    fps: gaps.length / seconds,
    p50: percentile(gaps, 0.5),
    p95: percentile(gaps, 0.95),
  };
};

/** Opens the map of a fresh demo network of `people` and measures a drag over it. */
const measure = async (browser: Browser, people: number): Promise<Frames> => {
  const dir = mkdtempSync(join(tmpdir(), 'salon-map-'));
  let server: ChildProcess | null = null;
  try {
    const demo = await prepareDemo(dir, { people });
    const started = await startServer(dir);
    server = started.child;
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      await context.addCookies([{ name: 'salon_session', value: demo.session, url: started.url }]);
      const page = await context.newPage();
      await page.goto(`${started.url}/map`);
      await page.getByTestId('network-map').waitFor({ timeout: 60_000 });
      // The layout runs for a few seconds and stops by itself; the drag comes after.
      await page.getByText('Arranging the map…').waitFor({ state: 'visible', timeout: 60_000 });
      await page.getByText('Arranging the map…').waitFor({ state: 'detached', timeout: 60_000 });
      return await dragAndCount(page);
    } finally {
      await context.close();
    }
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
};

const run = async ({ args, quick, log }: BenchContext): Promise<BenchSection[]> => {
  const title = 'The network map in Chromium';
  if (!hasChromium()) {
    log('map: skipped, no Chromium (on Debian: apt-get install chromium)');
    return [{ title, rows: [], notes: ['Skipped: no Chromium on this machine.'] }];
  }
  const asked = numberArg(args, '--people', 0);
  const sizes = asked > 0 ? [asked] : quick ? [300] : [300, 1000, 5000, 20_000];
  const browser = await launchChromium();
  const version = browser.version();
  const rows: BenchRow[] = [];
  let yardstick: Frames | null = null;
  try {
    for (const people of sizes) {
      log(`map: ${people.toLocaleString('en')} people`);
      const frames = await measure(browser, people);
      yardstick ??= frames;
      const isYardstick = yardstick === frames;
      const onScreen = Math.min(people, 5000);
      const judged = !quick && onScreen === 5000;
      rows.push({
        name: 'frames per second while the map is dragged',
        size: `${onScreen.toLocaleString('en')} people on screen of ${people.toLocaleString('en')}`,
        ours: frames.fps,
        unit: 'fps',
        peer: isYardstick ? undefined : `the ${sizes[0]!.toLocaleString('en')}-people map`,
        peerValue: isYardstick ? undefined : yardstick.fps,
        ratio: isYardstick ? undefined : frames.fps / yardstick.fps,
        target: judged ? `smooth (≥ ${SMOOTH_FPS} fps)` : undefined,
        pass: judged ? frames.fps >= SMOOTH_FPS : undefined,
        note: `frame gap p50 ${frames.p50.toFixed(0)} ms, p95 ${frames.p95.toFixed(0)} ms; ${frames.shown}`,
      });
    }
  } finally {
    await browser.close();
  }
  return [
    {
      title,
      rows,
      notes: [
        `Chromium ${version} with WebGL in software (SwiftShader): this machine has no GPU, so the frame rates are a floor, not what a laptop shows.`,
        `ratio = our frame rate / the ${sizes[0]!.toLocaleString('en')}-people map's in the same browser: how much of the slowness is the map's size rather than the software renderer.`,
        `Above 2,000 people the map hides ties and names while it moves and draws them when it stops.`,
      ],
    },
  ];
};

export const benchmark: Benchmark = { name: 'map', run };
