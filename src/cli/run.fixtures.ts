/** Test support: runs the real `salon` command in a child process, on the data it is given. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/salon.js', import.meta.url));

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `salon ARGS…` with no DATABASE_URL or SALON_DATA unless `env` sets them. */
export const salon = (
  args: readonly string[],
  env: Record<string, string> = {},
  timeout = 120_000,
): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, DATABASE_URL: '', SALON_DATA: '', ...env }, timeout },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
