import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { createContext } from './context';
import { logMoment } from './moments';
import { mergePeople } from './people-merge';
import { createWorkspace, ownerAccess } from './workspaces';

describe.each(testDialects())('merging two people by hand on %s', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(() => store.close());

  const fresh = async () => {
    const ctx = createContext(store);
    const access = ownerAccess(
      (await store.transaction((r) => createWorkspace(r, 'Merge', null))).id,
    );
    const ws = access.workspaceId;
    const host = (await store.in(ws).people.findSelf())!;
    return { ctx, access, ws, host };
  };

  it('moves ties and moments to the survivor, folds shared ones, fills fields and deletes the other', async () => {
    const { ctx, access, ws, host } = await fresh();
    const ana = await store.in(ws).people.create({
      displayName: 'Ana Silva',
      emails: ['ana@verdant.example'],
      title: 'Partner',
      tags: ['Board'],
    });
    const dup = await store.in(ws).people.create({
      displayName: 'Ana S.',
      emails: ['ana@home.example'],
      phones: ['+14155550132'],
      organization: 'Verdant Capital',
      title: 'Managing Partner',
      tags: ['Running club'],
      notes: 'Runs the 10k every May',
    });
    const ben = await store.in(ws).people.create({ displayName: 'Ben Okafor' });
    const carla = await store.in(ws).people.create({
      displayName: 'Carla Mendes',
      introducedById: dup.id,
    });
    await store.in(ws).ties.create({
      aId: ana.id,
      bId: ben.id,
      strength: 2,
      source: 'recorded',
      since: '2022-01-01',
    });
    await store.in(ws).ties.create({
      aId: dup.id,
      bId: ben.id,
      strength: 4,
      source: 'recorded',
      since: '2019-05-01',
    });
    await store.in(ws).ties.create({ aId: dup.id, bId: carla.id, strength: 3, source: 'recorded' });
    await store.in(ws).ties.create({ aId: dup.id, bId: ana.id, strength: 1, source: 'recorded' });
    const both = await logMoment(ctx, access, {
      kind: 'dinner',
      occurredOn: '2026-10-01',
      attendees: [
        { personId: ana.id, mark: 'present' },
        { personId: dup.id, mark: 'met_new' },
      ],
    });
    const race = await logMoment(ctx, access, {
      kind: 'race',
      occurredOn: '2026-05-10',
      attendees: [{ personId: dup.id, mark: 'reconnected' }],
    });

    const result = await mergePeople(ctx, access, ana.id, dup.id);
    expect(result).toMatchObject({ tiesMoved: 2, tiesFolded: 1, momentsMoved: 1 });
    expect(result.person).toMatchObject({
      displayName: 'Ana Silva',
      title: 'Partner',
      organization: 'Verdant Capital',
      emails: ['ana@verdant.example', 'ana@home.example'],
      phones: ['+14155550132'],
      tags: ['Board', 'Running club'],
      notes: 'Runs the 10k every May',
    });
    expect(await store.in(ws).people.find(dup.id)).toBeUndefined();

    const ties = await store.in(ws).ties.ofPerson(ana.id);
    const byOther = new Map(ties.map((t) => [t.otherId, t]));
    expect([...byOther.keys()].sort()).toEqual([ben.id, carla.id, host.id].sort());
    expect(byOther.get(ben.id)).toMatchObject({ strength: 4, since: '2019-05-01' });
    expect(byOther.get(carla.id)).toMatchObject({ strength: 3 });
    expect(await store.in(ws).ties.count()).toBe(3);

    const timeline = await store.in(ws).moments.ofPerson(ana.id);
    expect(timeline.map((m) => [m.id, m.mark]).sort()).toEqual(
      [
        [both.moment.id, 'met_new'],
        [race.moment.id, 'reconnected'],
      ].sort(),
    );
    expect((await store.in(ws).moments.require(both.moment.id)).attendees).toHaveLength(1);
    expect((await store.in(ws).people.require(carla.id)).introducedById).toBe(ana.id);
  });

  it('never merges the host away, nor a person with themself', async () => {
    const { ctx, access, ws, host } = await fresh();
    const ana = await store.in(ws).people.create({ displayName: 'Ana' });
    const code = (work: Promise<unknown>) =>
      work.then(
        () => 'none',
        (e: unknown) => (isDomainError(e) ? e.code : String(e)),
      );
    expect(await code(mergePeople(ctx, access, ana.id, host.id))).toBe('invalid_input');
    expect(await code(mergePeople(ctx, access, ana.id, ana.id))).toBe('invalid_input');
    expect(await code(mergePeople(ctx, access, ana.id, 'nobody'))).toBe('not_found');
    await mergePeople(ctx, access, host.id, ana.id);
    expect(await store.in(ws).people.count()).toBe(1);
  });
});
