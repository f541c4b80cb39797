import { describe, expect, it } from 'vitest';
import { buildGraph, type GraphEdge } from '../graph';
import { buildModel, type PersonProfile } from '../model';
import { pairScore, resolvePairValueOptions } from '../pair-value';
import { composeTable, explainTable, replacementsFor } from './compose';
import type { CompositionInput, CompositionResult } from './types';

/**
 * The host (0) and twelve people in two circles. Ana (1) is raising a seed round for a climate
 * company and Ben (2) invests in seed-stage climate companies; both know Carla (3). Dev (4)
 * needs a CTO and Eli (5) is a CTO. The rest (6..12) know only the host and share nothing.
 */
const model = (() => {
  const profiles: PersonProfile[] = [
    { name: 'You' },
    { name: 'Ana', asks: ['raising a seed round for a climate company'], tags: ['climate'] },
    { name: 'Ben', offers: ['invests in seed-stage climate companies'], tags: ['climate'] },
    { name: 'Carla', interests: ['trail running'] },
    { name: 'Dev', asks: ['a CTO for a logistics startup'] },
    { name: 'Eli', offers: ['CTO for logistics startups'] },
  ];
  for (let f = 6; f < 13; f++) profiles.push({ name: `Filler ${f}`, interests: [`hobby ${f}`] });
  const ids = profiles.map((_, i) => `p${i}`);
  const edges: GraphEdge[] = ids.slice(1).map((id) => ({ a: 'p0', b: id, weight: 1 }));
  edges.push({ a: 'p1', b: 'p3', weight: 1 }, { a: 'p2', b: 'p3', weight: 1 });
  const communityOf = Int32Array.from(profiles, (_, i) => (i === 0 ? -1 : i % 2));
  return buildModel({ graph: buildGraph(ids, edges), profiles, self: 0, communityOf });
})();

const reach = Float64Array.from({ length: model.n }, (_, i) => (i === 3 ? 1 : 0.1));

const composed = (result: CompositionResult) => {
  if (result.kind !== 'composed') throw new Error(JSON.stringify(result));
  return result;
};

const guestsOf = (result: CompositionResult): number[] =>
  composed(result)
    .guests.map((g) => g.index)
    .sort((a, b) => a - b);

/** The table's value as the composer defines it, from pair values and reported own values. */
const valueFrom = (result: CompositionResult): number => {
  const table = composed(result);
  const pv = resolvePairValueOptions();
  let value = table.guests.reduce((s, g) => s + g.ownValue, 0);
  for (const a of table.guests)
    for (const b of table.guests)
      if (a.index < b.index) value += pairScore(model, a.index, b.index, pv).value;
  return value;
};

describe('composeTable', () => {
  const input: CompositionInput = { seats: 4, seed: 1, maxShareFromOneCircle: 1 };

  it('seats the pairs who should meet, proves the table best among its candidates and says why', () => {
    const table = composed(composeTable(model, input));
    expect(guestsOf(table)).toEqual(expect.arrayContaining([1, 2, 4, 5]));
    expect(table.proof).toEqual({ kind: 'optimal' });
    expect(table.candidates).toBe(12);
    expect(table.value).toBeCloseTo(valueFrom(table), 9);
    const [first] = table.strongestPairs;
    expect(table.strongestPairs).toHaveLength(3);
    expect([first?.a, first?.b].sort()).toEqual([1, 2]);
    expect(first?.sentence).toContain('Ana is raising a seed round');
    const ana = table.guests.find((g) => g.index === 1);
    expect(ana?.reasons[0]).toMatch(/^Should meet Ben: /);
  });

  it('gives the same table for the same seed', () => {
    expect(composeTable(model, { ...input, seed: 7 })).toEqual(
      composeTable(model, { ...input, seed: 7 }),
    );
  });

  it('honours must, exclude, never together and the anchor', () => {
    const table = composeTable(model, {
      ...input,
      must: [8],
      exclude: [5],
      neverTogether: [[1, 2]],
      reach,
    });
    const guests = guestsOf(table);
    expect(guests).toContain(8);
    expect(guests).not.toContain(5);
    expect(guests.includes(1) && guests.includes(2)).toBe(false);
    expect(guests).toContain(3); // the only well-connected person (anchor share picks ≥ seats)
  });

  it('keeps at most half the table from one circle by default', () => {
    const guests = guestsOf(composeTable(model, { seats: 4, seed: 1 }));
    const odd = guests.filter((g) => g % 2 === 1).length;
    expect(odd).toBe(2);
  });

  it('finds the purpose words in tags and asks', () => {
    const table = composed(composeTable(model, { ...input, seats: 2, purpose: 'climate' }));
    expect(guestsOf(table)).toEqual([1, 2]);
    expect(table.guests[0]?.reasons).toContain('Fits the purpose: climate.');
  });

  it('names the conflicting constraints instead of an empty table', () => {
    const conflicts = (extra: Partial<CompositionInput>) => {
      const result = composeTable(model, { ...input, ...extra });
      if (result.kind !== 'infeasible') throw new Error('expected a conflict');
      return result.conflicts;
    };
    expect(conflicts({ seats: 2, must: [1, 2, 3] })[0]).toEqual({
      constraints: ['must', 'seats'],
      message: '3 people must be invited but the table has 2 seats.',
    });
    expect(conflicts({ must: [1, 2], neverTogether: [[2, 1]] })[0]?.constraints).toEqual([
      'must',
      'neverTogether',
    ]);
    expect(conflicts({ candidates: [] })[0]?.constraints).toEqual(['candidates']);
    expect(conflicts({ candidates: [1, 2] })[0]).toEqual({
      constraints: ['candidates', 'seats'],
      message: 'Only 2 candidates for 4 seats.',
    });
    expect(
      conflicts({ seats: 4, maxShareFromOneCircle: 0.5, must: [1, 3, 5] })[0]?.constraints,
    ).toEqual(['must', 'maxShareFromOneCircle']);
    expect(conflicts({ seats: 0 })[0]?.constraints).toEqual(['seats']);
  });

  it('reports an impossible mix of never-together pairs with the constraints involved', () => {
    const never: Array<[number, number]> = [];
    for (let a = 1; a < 13; a++) for (let b = a + 1; b < 13; b++) never.push([a, b]);
    const result = composeTable(model, { ...input, seats: 2, neverTogether: never });
    expect(result.kind).toBe('infeasible');
    if (result.kind === 'infeasible')
      expect(result.conflicts[0]?.constraints).toContain('neverTogether');
  });
});

describe('replacementsFor and explainTable', () => {
  it('offers the best three alternatives for a seat with the change in value', () => {
    const table = [1, 2, 4, 7];
    const options = replacementsFor(model, { seats: 4, maxShareFromOneCircle: 1 }, table, 7);
    expect(options).toHaveLength(3);
    expect(options[0]?.index).toBe(5); // Eli, the CTO Dev needs
    const before = explainTable(model, { seats: 4 }, table);
    const after = explainTable(model, { seats: 4 }, [1, 2, 4, 5]);
    if (before.kind !== 'composed' || after.kind !== 'composed') throw new Error('no table');
    expect(options[0]?.delta).toBeCloseTo(after.value - before.value, 9);
    for (let r = 1; r < options.length; r++)
      expect(options[r]!.delta).toBeLessThanOrEqual(options[r - 1]!.delta);
  });

  it('offers nobody who breaks a constraint', () => {
    const options = replacementsFor(
      model,
      { seats: 4, maxShareFromOneCircle: 1, neverTogether: [[5, 4]], exclude: [3] },
      [1, 2, 4, 7],
      7,
      20,
    );
    const offered = options.map((o) => o.index);
    expect(offered).not.toContain(5);
    expect(offered).not.toContain(3);
    expect(offered).not.toContain(0);
  });
});
