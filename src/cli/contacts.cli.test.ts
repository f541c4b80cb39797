import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeLinkedInExport } from '../../bench/generators/linkedin-export';
import { LINKEDIN_SAMPLE, LINKEDIN_WITH_BAD_ROWS, VCARD_SAMPLE } from '../app/contacts.fixtures';

const BIN = fileURLToPath(new URL('../../bin/salon.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../interchange/fixtures/', import.meta.url));

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const salon = (args: string[]): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, DATABASE_URL: '', SALON_DATA: '' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });

/** Tests that start many `salon` processes get more time: each start compiles TypeScript. */
const SPAWNS_TIMEOUT = 120_000;

const dir = mkdtempSync(join(tmpdir(), 'salon-contacts-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const namesIn = async (data: string, workspace?: string): Promise<string[]> => {
  const ran = await salon([
    '--data',
    data,
    ...(workspace ? ['--workspace', workspace] : []),
    'people',
    '--json',
    '--limit',
    '200',
  ]);
  return (JSON.parse(ran.stdout) as Array<{ displayName: string }>).map((p) => p.displayName);
};

describe('salon import, export, backup and restore', () => {
  let linkedin: string;
  let vcard: string;
  beforeAll(() => {
    linkedin = file('Connections.csv', LINKEDIN_SAMPLE);
    vcard = file('contacts.vcf', VCARD_SAMPLE);
  });

  it('previews, then imports each person once', async () => {
    const data = join(dir, 'one');
    const preview = await salon(['--data', data, 'import', linkedin, vcard, '--dry-run']);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/created\s+4/);
    expect(preview.stdout).toMatch(/merged\s+2/);
    expect(preview.stdout).toMatch(/^Would import: 4 new people/m);
    expect(await namesIn(data)).toEqual(['Me']);
    const ran = await salon(['--data', data, 'import', linkedin, vcard]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^Imported: 4 new people/m);
    expect((await namesIn(data)).sort()).toEqual([
      'Ana Silva',
      'Ben Okafor',
      'Carla Mendes',
      'Dev Patel',
      'Me',
    ]);
  });

  it('lists the imports and undoes one', async () => {
    const data = join(dir, 'undo');
    const ran = await salon(['--data', data, 'import', linkedin, vcard, '--json']);
    const report = JSON.parse(ran.stdout) as { batchId: string; counts: { created: number } };
    expect(report.counts.created).toBe(4);
    const imports = JSON.parse(
      (await salon(['--data', data, 'imports', '--json'])).stdout,
    ) as Array<{
      id: string;
    }>;
    expect(imports.map((i) => i.id)).toEqual([report.batchId]);
    const undo = await salon(['--data', data, 'import', '--undo', report.batchId]);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toMatch(/^Undone: 4 people removed/);
    expect(await namesIn(data)).toEqual(['Me']);
  });

  it('prints every bad row as file:line: field: reason and exits 2 with nothing written', async () => {
    const data = join(dir, 'bad');
    const bad = file('bad.csv', LINKEDIN_WITH_BAD_ROWS);
    const ran = await salon(['--data', data, 'import', bad]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('bad.csv:3: Email Address: "ben.okafor@" is not an email address');
    expect(ran.stderr).toContain('bad.csv:4: Connected On: "sometime in 2020" is not a date');
    expect(ran.stdout).toMatch(/Nothing was imported/);
    expect(await namesIn(data)).toEqual(['Me']);
    const skipped = await salon(['--data', data, 'import', bad, '--skip-invalid']);
    expect(skipped.code).toBe(0);
    expect((await namesIn(data)).sort()).toEqual(['Ana Silva', 'Dev Patel', 'Me']);
  });

  it('says in one sentence why a binary or truncated file cannot be imported', async () => {
    const data = join(dir, 'binary');
    for (const [name, sentence] of [
      ['binary.png', /^salon: binary\.png: The file is not text/],
      [
        'truncated.vcf',
        /^salon: truncated\.vcf: The vCard that begins on line \d+ has no END:VCARD/,
      ],
    ] as const) {
      const ran = await salon(['--data', data, 'import', join(FIXTURES, name)]);
      expect(ran.code).toBe(2);
      expect(ran.stderr.trim().split('\n')).toHaveLength(1);
      expect(ran.stderr).toMatch(sentence);
    }
    expect(await namesIn(data)).toEqual(['Me']);
  });

  it('says a folder is a folder, not a raw EISDIR', async () => {
    const data = join(dir, 'folder');
    const ran = await salon(['--data', data, 'import', FIXTURES]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/is a folder: name the files in it to import them/);
    expect(ran.stderr).not.toMatch(/EISDIR/);
  });

  it('exports to standard output or to a file', async () => {
    const data = join(dir, 'out');
    await salon(['--data', data, 'import', linkedin, vcard]);
    const csv = await salon(['--data', data, 'export', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^Display Name,/);
    const cards = join(dir, 'out.vcf');
    expect((await salon(['--data', data, 'export', '--format', 'vcard4', '-o', cards])).code).toBe(
      0,
    );
    expect(readFileSync(cards, 'utf8').match(/VERSION:4\.0/g)).toHaveLength(5);
  });

  it(
    'backs up to a file and restores into a fresh data directory or a new workspace',
    async () => {
      const data = join(dir, 'backed');
      await salon(['--data', data, 'import', linkedin, vcard]);
      const backup = join(dir, 'backup.json');
      expect((await salon(['--data', data, 'backup', backup])).code).toBe(0);
      expect(JSON.parse(readFileSync(backup, 'utf8'))).toMatchObject({ format: 'salon-backup' });
      const fresh = join(dir, 'fresh');
      const restored = await salon(['--data', fresh, 'restore', backup, '--json']);
      expect(restored.code).toBe(0);
      expect(JSON.parse(restored.stdout)).toMatchObject({
        workspace: 'My network',
        idsRenewed: false,
      });
      expect((await namesIn(fresh)).sort()).toEqual((await namesIn(data)).sort());

      const copy = await salon(['--data', data, '--workspace', 'Copy', 'restore', backup]);
      expect(copy.code).toBe(0);
      expect(copy.stdout).toMatch(/^Restored into "Copy": 5 people/);
      const twice = await salon(['--data', data, '--workspace', 'Copy', 'restore', backup]);
      expect(twice.code).toBe(4);
      expect(twice.stderr).toMatch(/only into an empty workspace/);
    },
    SPAWNS_TIMEOUT,
  );

  it(
    'leaves the workspace exactly as before when the import process is killed mid-write',
    async () => {
      const data = join(dir, 'killed');
      await salon(['--data', data, 'import', linkedin]);
      const before = (await namesIn(data)).sort();
      const big = join(dir, 'big.csv');
      await writeLinkedInExport(big, 100_000, 5);
      const child = spawn(process.execPath, [BIN, '--data', data, 'import', big], {
        env: { ...process.env, DATABASE_URL: '', SALON_DATA: '' },
      });
      const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          // "Writing …" comes as the transaction starts writing; let it write for a moment.
          if (/Writing/.test(stderr)) setTimeout(() => child.kill('SIGKILL'), 400);
        });
        child.once('exit', (_code, killedBy) => resolve(killedBy));
      });
      expect(signal).toBe('SIGKILL');
      expect((await namesIn(data)).sort()).toEqual(before);
      const imports = JSON.parse(
        (await salon(['--data', data, 'imports', '--json'])).stdout,
      ) as unknown[];
      expect(imports).toHaveLength(1);
    },
    SPAWNS_TIMEOUT,
  );
});
