#!/usr/bin/env node
/**
 * `npm run dev`: the API server and the Vite dev server together, both reloading on change.
 *
 * The API runs under `tsx watch` (restarts when server code changes) on port 4321; Vite serves
 * the web app with hot reload and proxies /api to it (see vite.config.ts). Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const apiPort = process.env.SALON_API_PORT ?? '4321';
const webPort = Number(process.env.SALON_WEB_PORT ?? 5173);
const passThrough = process.argv.slice(2);

const tsxCli = require.resolve('tsx/cli');
const api = spawn(
  process.execPath,
  [
    tsxCli,
    'watch',
    '--clear-screen=false',
    '--exclude',
    'src/web/**',
    'src/cli/main.ts',
    'serve',
    '--port',
    apiPort,
    ...passThrough,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, SALON_API_PORT: apiPort } },
);

const vite = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  server: { port: webPort },
});
await vite.listen();
console.log('');
vite.printUrls();
console.log(`  ➜  API:     http://127.0.0.1:${apiPort}/api (proxied at /api)\n`);

let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  if (api.exitCode === null) api.kill('SIGTERM');
  await vite.close().catch(() => undefined);
  process.exit(code);
};

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
api.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(`\nThe API server stopped (${signal ?? `exit code ${code}`}); stopping Vite too.`);
  stop(code ?? 1);
});
