import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../app/auth';
import { hostWithDemo } from '../app/host.fixtures';
import type { EngineWeights, EngineWeightsView } from '../contracts/engine-weights.contract';
import type { Introductions, Suggestions } from '../contracts/network.contract';
import { DEFAULTS } from '../engine/pair-value';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { createApp } from './app';
import type { Api } from './env';

type Parts = Suggestions['suggestions'][number]['parts'];

/** Pair value as the engine defines it: Σ weight·part / Σ weight. */
const pairValueOf = (parts: Parts, weights: EngineWeights): number => {
  const names = Object.keys(weights) as Array<keyof EngineWeights>;
  const total = names.reduce((sum, name) => sum + weights[name], 0);
  return names.reduce((sum, name) => sum + weights[name] * parts[name], 0) / total;
};

const WARM: EngineWeights = { ...DEFAULTS.weights, complementarity: 0, warmth: 1 };

describe.each(testDialects())('the engine weights API on %s', (dialect) => {
  let store: Store;
  let app: Api;
  let base: string;
  let host: { cookie: string };
  let viewer: { cookie: string };
  let viewersOwn: string;
  let broker: string;

  const call = async (method: string, path: string, as = host, body?: unknown) =>
    app.request(`${base}${path}`, {
      method,
      headers: { ...as, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const read = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await call(method, path, host, body);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const fieldsOf = async (res: Response) => {
    expect(res.status).toBe(400);
    return ((await res.json()) as { error: { fields: Array<{ field: string; reason: string }> } })
      .error.fields;
  };

  beforeAll(async () => {
    store = await openTestStore(dialect);
    const { ctx, access, session } = await hostWithDemo(store, {
      people: 300,
      ties: 1800,
      seed: 5,
    });
    broker = (await store.in(access.workspaceId).demoPlans.find())!.brokers[0]!;
    const other = await signUp(ctx, { email: 'viewer@example.com', password: 'a long password' });
    await store.workspaces.addMember(access.workspaceId, other.user.id, 'viewer');
    viewersOwn = (await store.workspaces.ofUser(other.user.id)).find(
      (w) => w.id !== access.workspaceId,
    )!.id;
    app = createApp(ctx);
    base = `/api/workspaces/${access.workspaceId}`;
    host = { cookie: `salon_session=${session}` };
    viewer = { cookie: `salon_session=${other.sessionSecret}` };
  });
  afterAll(() => store.close());

  it('answers the defaults before any tuning', async () => {
    const view = await read<EngineWeightsView>('GET', '/engine-weights');
    expect(view).toEqual({ weights: DEFAULTS.weights, defaults: DEFAULTS.weights });
  });

  it('makes suggestions and introductions follow the tuned weights, and resets to the defaults', async () => {
    const before = await read<Suggestions>('GET', `/people/${broker}/suggestions?limit=8`);
    for (const s of before.suggestions)
      expect(s.value).toBeCloseTo(pairValueOf(s.parts, DEFAULTS.weights), 9);

    const tuned = await read<EngineWeightsView>('PUT', '/engine-weights', { weights: WARM });
    expect(tuned).toEqual({ weights: WARM, defaults: DEFAULTS.weights });
    expect(await read<EngineWeightsView>('GET', '/engine-weights')).toEqual(tuned);

    const warm = await read<Suggestions>('GET', `/people/${broker}/suggestions?limit=8`);
    expect(warm.suggestions.length).toBeGreaterThan(0);
    for (const s of warm.suggestions) expect(s.value).toBeCloseTo(pairValueOf(s.parts, WARM), 9);
    const values = warm.suggestions.map((s) => s.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(warm.suggestions.map((s) => [s.person.id, s.value])).not.toEqual(
      before.suggestions.map((s) => [s.person.id, s.value]),
    );
    const intros = await read<Introductions>('GET', '/introductions?limit=5');
    for (const i of intros.introductions)
      expect(i.value).toBeCloseTo(pairValueOf(i.parts, WARM), 9);

    const reset = await read<EngineWeightsView>('DELETE', '/engine-weights');
    expect(reset.weights).toEqual(DEFAULTS.weights);
    const after = await read<Suggestions>('GET', `/people/${broker}/suggestions?limit=8`);
    expect(after).toEqual(before);
  });

  it('refuses a weight above 1 and all weights at 0, naming the field', async () => {
    const tooMuch = await call('PUT', '/engine-weights', host, { weights: { ...WARM, warmth: 2 } });
    expect(await fieldsOf(tooMuch)).toEqual([
      { field: 'weights.warmth', reason: 'must be a number from 0 to 1' },
    ]);
    const zeros = Object.fromEntries(Object.keys(WARM).map((name) => [name, 0]));
    const nothing = await call('PUT', '/engine-weights', host, { weights: zeros });
    expect(await fieldsOf(nothing)).toEqual([
      { field: 'weights', reason: 'at least one weight must be above 0' },
    ]);
    expect((await read<EngineWeightsView>('GET', '/engine-weights')).weights).toEqual(
      DEFAULTS.weights,
    );
  });

  it('lets a viewer read the weights but not tune or reset them', async () => {
    expect((await call('GET', '/engine-weights', viewer)).status).toBe(200);
    expect((await call('PUT', '/engine-weights', viewer, { weights: WARM })).status).toBe(403);
    expect((await call('DELETE', '/engine-weights', viewer)).status).toBe(403);
  });

  it('answers 404 for the weights of a workspace that is not yours', async () => {
    const path = `/api/workspaces/${viewersOwn}/engine-weights`;
    expect((await app.request(path, { headers: host })).status).toBe(404);
    const put = await app.request(path, {
      method: 'PUT',
      headers: { ...host, 'content-type': 'application/json' },
      body: JSON.stringify({ weights: WARM }),
    });
    expect(put.status).toBe(404);
  });
});
