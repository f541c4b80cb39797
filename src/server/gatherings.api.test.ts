import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostWithDemo } from '../app/host.fixtures';
import type { ErrorBody } from '../contracts/common.contract';
import type {
  Composition,
  Gathering,
  GatheringComposition,
  Replacements,
  Seating,
  Series,
} from '../contracts/gathering.contract';
import type { Person } from '../contracts/person.contract';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { createApp } from './app';
import type { Api } from './env';

describe.each(testDialects())('the gatherings API on %s', (dialect) => {
  let store: Store;
  let app: Api;
  let base: string;
  let workspaceId: string;
  let headers: { cookie: string; 'content-type': string };

  const call = async <T>(method: string, path: string, body?: unknown) => {
    const res = await app.request(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T };
  };
  const ok = async <T>(method: string, path: string, body?: unknown, status = 200) => {
    const res = await call<T>(method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const breakfast = { format: 'breakfast', seats: 6, seed: 7 } as const;
  const ids = (c: Composition) => c.guests.map((g) => g.person.id);

  beforeAll(async () => {
    store = await openTestStore(dialect);
    const host = await hostWithDemo(
      store,
      { people: 300, seed: 11 },
      {
        now: () => new Date('2026-12-01T09:00:00Z'),
      },
    );
    app = createApp(host.ctx);
    workspaceId = host.access.workspaceId;
    base = `/api/workspaces/${workspaceId}`;
    headers = { cookie: `salon_session=${host.session}`, 'content-type': 'application/json' };
  });
  afterAll(() => store.close());

  it('proposes a breakfast for six, each guest with reasons, the strongest pairs and how sure it is', async () => {
    const table = await ok<Composition>('POST', '/gatherings/compose', breakfast);
    expect(table.guests).toHaveLength(6);
    expect(new Set(ids(table)).size).toBe(6);
    for (const g of table.guests) {
      expect(g.person.displayName).not.toBe('');
      expect(g.reasons.length).toBeGreaterThan(0);
    }
    expect(table.strongestPairs.length).toBeGreaterThan(0);
    expect(table.strongestPairs.length).toBeLessThanOrEqual(3);
    expect(table.value).toBeGreaterThan(0);
    expect(table.proofSentence).toContain(`${table.candidates} candidates`);
    // Same seed, same table.
    expect(ids(await ok<Composition>('POST', '/gatherings/compose', breakfast))).toEqual(
      ids(table),
    );
  });

  it('keeps seats for plus-ones: a dinner for 8 with plus-ones proposes 4 guests', async () => {
    const table = await ok<Composition>('POST', '/gatherings/compose', {
      format: 'dinner',
      seats: 8,
      plusOnes: true,
    });
    expect(table.seats).toBe(4);
    expect(table.guests).toHaveLength(4);
  });

  it('honours must and exclude by name or id, and recomposes around the locks', async () => {
    const first = await ok<Composition>('POST', '/gatherings/compose', breakfast);
    const [keep, drop] = [first.guests[0]!.person, first.guests[1]!.person];
    const again = await ok<Composition>('POST', '/gatherings/compose', {
      ...breakfast,
      must: [keep.displayName],
      exclude: [drop.id],
    });
    expect(ids(again)).toContain(keep.id);
    expect(ids(again)).not.toContain(drop.id);
    expect(again.guests.find((g) => g.person.id === keep.id)?.locked).toBe(true);
  });

  it('answers 409 infeasible naming the constraints in conflict, and 400 for unknown names', async () => {
    const people = await ok<{ items: Person[] }>('GET', '/people?limit=10');
    const others = people.items.filter((p) => !p.isSelf).map((p) => p.id);
    const tooMany = await call<ErrorBody>('POST', '/gatherings/compose', {
      ...breakfast,
      must: others.slice(0, 7),
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe('infeasible');
    expect(tooMany.body.error.fields?.map((f) => f.field)).toEqual(
      expect.arrayContaining(['must', 'seats']),
    );
    const apart = await call<ErrorBody>('POST', '/gatherings/compose', {
      ...breakfast,
      must: [others[0], others[1]],
      neverTogether: [[others[0], others[1]]],
    });
    expect(apart.status).toBe(409);
    expect(apart.body.error.fields?.map((f) => f.field)).toEqual(
      expect.arrayContaining(['must', 'neverTogether']),
    );
    const unknown = await call<ErrorBody>('POST', '/gatherings/compose', {
      ...breakfast,
      must: ['Nobody Ofthatname'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([
      { field: 'must.0', reason: expect.stringContaining('Nobody Ofthatname') },
    ]);
    const seats = await call<ErrorBody>('POST', '/gatherings/compose', {
      format: 'breakfast',
      seats: 9,
    });
    expect(seats.status).toBe(400);
    expect(seats.body.error.fields).toEqual([
      { field: 'seats', reason: 'a breakfast seats 2 to 6 guests besides you' },
    ]);
    const bad = await call<ErrorBody>('POST', '/gatherings/compose', { format: 'picnic' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]?.field).toBe('format');
  });

  it('offers three replacements for one seat with the change in value, and explains the new table', async () => {
    const table = await ok<Composition>('POST', '/gatherings/compose', breakfast);
    const seat = table.guests[2]!.person.id;
    const found = await ok<Replacements>('POST', '/gatherings/replacements', {
      ...breakfast,
      table: ids(table),
      seat,
    });
    expect(found.seat.id).toBe(seat);
    expect(found.replacements).toHaveLength(3);
    const deltas = found.replacements.map((r) => r.delta);
    expect([...deltas].sort((a, b) => b - a)).toEqual(deltas);
    for (const r of found.replacements) expect(ids(table)).not.toContain(r.person.id);
    const swapped = ids(table).map((id) => (id === seat ? found.replacements[0]!.person.id : id));
    const explained = await ok<Composition>('POST', '/gatherings/explain', {
      ...breakfast,
      table: swapped,
    });
    expect(new Set(ids(explained))).toEqual(new Set(swapped));
    expect(explained.value).toBeCloseTo(table.value + found.replacements[0]!.delta, 6);
  });

  it('saves a composed table as a draft in one transaction, never a partial save', async () => {
    const table = await ok<Composition>('POST', '/gatherings/compose', breakfast);
    const guests = table.guests.map((g) => ({
      personId: g.person.id,
      reasons: g.reasons,
      source: 'composed' as const,
    }));
    const before = (await ok<Gathering[]>('GET', '/gatherings')).length;
    const refused = await call<ErrorBody>('POST', '/gatherings', {
      ...breakfast,
      seed: undefined,
      guests: [...guests.slice(0, 5), { personId: 'not-a-person' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      { field: 'guests.5.personId', reason: 'no such person in this workspace' },
    ]);
    expect(await ok<Gathering[]>('GET', '/gatherings')).toHaveLength(before);

    const saved = await ok<Gathering>(
      'POST',
      '/gatherings',
      {
        format: 'breakfast',
        seats: 6,
        title: 'Climate breakfast',
        startsAt: '2026-12-10T08:00',
        timeZone: 'Europe/Berlin',
        guests,
      },
      201,
    );
    expect(saved).toMatchObject({
      state: 'draft',
      title: 'Climate breakfast',
      startsAt: '2026-12-10T07:00:00.000Z',
      localStart: '2026-12-10T08:00',
      invitedSeats: 6,
    });
    expect(saved.guests.map((g) => g.personId)).toEqual(ids(table));
    expect(saved.guests[0]!.reasons).toEqual(table.guests[0]!.reasons);
    expect((await ok<Gathering>('GET', `/gatherings/${saved.id}`)).guests).toHaveLength(6);
  });

  it('changes, picks guests by hand, locks, recomposes around the lock, and deletes', async () => {
    const people = (await ok<{ items: Person[] }>('GET', '/people?limit=20')).items.filter(
      (p) => !p.isSelf,
    );
    const draft = await ok<Gathering>('POST', '/gatherings', { format: 'lunch', seats: 4 }, 201);
    const picked = await ok<Gathering>('PUT', `/gatherings/${draft.id}/guests`, {
      guests: [{ personId: people[0]!.id, locked: true }, { personId: people[1]!.id }],
    });
    expect(picked.guests.map((g) => [g.person.displayName, g.locked, g.source])).toEqual([
      [people[0]!.displayName, true, 'picked'],
      [people[1]!.displayName, false, 'picked'],
    ]);
    const fewer = await call<ErrorBody>('PATCH', `/gatherings/${draft.id}`, { seats: 1 });
    expect(fewer.status).toBe(400);
    expect(fewer.body.error.fields?.[0]?.field).toBe('seats');
    const moved = await ok<Gathering>('PATCH', `/gatherings/${draft.id}`, {
      place: 'Café Lumen',
      startsAt: '2026-12-11T12:30Z',
    });
    expect(moved).toMatchObject({ place: 'Café Lumen', seats: 4, format: 'lunch' });

    const recomposed = await ok<GatheringComposition>('POST', `/gatherings/${draft.id}/compose`, {
      save: true,
    });
    expect(recomposed.composition.guests).toHaveLength(4);
    expect(recomposed.gathering?.guests.map((g) => g.personId)).toContain(people[0]!.id);
    expect(recomposed.gathering?.guests.find((g) => g.personId === people[0]!.id)?.locked).toBe(
      true,
    );

    const twice = await call<ErrorBody>('PUT', `/gatherings/${draft.id}/guests`, {
      guests: [{ personId: people[2]!.id }, { personId: people[2]!.id }],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields).toEqual([
      { field: 'guests.1.personId', reason: 'is already on the list' },
    ]);
    await ok('DELETE', `/gatherings/${draft.id}`, undefined, 204);
    expect((await call('GET', `/gatherings/${draft.id}`)).status).toBe(404);
  });

  it('leaves out people already invited to another gathering that day', async () => {
    const table = await ok<Composition>('POST', '/gatherings/compose', {
      ...breakfast,
      startsAt: '2026-12-15T08:00',
      timeZone: 'Europe/Berlin',
    });
    await ok(
      'POST',
      '/gatherings',
      {
        format: 'dinner',
        startsAt: '2026-12-15T19:00',
        timeZone: 'Europe/Berlin',
        guests: table.guests.slice(0, 3).map((g) => ({ personId: g.person.id })),
      },
      201,
    );
    const busy = table.guests.slice(0, 3).map((g) => g.person.id);
    const sameDay = await ok<Composition>('POST', '/gatherings/compose', {
      ...breakfast,
      startsAt: '2026-12-15T08:00',
      timeZone: 'Europe/Berlin',
    });
    for (const id of busy) expect(ids(sameDay)).not.toContain(id);
    const nextDay = await ok<Composition>('POST', '/gatherings/compose', {
      ...breakfast,
      startsAt: '2026-12-16T08:00',
      timeZone: 'Europe/Berlin',
    });
    expect(ids(nextDay)).toEqual(ids(table));
  });

  it('seats a gathering over tables, the host at one of them, with every pair value', async () => {
    const table = await ok<Composition>('POST', '/gatherings/compose', {
      format: 'outing',
      seats: 11,
    });
    const g = await ok<Gathering>(
      'POST',
      '/gatherings',
      { format: 'outing', seats: 11, guests: table.guests.map((x) => ({ personId: x.person.id })) },
      201,
    );
    const seating = await ok<Seating>('POST', `/gatherings/${g.id}/seating`, { tables: [6, 6] });
    expect(seating.tables.map((t) => t.people.length).reduce((a, b) => a + b)).toBe(12);
    expect(seating.tables.flatMap((t) => t.people).filter((p) => p.isHost)).toHaveLength(1);
    for (const t of seating.tables) expect(t.people.length).toBeLessThanOrEqual(6);
    expect(seating.pairs).toHaveLength((12 * 11) / 2);
    const tooSmall = await call<ErrorBody>('POST', `/gatherings/${g.id}/seating`, {
      tables: [4, 4],
    });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.body.error.fields?.[0]?.field).toBe('tables');
  });

  it('schedules a series from a tagged pool, and names a pool nobody is in', async () => {
    const people = await store.in(workspaceId).people.all();
    const tagCount = new Map<string, number>();
    for (const p of people) for (const t of p.tags) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
    const [tag, count] = [...tagCount].sort((a, b) => b[1] - a[1])[0]!;
    const series = await ok<Series>('POST', '/series', { pool: tag, size: 4, rounds: 3 });
    expect(series.poolSize).toBe(count);
    expect(series.rounds).toHaveLength(3);
    for (const round of series.rounds) {
      const seen = round.flat().map((p) => p.id);
      expect(new Set(seen).size).toBe(count);
    }
    expect(series.repeats).toBeGreaterThanOrEqual(series.repeatsAtLeast);
    const nobody = await call<ErrorBody>('POST', '/series', {
      pool: 'no such tag',
      size: 4,
      rounds: 3,
    });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.fields).toEqual([
      expect.objectContaining({ field: 'pool', reason: 'nobody is tagged “no such tag”' }),
      expect.objectContaining({ field: 'size' }),
    ]);
  });

  it('documents every gathering route in the OpenAPI document', async () => {
    const res = await app.request('/api/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/api/workspaces/{workspaceId}/gatherings',
      '/api/workspaces/{workspaceId}/gatherings/compose',
      '/api/workspaces/{workspaceId}/gatherings/explain',
      '/api/workspaces/{workspaceId}/gatherings/replacements',
      '/api/workspaces/{workspaceId}/gatherings/{id}',
      '/api/workspaces/{workspaceId}/gatherings/{id}/guests',
      '/api/workspaces/{workspaceId}/gatherings/{id}/compose',
      '/api/workspaces/{workspaceId}/gatherings/{id}/seating',
      '/api/workspaces/{workspaceId}/series',
    ])
      expect(doc.paths[path], path).toBeDefined();
  });
});
