/**
 * What the server benchmarks share: a data directory holding a demo network as `salon demo`
 * loads it, signed in as its host, and `salon serve` running on it in its own process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostWithDemo } from '../src/app/host.fixtures';
import { openStore, type Store } from '../src/store/store';

export interface DemoWorkspace {
  readonly workspaceId: string;
  /** The host's session secret: the `salon_session` cookie. */
  readonly session: string;
  readonly demoSeconds: number;
}

/**
 * A new host with a demo network of `people` and `ties` (seed 7) in the data directory `dir`;
 * `then` may add to it before the store closes.
 */
export const prepareDemo = async (
  dir: string,
  size: { people: number; ties?: number },
  then?: (store: Store, workspaceId: string) => Promise<void>,
): Promise<DemoWorkspace> => {
  const store = await openStore({ dataDir: dir });
  try {
    const host = await hostWithDemo(store, { ...size, seed: 7 });
    const { workspaceId } = host.access;
    await then?.(store, workspaceId);
    return { workspaceId, session: host.session, demoSeconds: host.demoSeconds };
  } finally {
    await store.close();
  }
};

/** How long `salon serve` may take to print its URL. */
const START_TIMEOUT_MS = 60_000;

/** `salon serve` on the data directory, on a free port; resolves with its URL. */
export const startServer = (dir: string): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, SALON_DATA: dir };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['bin/salon.js', 'serve', '--port', '0'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`salon serve printed no URL in ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // A whole line: the URL may come in two chunks.
      const url = /(https?:\/\/\S+)\r?\n/.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ child, url });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`salon serve exited with ${code}: ${out}`));
    });
  });

/** Stops a server and waits for its process to end, so it uses no CPU in the next measure. */
export const stopServer = async (child: ChildProcess | null): Promise<void> => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
};

/** Peak resident memory of a process, in MB, as Linux counts it. */
export const peakRssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
};
