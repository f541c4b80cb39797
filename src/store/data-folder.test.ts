import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './store';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the SQLite data folder', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is readable by its owner only, and so are the database and its journal', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'salon-modes-'));
    made.push(parent);
    const dir = join(parent, 'salon-data');
    const store = await openStore({ dataDir: dir });
    try {
      await store.accounts.createUser({ email: 'a@example.com', name: 'A', passwordHash: 'x' });
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(join(dir, 'salon.db'))).toBe(0o600);
      expect(modeOf(join(dir, 'salon.db-wal'))).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('makes an existing database file private too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salon-modes-'));
    made.push(dir);
    writeFileSync(join(dir, 'salon.db'), '', { mode: 0o644 });
    const store = await openStore({ dataDir: dir });
    await store.close();
    expect(modeOf(join(dir, 'salon.db'))).toBe(0o600);
  });
});
