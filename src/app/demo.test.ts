import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../demo/generate';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { createContext } from './context';
import { loadDemo } from './demo';
import { createWorkspace, ownerAccess } from './workspaces';

describe.each(testDialects())('loading a demo network on %s', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(() => store.close());

  const freshWorkspace = async () =>
    ownerAccess((await store.transaction((r) => createWorkspace(r, 'Demo', null))).id);

  it('writes every generated person, tie and moment, with the host as the workspace self', async () => {
    const access = await freshWorkspace();
    const ctx = createContext(store, () => new Date('2026-11-26T12:00:00Z'));
    const result = await loadDemo(ctx, access, { people: 300, ties: 1200, seed: 3 });
    const expected = generateNetwork({ people: 300, ties: 1200, seed: 3, today: '2026-11-26' });
    expect(result).toMatchObject({ people: 300, ties: 1200, moments: expected.moments.length });
    expect(await store.in(access.workspaceId).people.count()).toBe(300);
    expect(await store.in(access.workspaceId).ties.count()).toBe(1200);
    expect(await store.in(access.workspaceId).moments.count()).toBe(expected.moments.length);
    const self = await store.in(access.workspaceId).people.findSelf();
    const selfTies = await store.in(access.workspaceId).ties.ofPerson(self!.id);
    expect(selfTies.length).toBe(expected.ties.filter((t) => t.a === 0 || t.b === 0).length);
  });

  it('keeps the planted brokers and circles by person id', async () => {
    const access = await freshWorkspace();
    await loadDemo(createContext(store), access, { people: 200, seed: 5 });
    const plan = await store.in(access.workspaceId).demoPlans.find();
    expect(plan?.brokers.length).toBeGreaterThanOrEqual(3);
    const brokers = await store.in(access.workspaceId).people.findMany(plan!.brokers);
    expect(brokers).toHaveLength(plan!.brokers.length);
    const members = plan!.circles.flatMap((c) => c.members);
    expect(new Set(members).size).toBe(199);
  });

  it('refuses to load into a workspace that already has people, and changes nothing', async () => {
    const access = await freshWorkspace();
    await store.in(access.workspaceId).people.create({ displayName: 'Someone real' });
    await expect(
      loadDemo(createContext(store), access, { people: 100, seed: 1 }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await store.in(access.workspaceId).people.count()).toBe(2);
  });
});
