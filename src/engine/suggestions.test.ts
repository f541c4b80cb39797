import { describe, expect, it } from 'vitest';
import { createRng, pick, randomInt } from '../domain/random';
import { buildGraph, type GraphEdge, hasTie } from './graph';
import { buildModel, type EngineModel, type PersonProfile } from './model';
import { pairScore, resolvePairValueOptions } from './pair-value';
import { introductionsToMake, suggestFor } from './suggestions';

const modelOf = (
  profiles: PersonProfile[],
  ties: Array<[number, number]>,
  extra: Partial<Parameters<typeof buildModel>[0]> = {},
): EngineModel => {
  const ids = profiles.map((_, i) => `p${i}`);
  const edges: GraphEdge[] = ties.map(([a, b]) => ({ a: `p${a}`, b: `p${b}`, weight: 1 }));
  return buildModel({ graph: buildGraph(ids, edges), profiles, ...extra });
};

/**
 * You (0) know everyone. Ana (1) is raising a seed round; Ben (2) invests in seed rounds and
 * shares Carla (3) with Ana; Eve (4) invests in seed rounds too but knows nobody else; Dan (5)
 * is Ana's colleague already; Fay (6) likes what Ana likes.
 */
const workspace = (): EngineModel =>
  modelOf(
    [
      { name: 'You' },
      { name: 'Ana', asks: ['raising a seed round'], interests: ['chess'] },
      { name: 'Ben', offers: ['invests in seed rounds'] },
      { name: 'Carla' },
      { name: 'Eve', offers: ['invests in seed rounds'] },
      { name: 'Dan', offers: ['invests in seed rounds'] },
      { name: 'Fay', interests: ['chess'] },
    ],
    [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [0, 5],
      [0, 6],
      [1, 3],
      [2, 3],
      [1, 5],
    ],
    { self: 0 },
  );

describe('suggestFor', () => {
  it('suggests people to meet with reasons, never the person, the host or someone already tied', () => {
    const model = workspace();
    const result = suggestFor(model, 1, { limit: 10 });
    const people = result.suggestions.map((s) => s.person);
    expect(people).not.toContain(0);
    expect(people).not.toContain(1);
    expect(people).not.toContain(5);
    expect(people.slice(0, 2)).toEqual([2, 4]);
    expect(people).toContain(6);
    expect(result.suggestions[0]!.name).toBe('Ben');
    expect(result.suggestions[0]!.sentence).toBe(
      'Ana is raising a seed round and Ben invests in seed rounds; they both know Carla.',
    );
    for (let k = 1; k < result.suggestions.length; k++)
      expect(result.suggestions[k - 1]!.value).toBeGreaterThanOrEqual(result.suggestions[k]!.value);
  });

  it('finds a complementary person the graph does not reach, through the term index', () => {
    const model = workspace();
    const eve = suggestFor(model, 1).suggestions.find((s) => s.person === 4);
    expect(eve?.reasons.map((r) => r.kind)).toEqual(['ask-offer']);
  });

  it('respects the limit and is deterministic', () => {
    const model = workspace();
    expect(suggestFor(model, 1, { limit: 1 }).suggestions).toHaveLength(1);
    expect(suggestFor(model, 1, { limit: 3 })).toEqual(suggestFor(model, 1, { limit: 3 }));
  });

  it('leaves out people it is told to exclude', () => {
    const people = suggestFor(workspace(), 1, { exclude: [2] }).suggestions.map((s) => s.person);
    expect(people).not.toContain(2);
    expect(people).toContain(4);
  });

  it('agrees with valuing every candidate on a random network', () => {
    const model = randomWorkspace(240, 900, 5);
    const options = resolvePairValueOptions();
    let agree = 0;
    let asked = 0;
    for (let person = 1; person < 240; person += 8) {
      let best = 0;
      for (let j = 1; j < 240; j++)
        if (j !== person && !hasTie(model.graph, person, j))
          best = Math.max(best, pairScore(model, person, j, options).value);
      const top = suggestFor(model, person, { limit: 1 }).suggestions[0];
      asked++;
      if (top && top.value >= best - 1e-12) agree++;
      expect(top?.value ?? 0).toBeGreaterThanOrEqual(best * 0.9);
    }
    // The shortlist is a heuristic; it finds the best candidate nearly always.
    expect(agree / asked).toBeGreaterThanOrEqual(0.9);
  });
});

describe('suggestFor on bad input', () => {
  it('answers an empty network with a reason', () => {
    const result = suggestFor(modelOf([], []), 0);
    expect(result.suggestions).toEqual([]);
    expect(result.reason).toBe('The network is empty.');
  });

  it('answers a network of one person, or of one person and the host, with a reason', () => {
    expect(suggestFor(modelOf([{ name: 'Ana' }], []), 0).reason).toBe(
      'Nobody else is in the network yet.',
    );
    const withHost = modelOf([{ name: 'You' }, { name: 'Ana' }], [[0, 1]], { self: 0 });
    expect(suggestFor(withHost, 1).reason).toBe('Nobody else is in the network yet.');
  });

  it('answers a person with no ties and nothing recorded with a reason', () => {
    const model = modelOf(
      [{ name: 'Ana' }, { name: 'Ben', offers: ['design'] }, { name: 'Carla' }],
      [[1, 2]],
    );
    const result = suggestFor(model, 0);
    expect(result.suggestions).toEqual([]);
    expect(result.reason).toContain('Ana has no ties and nothing recorded');
  });

  it('suggests from ties alone when nobody has tags, asks or interests', () => {
    const model = modelOf(
      [{ name: 'Ana' }, { name: 'Ben' }, { name: 'Carla' }, { name: 'Dev' }],
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    );
    const result = suggestFor(model, 0);
    expect(result.suggestions.map((s) => s.person)).toEqual([2]);
    expect(result.suggestions[0]!.sentence).toBe('They both know Ben.');
    expect(result.reason).toBe('Only one person has a reason to meet Ana.');
    expect(Number.isFinite(result.suggestions[0]!.value)).toBe(true);
  });

  it('answers someone who already knows everyone, an unknown person and limit 0 with reasons', () => {
    const model = modelOf(
      [{ name: 'Ana' }, { name: 'Ben' }],
      [
        [0, 1],
        [0, 1],
        [1, 1],
      ],
    );
    expect(suggestFor(model, 0).reason).toBe('Ana already knows everyone in the network.');
    expect(suggestFor(model, 5).reason).toBe('There is no person #5 in this network.');
    expect(suggestFor(model, 0.5).suggestions).toEqual([]);
    expect(suggestFor(workspace(), 1, { limit: 0 }).reason).toContain('limit 0');
    expect(suggestFor(workspace(), 1, { limit: Number.NaN }).suggestions.length).toBeGreaterThan(0);
  });
});

describe('introductionsToMake', () => {
  it('proposes the best pairs, at most a few per person, never tied, introduced or the host', () => {
    const model = randomWorkspace(300, 1200, 9);
    const introduced: Array<[number, number]> = [];
    const first = introductionsToMake(model, { limit: 15, perPerson: 2 });
    expect(first.introductions).toHaveLength(15);
    introduced.push([first.introductions[0]!.i, first.introductions[0]!.j]);
    const result = introductionsToMake(model, { limit: 15, perPerson: 2, introduced });
    const count = new Map<number, number>();
    for (const intro of result.introductions) {
      expect(intro.i).not.toBe(0);
      expect(intro.j).not.toBe(0);
      expect(hasTie(model.graph, intro.i, intro.j)).toBe(false);
      expect([intro.i, intro.j].sort()).not.toEqual([...introduced[0]!].sort());
      for (const p of [intro.i, intro.j]) count.set(p, (count.get(p) ?? 0) + 1);
      expect(intro.sentence.length).toBeGreaterThan(0);
      expect(intro.names).toEqual([model.profiles[intro.i]!.name, model.profiles[intro.j]!.name]);
    }
    for (const c of count.values()) expect(c).toBeLessThanOrEqual(2);
    for (let k = 1; k < result.introductions.length; k++)
      expect(result.introductions[k - 1]!.value).toBeGreaterThanOrEqual(
        result.introductions[k]!.value,
      );
    expect(introductionsToMake(model, { limit: 15, perPerson: 2, introduced })).toEqual(result);
  });

  it('answers an empty network, a lone person and a network with nothing to match with reasons', () => {
    expect(introductionsToMake(modelOf([], [])).reason).toBe('The network is empty.');
    const lone = modelOf([{ name: 'You' }, { name: 'Ana' }], [[0, 1]], { self: 0 });
    expect(introductionsToMake(lone).reason).toBe('An introduction needs two people besides you.');
    const strangers = modelOf([{ name: 'Ana' }, { name: 'Ben' }, { name: 'Carla' }], []);
    const result = introductionsToMake(strangers);
    expect(result.introductions).toEqual([]);
    expect(result.reason).toContain('No two people share a contact');
    expect(introductionsToMake(workspace(), { limit: 0 }).reason).toContain('limit 0');
  });

  it('says so when every pair with a reason is already introduced', () => {
    const model = modelOf(
      [{ name: 'Ana' }, { name: 'Ben' }, { name: 'Carla' }],
      [
        [0, 1],
        [1, 2],
      ],
    );
    const result = introductionsToMake(model, { introduced: [[2, 0]] });
    expect(result.introductions).toEqual([]);
    expect(result.reason).toBe('Every pair with a reason to meet has already been introduced.');
  });
});

/** A seeded random workspace: host 0 tied to everyone, circles, profiles from small vocabularies. */
const randomWorkspace = (n: number, ties: number, seed: number): EngineModel => {
  const rng = createRng(seed);
  const topics = ['climate', 'fintech', 'health', 'retail', 'robotics', 'music'];
  const asks = (t: string) => [`raising a seed round for ${t}`, `hiring a ${t} engineer`];
  const offers = (t: string) => [`invests in ${t} startups`, `recruits ${t} engineers`];
  const circle = Int32Array.from({ length: n }, () => randomInt(rng, 6));
  const profiles: PersonProfile[] = Array.from({ length: n }, (_, i) => {
    const topic = topics[circle[i]!]!;
    return {
      name: `Person ${i}`,
      asks: rng() < 0.4 ? [pick(rng, asks(topic))] : [],
      offers: rng() < 0.4 ? [pick(rng, offers(rng() < 0.7 ? topic : pick(rng, topics)))] : [],
      interests: [pick(rng, ['chess', 'running', 'jazz', 'cooking'])],
      location: pick(rng, ['Berlin', 'Lisbon', 'Oslo']),
    };
  });
  const pairs: Array<[number, number]> = [];
  for (let i = 1; i < n; i++) pairs.push([0, i]);
  for (let e = 0; e < ties; e++) {
    const a = 1 + randomInt(rng, n - 1);
    let b = 1 + randomInt(rng, n - 1);
    if (rng() < 0.7) {
      // Mostly inside the circle.
      for (let tries = 0; tries < 20 && circle[b] !== circle[a]; tries++)
        b = 1 + randomInt(rng, n - 1);
    }
    pairs.push([a, b]);
  }
  return modelOf(profiles, pairs, {
    self: 0,
    communityOf: circle,
    circleNames: topics.map((t) => `${t} people`),
  });
};
