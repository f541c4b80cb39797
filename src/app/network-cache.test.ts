import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { type AppContext, createContext } from './context';
import { hostWithDemo } from './host.fixtures';
import { NetworkCache } from './network-cache';
import { createPerson } from './people';
import { recordTie } from './ties';
import type { Access } from './workspaces';

const NOW = new Date('2026-11-20T12:00:00Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A store over a database another store can open too: a SQLite file, or PostgreSQL. */
const sharedStore = async (
  dialect: 'sqlite' | 'postgres',
): Promise<{ store: Store; done: () => Promise<void> }> => {
  if (dialect === 'postgres') {
    const store = await openTestStore('postgres');
    return { store, done: () => store.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'salon-cache-'));
  const store = await openStore({ dataDir: dir });
  return {
    store,
    done: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

describe.each(testDialects())('two processes over one database, on %s', (dialect) => {
  let shared: { store: Store; done: () => Promise<void> };
  let otherStore: Store;
  let mine: AppContext;
  let other: AppContext;
  let access: Access;

  beforeAll(async () => {
    shared = await sharedStore(dialect);
    ({ ctx: mine, access } = await hostWithDemo(
      shared.store,
      { people: 60, ties: 200, seed: 7 },
      { now: () => NOW },
    ));
    // The other process: its own connection to the same database, its own engine.
    otherStore = await openStore(shared.store.config!);
    other = createContext(otherStore, () => NOW);
  });
  afterAll(async () => {
    await otherStore.close();
    await shared.done();
  });

  it('sees a tie recorded by the other within a second', async () => {
    const before = await other.network.get(access.workspaceId);
    const [a, b] = before.people.filter((p) => !p.isSelf).slice(-2);
    const tied = (n: typeof before) =>
      n.graph.neighbors
        .subarray(
          n.graph.offsets[n.graph.indexOf.get(a!.id)!],
          n.graph.offsets[n.graph.indexOf.get(a!.id)! + 1],
        )
        .includes(n.graph.indexOf.get(b!.id)!);
    expect(tied(before)).toBe(false);
    await recordTie(mine, access, { aId: a!.id, bId: b!.id, strength: 4 });
    await sleep(250);
    expect(tied(await other.network.get(access.workspaceId))).toBe(true);
  });

  it('sees a person added by the other, and its own writes do not rebuild its network', async () => {
    await mine.network.get(access.workspaceId);
    await other.network.get(access.workspaceId);
    const person = await createPerson(mine, access, { displayName: 'Wen Elsewhere' });
    await sleep(250);
    const seen = await other.network.get(access.workspaceId);
    expect(seen.graph.indexOf.has(person.id)).toBe(true);

    // The writer patched its own network in; the counter it left is the one it absorbed.
    const patched = await mine.network.get(access.workspaceId);
    await sleep(250);
    expect(await mine.network.get(access.workspaceId)).toBe(patched);
  });

  it('answers from its network, without asking the store, between checks', async () => {
    const cache = new NetworkCache(otherStore, () => NOW, { checkEveryMs: 60_000 });
    const held = await cache.get(access.workspaceId);
    await createPerson(mine, access, { displayName: 'Not Yet Seen' });
    // Within the check interval the network is trusted: no read of the counter per answer.
    expect(await cache.get(access.workspaceId)).toBe(held);
  });
});
