/** Starting the server: open the store, build the app, listen, and stop cleanly. */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { openContext } from '../app/context';
import { allowedHostsFor } from './allowed-hosts';
import { createApp } from './app';

/** Extra host names from `SALON_ALLOWED_HOSTS` (comma-separated) and `BASE_URL`. */
const hostsFromEnvironment = (): string[] => {
  const names = (process.env.SALON_ALLOWED_HOSTS ?? '').split(',');
  // Only an absolute URL names a host (Vite's test runner sets BASE_URL to "/").
  const base = URL.parse(process.env.BASE_URL ?? '');
  if (base) names.push(base.hostname);
  return names;
};

export interface ServerOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  /** Defaults to dist/web beside the sources. */
  readonly webRoot?: string | undefined;
}

export interface RunningServer {
  readonly url: string;
  readonly database: string;
  close(): Promise<void>;
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

export const startServer = async (options: ServerOptions): Promise<RunningServer> => {
  const ctx = await openContext({ url: options.databaseUrl, dataDir: options.dataDir });
  const app = createApp(ctx, {
    webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
    allowedHosts: allowedHostsFor(options.host, hostsFromEnvironment()),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost =
    options.host === '0.0.0.0' || options.host === '127.0.0.1' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    database: ctx.store.location,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.store.close();
    },
  };
};
