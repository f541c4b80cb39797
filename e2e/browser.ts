/**
 * What every browser journey needs: the real server on a temporary SQLite data directory, the
 * built web app (dist/web), Debian's Chromium driven by playwright-core, fresh windows of a
 * given size, signing up, and screenshots.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type RunningServer, startServer } from '../src/server/start';
import { launchChromium } from './chromium';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');
export const FIXTURES = join(ROOT, 'e2e', 'fixtures');
export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 375, height: 812 };

export interface Journey {
  readonly server: RunningServer;
  open(
    viewport: { width: number; height: number },
    storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/** Starts the server and the browser; `close` stops both and removes the data. */
export const startJourney = async (): Promise<Journey> => {
  // The web app is built at `npm install` (prepare); build it here if that has not happened.
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'salon-e2e-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
  const browser: Browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    server,
    open: async (viewport, storageState) => {
      const context = await browser.newContext({
        viewport,
        baseURL: server.url,
        deviceScaleFactor: viewport.width < 600 ? 2 : 1,
        isMobile: viewport.width < 600,
        hasTouch: viewport.width < 600,
        ...(storageState ? { storageState } : {}),
      });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { context, page, errors };
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

/** Signs up, with a screenshot of the filled form when `shot` names one. */
export const signUp = async (
  page: Page,
  name: string,
  email: string,
  shot?: string,
): Promise<void> => {
  await page.goto('/');
  await expect.poll(() => page.url()).toContain('/sign-in');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('textbox', { name: /Your name/ }).fill(name);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  if (shot) await shoot(page, shot);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
};

/** Fills an empty workspace with a demo network of the given size, from the people page. */
export const loadDemo = async (page: Page, people: 300 | 1000 | 5000): Promise<void> => {
  await page.getByRole('combobox', { name: 'Size' }).selectOption(String(people));
  await page.getByRole('button', { name: 'Load a demo network' }).click();
  await page
    .getByRole('button', { name: 'Load a demo network' })
    .waitFor({ state: 'detached', timeout: 180_000 });
};

export const shoot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
