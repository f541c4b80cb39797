import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createScratchDatabase } from '../store/scratch-database';

const BIN = fileURLToPath(new URL('../../bin/salon.js', import.meta.url));

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const salon = (args: string[], env: Record<string, string> = {}): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, DATABASE_URL: '', SALON_DATA: '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });

const freshData = () => mkdtempSync(join(tmpdir(), 'salon-cli-'));

describe('the salon command', () => {
  it('creates a first workspace on an empty data directory and prints only JSON with --json', async () => {
    const data = freshData();
    const ran = await salon(['--data', data, 'people', '--json']);
    expect(ran.code).toBe(0);
    const people = JSON.parse(ran.stdout) as Array<{ displayName: string; isSelf: boolean }>;
    expect(people).toEqual([expect.objectContaining({ displayName: 'Me', isSelf: true })]);
  });

  it('loads a demo network and finds people in it by three letters', async () => {
    const data = freshData();
    const demo = await salon(['--data', data, 'demo', '--people', '150', '--seed', '4', '--json']);
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ people: 150, ties: 750 });
    const all = JSON.parse(
      (await salon(['--data', data, 'people', '--limit', '200', '--json'])).stdout,
    ) as Array<{
      displayName: string;
    }>;
    expect(all).toHaveLength(150);
    const prefix = all[1]!.displayName.slice(0, 3);
    const found = JSON.parse(
      (await salon(['--data', data, 'people', '--search', prefix, '--json'])).stdout,
    ) as Array<{
      displayName: string;
    }>;
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((p) => p.displayName)).toContain(all[1]!.displayName);
  });

  it('honours SALON_DATA when --data is not given', async () => {
    const data = freshData();
    await salon(['demo', '--people', '20', '--json'], { SALON_DATA: data });
    const people = JSON.parse(
      (await salon(['--data', data, 'people', '--json'])).stdout,
    ) as unknown[];
    expect(people).toHaveLength(20);
  });

  it('says plainly what went wrong, with an exit code per kind of error', async () => {
    const data = freshData();
    const unknown = await salon(['--data', data, '--workspace', 'Nope', 'people']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('Workspace "Nope" was not found');
    await salon(['--data', data, 'demo', '--people', '20']);
    const twice = await salon(['--data', data, 'demo', '--people', '20']);
    expect(twice.code).toBe(4);
    expect(twice.stderr).toMatch(/only into an empty workspace/);
    const token = await salon(['--data', data, 'token', 'create']);
    expect(token.code).toBe(5);
    expect(token.stderr).toContain('No account yet: sign up in the web app first');
    const bad = await salon(['--data', data, 'demo', '--people', '-5']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
  });

  describe('on PostgreSQL', () => {
    const adminUrl = inject('postgresAdminUrl');
    const cleanups: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const cleanup of cleanups) await cleanup();
    });

    it.runIf(adminUrl)('uses DATABASE_URL instead of the data directory', async () => {
      const scratch = await createScratchDatabase(adminUrl as string);
      cleanups.push(scratch.drop);
      const env = { DATABASE_URL: scratch.url };
      expect((await salon(['demo', '--people', '30', '--json'], env)).code).toBe(0);
      const people = JSON.parse(
        (await salon(['people', '--json', '--limit', '100'], env)).stdout,
      ) as unknown[];
      expect(people).toHaveLength(30);
    });
  });

  it('serve prints the URL it listens on and answers there', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [BIN, '--data', freshData(), 'serve', '--port', '0'],
      {
        env: { ...process.env, DATABASE_URL: '' },
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = out.match(/running at (http:\/\/\S+)/);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', () => reject(new Error(`serve exited: ${out}`)));
      });
      const health = (await (await fetch(`${url}/api/health`)).json()) as {
        ok: boolean;
        database: string;
      };
      expect(health).toMatchObject({ ok: true, database: 'sqlite' });
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('the engine from the command line', () => {
  it('ranks movers and shakers, names circles and suggests introductions with reasons', async () => {
    const data = freshData();
    await salon(['--data', data, 'demo', '--people', '300', '--seed', '2']);
    const reach = JSON.parse(
      (await salon(['--data', data, 'reach', '--top', '5', '--json'])).stdout,
    ) as {
      people: Array<{ rank: number; explanation: string }>;
    };
    expect(reach.people.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);
    const circles = JSON.parse((await salon(['--data', data, 'circles', '--json'])).stdout) as {
      circles: Array<{ name: string; size: number }>;
    };
    expect(circles.circles.length).toBeGreaterThan(1);
    const intros = JSON.parse(
      (await salon(['--data', data, 'suggest', '--introductions', '--limit', '3', '--json']))
        .stdout,
    ) as { introductions: Array<{ sentence: string }> };
    expect(intros.introductions).toHaveLength(3);
    const someone = (
      JSON.parse(
        (await salon(['--data', data, 'people', '--json', '--limit', '3'])).stdout,
      ) as Array<{
        displayName: string;
      }>
    )[2]!.displayName;
    const forOne = await salon(['--data', data, 'suggest', '--for', someone, '--limit', '2']);
    expect(forOne.code).toBe(0);
    expect(forOne.stdout).toContain(`${someone} should meet:`);
    const neither = await salon(['--data', data, 'suggest']);
    expect(neither.code).toBe(2);
  });

  it('prints, tunes and resets the weights of a good introduction', async () => {
    const data = freshData();
    const weights = async (...args: string[]) => {
      const ran = await salon(['--data', data, 'weights', ...args, '--json']);
      expect(ran.code).toBe(0);
      return JSON.parse(ran.stdout) as {
        weights: Record<string, number>;
        defaults: Record<string, number>;
      };
    };
    const first = await weights();
    expect(first.weights).toEqual(first.defaults);
    const tuned = await weights('--set', 'complementarity=0', '--set', 'warmth=1');
    expect(tuned.weights).toEqual({ ...first.defaults, complementarity: 0, warmth: 1 });
    expect((await weights()).weights).toEqual(tuned.weights);
    const text = await salon(['--data', data, 'weights']);
    expect(text.stdout).toMatch(/^1 +warmth +Warmth — .*\(default 0\.2\)$/m);
    const tooMuch = await salon(['--data', data, 'weights', '--set', 'warmth=2']);
    expect(tooMuch.code).toBe(2);
    expect(tooMuch.stderr).toContain('weights.warmth: must be a number from 0 to 1');
    expect((await weights('--reset')).weights).toEqual(first.defaults);
  });
});
