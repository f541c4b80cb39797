import { describe, expect, it } from 'vitest';
import { randomGraph } from '../../test/engine-graphs';
import { buildGraph } from './graph';
import { withoutTie, withTies } from './graph-patch';
import {
  buildModel,
  contentWords,
  FACT,
  FACT_STRIDE,
  pairKey,
  stem,
  TERM_ROLE,
  withTiesChanged,
} from './model';
import { suggestFor } from './suggestions';

const graph = (n: number) =>
  buildGraph(
    Array.from({ length: n }, (_, i) => `p${i}`),
    [],
  );

describe('text for matching', () => {
  it('maps the forms of a word to one stem', () => {
    for (const form of ['invests', 'investor', 'investors', 'investing', 'investment'])
      expect(stem(form)).toBe('invest');
    expect(stem('raise')).toBe(stem('raising'));
    expect(stem('companies')).toBe('company');
    expect(stem('seed')).toBe('seed');
    expect(stem('business')).toBe('business');
    expect(stem('b2b')).toBe('b2b');
  });

  it('keeps content words only, folded', () => {
    expect(contentWords('Looking for a Seed-Stage investor in Zürich!')).toEqual([
      'seed',
      'stage',
      'investor',
      'zurich',
    ]);
    expect(contentWords('')).toEqual([]);
  });
});

describe('buildModel', () => {
  it('indexes asks, offers and interests by term, rarest terms weighing most', () => {
    const model = buildModel({
      graph: graph(4),
      profiles: [
        { name: 'Ana', asks: ['raising a seed round'], interests: ['jazz'] },
        { name: 'Ben', offers: ['invests in seed-stage climate companies'] },
        { name: 'Carla', offers: ['climate consulting'], interests: ['Jazz'] },
        { name: 'Dev', offers: ['climate policy'] },
      ],
    });
    const { index } = model;
    const seed = index.termOf.get('seed')!;
    const climate = index.termOf.get(stem('climate'))!;
    const jazz = index.termOf.get('jazz')!;
    const people = (list: typeof index.offerers, t: number) => [
      ...list.people.subarray(list.offsets[t]!, list.offsets[t + 1]!),
    ];
    expect(people(index.offerers, seed)).toEqual([1]);
    expect(people(index.askers, seed)).toEqual([0]);
    expect(people(index.interested, jazz)).toEqual([0, 2]);
    expect(index.idf[seed]!).toBeGreaterThan(index.idf[climate]!);
    // Ana's terms, rarest first, each with the list it opens.
    const from = index.personOffsets[0]!;
    const to = index.personOffsets[1]!;
    expect(to - from).toBe(4); // rais, seed, round (asks) and jazz (interest)
    expect(index.personRoles[to - 1]).toBe(TERM_ROLE.findsInterested);
    for (let e = from + 1; e < to; e++)
      expect(index.idf[index.personTerms[e - 1]!]!).toBeGreaterThanOrEqual(
        index.idf[index.personTerms[e]!]!,
      );
  });

  it('names people without a profile by their id, and ignores bad met pairs, goals and host', () => {
    const model = buildModel({
      graph: graph(3),
      profiles: [{ name: '  ' }],
      self: 7,
      metPairs: [
        [0, 1],
        [1, 1],
        [0, 9],
      ],
      goals: [2, -1, 5, 1.5],
    });
    expect(model.profiles.map((p) => p.name)).toEqual(['p0', 'p1', 'p2']);
    expect(model.self).toBeNull();
    expect([...model.met]).toEqual([pairKey(0, 1)]);
    expect([...model.goals]).toEqual([0, 0, 1]);
  });

  it('packs organisation, industry, place and circle as comparable integers', () => {
    const model = buildModel({
      graph: graph(3),
      profiles: [
        { name: 'a', organization: 'Acme', industry: 'Energy', location: 'Berlin, DE' },
        { name: 'b', organization: 'ACME ', industry: 'energy', location: 'berlin' },
        { name: 'c' },
      ],
      communityOf: Int32Array.from([4, 4, -3]),
    });
    const fact = (i: number, field: number) => model.facts[i * FACT_STRIDE + field];
    for (const field of [FACT.organization, FACT.industry, FACT.place, FACT.circle])
      expect(fact(0, field)).toBe(fact(1, field));
    expect(fact(2, FACT.organization)).toBe(-1);
    expect(fact(2, FACT.circle)).toBe(-1);
  });

  it('builds an empty model for an empty network', () => {
    const model = buildModel({ graph: graph(0), profiles: [] });
    expect(model.n).toBe(0);
    expect(model.index.terms).toEqual([]);
  });

  it('gives the same pair key in either order', () => {
    expect(pairKey(3, 9)).toBe(pairKey(9, 3));
    expect(pairKey(0, 1)).not.toBe(pairKey(1, 2));
  });
});

describe('withTiesChanged', () => {
  it('answers as a model built from scratch over the patched graph', () => {
    const before = randomGraph(3, 300, 1200);
    const profiles = before.ids.map((id, i) => ({
      name: id,
      asks: i % 7 === 0 ? ['raising a seed round'] : [],
      offers: i % 11 === 0 ? ['invests in seed-stage companies'] : [],
      interests: [i % 3 === 0 ? 'jazz' : 'running'],
    }));
    const communityOf = Int32Array.from(before.ids, (_, i) => i % 5);
    const model = buildModel({ graph: before, profiles, communityOf, metPairs: [[0, 1]] });
    const a = before.ids[0]!;
    const patched = withoutTie(
      withTies(before, [
        { a, b: before.ids[150]!, weight: 0.9 },
        { a: before.ids[7]!, b: before.ids[11]!, weight: 0.4 },
      ]),
      before.ids[before.neighbors[before.offsets[5]!]!]!,
      before.ids[5]!,
    );
    const met: Array<[number, number]> = [
      [0, 1],
      [7, 12],
    ];
    const changed = withTiesChanged(model, patched, met);
    const rebuilt = buildModel({ graph: patched, profiles, communityOf, metPairs: met });
    expect([...changed.met].sort()).toEqual([...rebuilt.met].sort());
    for (const person of [0, 5, 7, 11, 150])
      expect(suggestFor(changed, person, { limit: 10 })).toEqual(
        suggestFor(rebuilt, person, { limit: 10 }),
      );
  });

  it('refuses a graph of other people', () => {
    const model = buildModel({ graph: graph(3), profiles: [] });
    expect(() => withTiesChanged(model, graph(4), [])).toThrow(RangeError);
  });
});
