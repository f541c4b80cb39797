import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostWithDemo } from '../app/host.fixtures';
import type { Circles, NetworkMap, ReachList, Suggestions } from '../contracts/network.contract';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { createApp } from './app';
import type { Api } from './env';

describe.each(testDialects())('the network API on %s', (dialect) => {
  let store: Store;
  let app: Api;
  let base: string;
  let headers: { cookie: string };
  let brokers: readonly string[];

  const get = async <T>(path: string): Promise<T> => {
    const res = await app.request(`${base}${path}`, { headers });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    store = await openTestStore(dialect);
    const host = await hostWithDemo(store, { people: 400, ties: 2400, seed: 11 });
    brokers = (await store.in(host.access.workspaceId).demoPlans.find())!.brokers;
    app = createApp(host.ctx);
    base = `/api/workspaces/${host.access.workspaceId}`;
    headers = { cookie: `salon_session=${host.session}` };
  });
  afterAll(() => store.close());

  it('suggests whom a person should meet, each with a plain sentence, none already tied', async () => {
    const broker = brokers[0]!;
    const result = await get<Suggestions>(`/people/${broker}/suggestions?limit=5`);
    expect(result.suggestions.length).toBe(5);
    const tied = new Set(
      ((await get<Array<{ otherId: string }>>(`/people/${broker}/ties`)) ?? []).map(
        (t) => t.otherId,
      ),
    );
    for (const s of result.suggestions) {
      expect(s.sentence.length).toBeGreaterThan(10);
      expect(tied.has(s.person.id)).toBe(false);
      expect(s.value).toBeGreaterThan(0);
    }
  });

  it('stops suggesting a pair once they are tied, without rebuilding from the store', async () => {
    const person = brokers[1]!;
    const before = await get<Suggestions>(`/people/${person}/suggestions?limit=3`);
    const first = before.suggestions[0]!.person.id;
    const res = await app.request(`${base}/ties`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ aId: person, bId: first, strength: 3 }),
    });
    expect(res.status).toBe(201);
    const after = await get<Suggestions>(`/people/${person}/suggestions?limit=3`);
    expect(after.suggestions.map((s) => s.person.id)).not.toContain(first);
  });

  it('ranks the planted brokers among the movers and shakers, with what makes each well connected', async () => {
    const reach = await get<ReachList>('/reach?top=40');
    const top = reach.people.map((p) => p.person.id);
    const found = brokers.filter((b) => top.includes(b));
    expect(found.length).toBeGreaterThanOrEqual(Math.ceil(brokers.length / 2));
    expect(reach.people[0]!.explanation).toMatch(/contacts/);
    expect(reach.people[0]!.rank).toBe(1);
  });

  it('lists named circles and keeps a host-given name when they are recomputed', async () => {
    const circles = await get<Circles>('/circles');
    expect(circles.circles.length).toBeGreaterThan(2);
    expect(circles.modularity).toBeGreaterThan(0.2);
    const target = circles.circles[0]!;
    const res = await app.request(`${base}/circles/${target.id}/name`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'My favourite people' }),
    });
    expect(res.status).toBe(200);
    const again = await get<Circles>('/circles');
    const renamed = again.circles.find((c) => c.name === 'My favourite people');
    expect(renamed?.namedByHost).toBe(true);
    expect(renamed?.size).toBe(target.size);
  });

  it('draws at most the requested number of people on the map, with ties among them only', async () => {
    const map = await get<NetworkMap>('/map?limit=100');
    expect(map.nodes).toHaveLength(100);
    expect(map.total.people).toBe(400);
    for (const [s, t] of map.edges) {
      expect(s).toBeLessThan(100);
      expect(t).toBeLessThan(100);
    }
    expect(map.nodes.filter((n) => n.isSelf)).toHaveLength(1);
  });

  it('answers 404 for a person of no workspace of yours', async () => {
    const res = await app.request(`${base}/people/nobody/suggestions`, { headers });
    expect(res.status).toBe(404);
  });
});
