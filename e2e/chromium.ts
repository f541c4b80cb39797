/**
 * Debian's Chromium, driven by playwright-core, as the browser journeys and the map benchmark
 * start it. Without a GPU (as here) WebGL runs on SwiftShader, in software, so the network map
 * still draws in a headless browser.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(CHROMIUM);

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      // Newer Chromium builds fall back to SwiftShader for WebGL only when allowed to.
      '--enable-unsafe-swiftshader',
    ],
  });
