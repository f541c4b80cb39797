/**
 * Reads beside a long write: while one transaction writes (an import, a restore), requests
 * that only read (a session check, a list, a search, a count) answer at once from the last
 * committed state, and see the write as soon as it commits. On SQLite this needs a database
 * file (WAL readers); an in-memory database has one connection only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { type Store, storeOver } from './store';
import { openTestStore, testDialects } from './testing';

/** `work`, or a failure naming the wait when it takes longer than `ms`. */
const within = async <T>(ms: number, work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
};

describe.each(testDialects())('reads beside a long write on %s', (dialect) => {
  let store: Store;
  let dir: string | undefined;

  beforeAll(async () => {
    if (dialect === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'salon-readers-'));
      store = storeOver(await openDatabase({ dataDir: dir }));
    } else {
      store = await openTestStore(dialect);
    }
  });
  afterAll(async () => {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers sessions, lists, search and counts while a write transaction is open', async () => {
    const user = await store.accounts.createUser({
      email: 'reader@example.com',
      name: 'Reader',
      passwordHash: 'not used',
    });
    await store.accounts.createSession('session-hash', user.id, '2999-01-01T00:00:00.000Z');
    const ws = store.in((await store.workspaces.create('Busy', null)).id);
    await ws.people.create({ displayName: 'Already Here' });

    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written = () => {};
    const writing = new Promise<void>((resolve) => {
      written = resolve;
    });
    const importing = ws.transaction(async (t) => {
      const people = Array.from({ length: 5000 }, (_, i) => ({ displayName: `Imported ${i}` }));
      await t.people.createMany(people);
      written();
      await held;
    });
    try {
      await writing;
      // Generous for a shared machine: before reads had a connection of their own, they waited
      // for the transaction, that is for ever here.
      const [session, page, found, count, workspaces] = await within(
        10_000,
        Promise.all([
          store.accounts.userOfSession('session-hash'),
          ws.people.list({ limit: 10 }),
          ws.people.search('already', 5),
          ws.people.count(),
          store.workspaces.all(),
        ]),
      );
      expect(session?.email).toBe('reader@example.com');
      // The last committed state: the open transaction's 5,000 people are not seen yet.
      expect(page.map((p) => p.displayName)).toEqual(['Already Here']);
      expect(found.map((p) => p.displayName)).toEqual(['Already Here']);
      expect(count).toBe(1);
      expect(workspaces.map((w) => w.name)).toContain('Busy');
    } finally {
      release();
      await importing;
    }
    // Read-your-writes: once committed, the next read sees it.
    expect(await ws.people.count()).toBe(5001);
    expect((await ws.people.search('imported 4999', 5)).map((p) => p.displayName)).toEqual([
      'Imported 4999',
    ]);
  });

  it('sees a write outside a transaction at once', async () => {
    const ws = store.in((await store.workspaces.create('Quick', null)).id);
    const person = await ws.people.create({ displayName: 'Just Written' });
    expect((await ws.people.find(person.id))?.displayName).toBe('Just Written');
    await ws.people.update(person.id, { displayName: 'Renamed' });
    expect((await ws.people.search('renamed', 5)).map((p) => p.id)).toEqual([person.id]);
  });
});
