import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import { checkGathering, type GatheringGuest } from '../domain/gathering';
import type { Store } from './store';
import { openTestStore, testDialects } from './testing';

const guest = (personId: string, locked = false): GatheringGuest => ({
  personId,
  reasons: [`why ${personId.slice(-4)}`],
  locked,
  source: 'composed',
});

const codeOf = (work: Promise<unknown>) =>
  work.then(
    () => 'none',
    (e: unknown) => (isDomainError(e) ? e.code : String(e)),
  );

describe.each(testDialects())('gatherings on %s', (dialect) => {
  let store: Store;
  let mine: string;
  let theirs: string;
  let people: string[];
  let stranger: string;

  beforeAll(async () => {
    store = await openTestStore(dialect);
    mine = (await store.workspaces.create('Mine', null)).id;
    theirs = (await store.workspaces.create('Theirs', null)).id;
    people = await store
      .in(mine)
      .people.createMany(['Ana', 'Ben', 'Carla', 'Dev'].map((displayName) => ({ displayName })));
    [stranger] = (await store.in(theirs).people.createMany([{ displayName: 'Zoe' }])) as [string];
  });
  afterAll(() => store.close());

  it('keeps a draft with its details and its guests in order, locks and reasons included', async () => {
    const fields = checkGathering({
      format: 'dinner',
      seats: 8,
      plusOnes: true,
      startsAt: '2026-12-03T19:30',
      timeZone: 'Europe/Berlin',
      place: 'At home',
      purpose: 'climate investors',
    });
    const created = await store
      .in(mine)
      .gatherings.create(fields, [guest(people[2]!, true), guest(people[0]!)]);
    expect(created).toMatchObject({
      state: 'draft',
      format: 'dinner',
      startsAt: '2026-12-03T18:30:00.000Z',
      timeZone: 'Europe/Berlin',
      plusOnes: true,
      plusOneSeats: 4,
      purpose: 'climate investors',
    });
    expect(created.guests).toEqual([guest(people[2]!, true), guest(people[0]!)]);
    const again = await store.in(mine).gatherings.require(created.id);
    expect(again).toEqual(created);
  });

  it('replaces the guest list and the details, and removes a gathering with its guests', async () => {
    const g = await store
      .in(mine)
      .gatherings.create(checkGathering({ format: 'coffee', seats: 2 }));
    const listed = await store
      .in(mine)
      .gatherings.replaceGuests(g.id, [guest(people[3]!), guest(people[1]!, true)]);
    expect(listed.guests.map((x) => x.personId)).toEqual([people[3], people[1]]);
    const updated = await store
      .in(mine)
      .gatherings.update(g.id, checkGathering({ format: 'coffee', seats: 3, title: 'Catch-up' }));
    expect(updated).toMatchObject({ seats: 3, title: 'Catch-up' });
    expect(updated.guests).toHaveLength(2);
    await store.in(mine).gatherings.remove(g.id);
    expect(await store.in(mine).gatherings.find(g.id)).toBeNull();
    expect(await codeOf(store.in(mine).gatherings.remove(g.id))).toBe('not_found');
  });

  it('lists the soonest first and drafts without a date last', async () => {
    const ws = (await store.workspaces.create('Lists', null)).id;
    const later = await store
      .in(ws)
      .gatherings.create(checkGathering({ format: 'lunch', startsAt: '2027-01-10T12:00Z' }));
    const undated = await store.in(ws).gatherings.create(checkGathering({ format: 'drinks' }));
    const sooner = await store
      .in(ws)
      .gatherings.create(checkGathering({ format: 'brunch', startsAt: '2026-12-20T10:00Z' }));
    const list = await store.in(ws).gatherings.list(10);
    expect(list.map((g) => g.id)).toEqual([sooner.id, later.id, undated.id]);
    expect(await store.in(ws).gatherings.list(2)).toHaveLength(2);
  });

  it('finds who is already on a list around a day, except the gathering being planned', async () => {
    const ws = (await store.workspaces.create('Days', null)).id;
    const [a, b] = (await store
      .in(ws)
      .people.createMany([{ displayName: 'A' }, { displayName: 'B' }])) as [string, string];
    const morning = await store
      .in(ws)
      .gatherings.create(checkGathering({ format: 'breakfast', startsAt: '2026-12-05T08:00Z' }), [
        guest(a),
      ]);
    await store
      .in(ws)
      .gatherings.create(checkGathering({ format: 'dinner', startsAt: '2026-12-06T19:00Z' }), [
        guest(b),
      ]);
    const around = await store
      .in(ws)
      .gatherings.guestsBetween('2026-12-05T00:00:00.000Z', '2026-12-05T23:59:59.999Z', null);
    expect(around).toEqual([
      expect.objectContaining({ gatheringId: morning.id, personId: a, title: 'Breakfast' }),
    ]);
    expect(
      await store
        .in(ws)
        .gatherings.guestsBetween('2026-12-05T00:00Z', '2026-12-05T23:59Z', morning.id),
    ).toEqual([]);
  });

  it('reads when each person last sat at a hosted table and last heard from the host', async () => {
    const ws = (await store.workspaces.create('Past', null)).id;
    const [a, b, c] = (await store
      .in(ws)
      .people.createMany([
        { displayName: 'A', lastContactOn: '2026-01-02' },
        { displayName: 'B' },
        { displayName: 'C' },
      ])) as [string, string, string];
    const attendees = (ids: string[]) =>
      ids.map((personId) => ({ personId, mark: 'present' as const }));
    await store.in(ws).moments.createMany([
      {
        context: 'hosted',
        kind: 'dinner',
        title: 'D1',
        occurredOn: '2026-03-01',
        attendees: attendees([a, b]),
      },
      {
        context: 'hosted',
        kind: 'lunch',
        title: 'L',
        occurredOn: '2026-05-01',
        attendees: attendees([b]),
      },
      {
        context: 'everyday',
        kind: 'wedding',
        title: 'W',
        occurredOn: '2026-06-01',
        attendees: attendees([c]),
      },
    ]);
    const tables = await store.in(ws).gatherings.lastHostedTables();
    expect(new Map(tables.map((t) => [t.personId, t.on]))).toEqual(
      new Map([
        [a, '2026-03-01'],
        [b, '2026-05-01'],
      ]),
    );
    expect(await store.in(ws).gatherings.lastContacts()).toEqual([
      { personId: a, on: '2026-01-02' },
    ]);
  });

  it("never reaches another workspace's gatherings, nor lists its people as guests", async () => {
    const g = await store
      .in(mine)
      .gatherings.create(checkGathering({ format: 'golf' }), [guest(people[0]!)]);
    expect(await store.in(theirs).gatherings.find(g.id)).toBeNull();
    expect(await codeOf(store.in(theirs).gatherings.require(g.id))).toBe('not_found');
    expect(
      await codeOf(store.in(theirs).gatherings.update(g.id, checkGathering({ format: 'golf' }))),
    ).toBe('not_found');
    expect(await codeOf(store.in(theirs).gatherings.replaceGuests(g.id, []))).toBe('not_found');
    expect(await codeOf(store.in(theirs).gatherings.remove(g.id))).toBe('not_found');
    expect((await store.in(theirs).gatherings.list(50)).map((x) => x.id)).not.toContain(g.id);
    // A person of another workspace cannot be a guest: the composite key refuses the row.
    expect(
      await codeOf(
        store
          .in(mine)
          .transaction((repos) => repos.gatherings.replaceGuests(g.id, [guest(stranger)])),
      ),
    ).toBe('not_found');
    expect((await store.in(mine).gatherings.require(g.id)).guests.map((x) => x.personId)).toEqual([
      people[0],
    ]);
  });
});
