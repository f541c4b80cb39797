import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/store';
import { openSharedTestStore, testDialects } from '../store/testing';
import { type AppContext, createContext } from './context';
import { hostWithDemo } from './host.fixtures';
import { NetworkCache } from './network-cache';
import { createPerson } from './people';
import { recordTie } from './ties';
import type { Access } from './workspaces';

const NOW = new Date('2026-11-20T12:00:00Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDialects())('two processes over one database, on %s', (dialect) => {
  let store: Store;
  let otherStore: Store;
  let mine: AppContext;
  let other: AppContext;
  let access: Access;

  beforeAll(async () => {
    store = await openSharedTestStore(dialect);
    ({ ctx: mine, access } = await hostWithDemo(
      store,
      { people: 60, ties: 200, seed: 7 },
      { now: () => NOW },
    ));
    // The other process: its own connection to the same database, its own engine.
    otherStore = await openStore(store.config!);
    other = createContext(otherStore, () => NOW);
  });
  afterAll(async () => {
    await otherStore.close();
    await store.close();
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

describe('the memory budget of the networks held', () => {
  it('drops the least recently used network beyond the budget, keeping the one in use', async () => {
    const store = await openSharedTestStore('sqlite');
    try {
      const first = await hostWithDemo(store, { people: 40, seed: 1 }, { email: 'a@example.com' });
      const second = await hostWithDemo(store, { people: 40, seed: 2 }, { email: 'b@example.com' });
      const [a, b] = [first.access.workspaceId, second.access.workspaceId];
      const roomy = new NetworkCache(store, () => NOW);
      await roomy.get(a);
      await roomy.get(b);
      const sizes = roomy.held();
      expect(sizes.map((h) => h.workspaceId)).toEqual([a, b]);
      expect(sizes.every((h) => h.bytes > 0)).toBe(true);

      // Room for one network: using a second drops the first; using the first again drops it.
      const tight = new NetworkCache(store, () => NOW, {
        memoryBytes: Math.max(...sizes.map((h) => h.bytes)) + 1,
      });
      const held = await tight.get(a);
      await tight.get(b);
      expect(tight.held().map((h) => h.workspaceId)).toEqual([b]);
      const again = await tight.get(a);
      expect(again).not.toBe(held);
      expect(tight.held().map((h) => h.workspaceId)).toEqual([a]);
    } finally {
      await store.close();
    }
  });
});
