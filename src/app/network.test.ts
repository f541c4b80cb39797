import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { renameCircle } from './circles';
import { type AppContext, createContext } from './context';
import { hostWithDemo } from './host.fixtures';
import { deleteMoment, logMoment } from './moments';
import type { WorkspaceNetwork } from './network';
import { NetworkCache } from './network-cache';
import { updatePerson } from './people';
import { recordTie, updateTie } from './ties';
import type { Access } from './workspaces';

const NOW = new Date('2026-11-20T12:00:00Z');

/** Each tie as "id–id" with its weight, and each person's summed weight, by person id. */
const tiesById = (network: WorkspaceNetwork) => {
  const { graph } = network;
  const ties = new Map<string, number>();
  const strength = new Map<string, number>();
  for (let i = 0; i < graph.n; i++) {
    strength.set(graph.ids[i]!, graph.strength[i]!);
    for (let k = graph.offsets[i]!; k < graph.offsets[i + 1]!; k++) {
      const j = graph.neighbors[k]!;
      if (graph.ids[i]! < graph.ids[j]!)
        ties.set(`${graph.ids[i]}–${graph.ids[j]}`, graph.weights[k]!);
    }
  }
  return { ties, strength };
};

/** The pairs who already met at the host's table, as sorted "id–id" keys. */
const metById = (network: WorkspaceNetwork): string[] =>
  [...network.model.met]
    .map((key) => {
      const i = Math.floor(key / 2 ** 26);
      const j = key % 2 ** 26;
      return [network.graph.ids[i]!, network.graph.ids[j]!].sort().join('–');
    })
    .sort();

describe.each(testDialects())('the engine network after a moment, on %s', (dialect) => {
  let store: Store;
  let ctx: AppContext;
  let access: Access;

  beforeAll(async () => {
    store = await openTestStore(dialect);
    ({ ctx, access } = await hostWithDemo(
      store,
      { people: 120, ties: 500, seed: 5 },
      { now: () => NOW },
    ));
  });
  afterAll(() => store.close());

  const expectSameTies = (patched: WorkspaceNetwork, rebuilt: WorkspaceNetwork): void => {
    expect(metById(patched)).toEqual(metById(rebuilt));
    expect(patched.graph.m).toBe(rebuilt.graph.m);
    const mine = tiesById(patched);
    const theirs = tiesById(rebuilt);
    expect([...mine.ties.keys()].sort()).toEqual([...theirs.ties.keys()].sort());
    for (const [pair, weight] of theirs.ties) expect(mine.ties.get(pair), pair).toBe(weight);
    for (const [id, sum] of theirs.strength) expect(mine.strength.get(id)).toBeCloseTo(sum, 12);
  };
  const rebuild = () => new NetworkCache(store, () => NOW).get(access.workspaceId);

  it('patches the moment in, weighing every tie exactly as a rebuild from the store would', async () => {
    const before = await ctx.network.get(access.workspaceId);
    const guests = before.people.filter((p) => !p.isSelf).slice(10, 16);
    await logMoment(ctx, access, {
      kind: 'dinner',
      occurredOn: '2026-11-14',
      attendees: [
        { personId: guests[0]!.id, mark: 'met_new' },
        { personId: guests[1]!.id, mark: 'reconnected' },
        { personId: guests[2]!.id, mark: 'met_new' },
        { personId: guests[3]!.id, mark: 'present' },
        { personId: guests[4]!.id, mark: 'present' },
        { newPerson: { displayName: 'Nadia Newcomer' }, mark: 'met_new' },
      ],
    });
    const patched = await ctx.network.get(access.workspaceId);
    // A patch, not a rebuild: the circles were kept, the newcomer joined one of their guests'.
    expect(patched.communities.subarray(0, before.graph.n)).toEqual(before.communities);
    expect(patched.graph.n).toBe(before.graph.n + 1);
    expect(patched.people.at(-1)?.displayName).toBe('Nadia Newcomer');
    const joined = patched.communities.at(-1)!;
    expect(guests.map((g) => before.communities[before.graph.indexOf.get(g.id)!])).toContain(
      joined,
    );

    expect(patched.graph.m).toBeGreaterThan(before.graph.m);
    expectSameTies(patched, await rebuild());
    // The guests who were engaged are tied now, renewed as of the dinner.
    const dinnerTie = [guests[0]!.id, guests[2]!.id].sort().join('–');
    expect(tiesById(patched).ties.get(dinnerTie)).toBeGreaterThan(0);
    // The circles are then recomputed in the background, as a rebuild finds them.
    await ctx.network.settled(access.workspaceId);
    const recomputed = await ctx.network.get(access.workspaceId);
    expect(recomputed.communities).toEqual((await rebuild()).communities);
  });

  it('renews the ties of people already known without rebuilding their profiles', async () => {
    const before = await ctx.network.get(access.workspaceId);
    const guests = before.people.filter((p) => !p.isSelf).slice(30, 34);
    // Backdated: an older sighting than some of these ties already have, which must not win.
    await logMoment(ctx, access, {
      kind: 'coffee',
      occurredOn: '2025-03-02',
      attendees: guests.map((g, k) => ({
        personId: g.id,
        mark: k === 0 ? ('reconnected' as const) : ('present' as const),
      })),
    });
    const patched = await ctx.network.get(access.workspaceId);
    expect(patched.graph.n).toBe(before.graph.n);
    expect(patched.model.index).toBe(before.model.index);
    expectSameTies(patched, await rebuild());
  });

  it('weighs a new or changed tie as a rebuild would, by its last sighting', async () => {
    const before = await ctx.network.get(access.workspaceId);
    const [a, b] = before.people.filter((p) => !p.isSelf).slice(40, 42);
    const tie = await recordTie(ctx, access, { aId: a!.id, bId: b!.id, strength: 2 });
    expectSameTies(await ctx.network.get(access.workspaceId), await rebuild());
    await updateTie(ctx, access, tie.id, { strength: 5 });
    const patched = await ctx.network.get(access.workspaceId);
    expect(patched.model.index).toBe(before.model.index);
    expectSameTies(patched, await rebuild());
  });

  it('builds the network again on a new day, when every tie has aged', async () => {
    let clock = NOW;
    const cache = new NetworkCache(store, () => clock);
    const first = await cache.get(access.workspaceId);
    expect(await cache.get(access.workspaceId)).toBe(first);
    clock = new Date(NOW.getTime() + 86_400_000);
    const next = await cache.get(access.workspaceId);
    expect(next).not.toBe(first);
    // Freshness fell for every renewed tie, and none rose.
    const before = tiesById(first).ties;
    let fell = 0;
    for (const [pair, weight] of tiesById(next).ties) {
      expect(weight).toBeLessThanOrEqual(before.get(pair)!);
      if (weight < before.get(pair)!) fell++;
    }
    expect(fell).toBeGreaterThan(0);
  });

  it('takes a deleted moment out: its table no longer counts, its sightings no longer renew', async () => {
    const before = await ctx.network.get(access.workspaceId);
    const guests = before.people.filter((p) => !p.isSelf).slice(50, 55);
    const logged = await logMoment(ctx, access, {
      kind: 'dinner',
      occurredOn: '2026-11-18',
      attendees: guests.map((g, k) => ({
        personId: g.id,
        mark: k < 2 ? ('met_new' as const) : ('present' as const),
      })),
    });
    const withDinner = await ctx.network.get(access.workspaceId);
    expect(metById(withDinner).length).toBeGreaterThan(metById(before).length);
    await deleteMoment(ctx, access, logged.moment.id);
    const patched = await ctx.network.get(access.workspaceId);
    expect(patched.circles).toBe(before.circles);
    expect(metById(patched)).toEqual(metById(before));
    expectSameTies(patched, await rebuild());
  });

  it('renames a circle in place, as a rebuild would name it', async () => {
    const fresh = createContext(store, () => NOW);
    const before = await fresh.network.get(access.workspaceId);
    const target = before.circles[1]!;
    await renameCircle(fresh, access, target.index, 'Thursday chess');
    const patched = await fresh.network.get(access.workspaceId);
    expect(patched.communities).toBe(before.communities);
    expect(patched.model.circleNames[target.index]).toBe('Thursday chess');
    const rebuilt = await rebuild();
    const names = (n: WorkspaceNetwork) => n.circles.map((c) => [c.index, c.name, c.namedByHost]);
    expect(names(patched)).toEqual(names(rebuilt));
    expect(names(patched)).toContainEqual([target.index, 'Thursday chess', true]);
  });

  // Last: it retags a circle of the shared network.
  it('keeps the name a circle had while it is the same people, though its labels changed', async () => {
    await ctx.network.changed(access.workspaceId, { kind: 'rebuild' });
    const before = await ctx.network.get(access.workspaceId);
    const target = before.circles
      .filter((c) => !c.namedByHost)
      .sort((a, b) => b.members.length - a.members.length)[0]!;
    // Everyone in the circle gets a new tag that would name it afresh.
    for (const i of target.members)
      await updatePerson(ctx, access, before.people[i]!.id, { tags: ['Tuesday bridge'] });
    await ctx.network.changed(access.workspaceId, { kind: 'rebuild' });
    const after = await ctx.network.get(access.workspaceId);
    expect(after).not.toBe(before);
    const ids = (n: WorkspaceNetwork, members: readonly number[]) =>
      members.map((i) => n.people[i]!.id).sort();
    const same = after.circles.find(
      (c) => ids(after, c.members).join() === ids(before, target.members).join(),
    );
    expect(same?.name).toBe(target.name);
    expect(same?.namedByHost).toBe(false);
    // A process that never saw the old name (a fresh cache) names the circle after the new tag.
    const fresh = await new NetworkCache(store, () => NOW).get(access.workspaceId);
    const bridge = (n: WorkspaceNetwork) =>
      n.circles.filter((c) => c.name.includes('Tuesday bridge'));
    expect(bridge(fresh)).toHaveLength(1);
    expect(bridge(after)).toEqual([]);
  });
});
