import { describe, expect, it } from 'vitest';
import { buildGraph, type GraphEdge } from '../graph';
import { buildModel, type PersonProfile } from '../model';
import { seatGuests } from './seating';
import { scheduleSeries } from './series';

/** Two natural tables: people 0..3 all tied (one team), 4..7 all tied (another). */
const model = (() => {
  const profiles: PersonProfile[] = Array.from({ length: 8 }, (_, i) => ({ name: `P${i}` }));
  const ids = profiles.map((_, i) => `p${i}`);
  const edges: GraphEdge[] = [];
  for (const team of [
    [0, 1, 2, 3],
    [4, 5, 6, 7],
  ])
    for (const a of team)
      for (const b of team) if (a < b) edges.push({ a: `p${a}`, b: `p${b}`, weight: 1 });
  return buildModel({ graph: buildGraph(ids, edges), profiles });
})();
const everyone = [0, 1, 2, 3, 4, 5, 6, 7];

describe('seatGuests', () => {
  it('puts the people who make the most value together at one table', () => {
    const result = seatGuests(model, everyone, [4, 4]);
    if (result.kind !== 'seated') throw new Error('not seated');
    const tables = result.tables.map((t) => t.guests.join(','));
    expect(tables.sort()).toEqual(['0,1,2,3', '4,5,6,7']);
    expect(result.tables[0]?.strongestPairs).toHaveLength(3);
  });

  it('honours apart pairs and hosts at different tables over value', () => {
    const result = seatGuests(model, everyone, [4, 4], { apart: [[0, 1]], hosts: [2, 3] });
    if (result.kind !== 'seated') throw new Error('not seated');
    const tableOf = (x: number) => result.tables.findIndex((t) => t.guests.includes(x));
    expect(tableOf(0)).not.toBe(tableOf(1));
    expect(tableOf(2)).not.toBe(tableOf(3));
  });

  it('keeps together pairs together and names constraints that cannot hold', () => {
    const result = seatGuests(model, everyone, [4, 4], { together: [[0, 5]] });
    if (result.kind !== 'seated') throw new Error('not seated');
    expect(result.tables.some((t) => t.guests.includes(0) && t.guests.includes(5))).toBe(true);
    const clash = seatGuests(model, everyone, [4, 4], { together: [[0, 1]], apart: [[0, 1]] });
    expect(clash.kind).toBe('infeasible');
    const tooMany = seatGuests(model, everyone, [3, 3]);
    expect(tooMany.kind === 'infeasible' && tooMany.conflicts[0]?.constraints).toEqual([
      'tableSizes',
    ]);
  });

  it('gives the same seating for the same seed', () => {
    expect(seatGuests(model, everyone, [3, 3, 2], { seed: 4 })).toEqual(
      seatGuests(model, everyone, [3, 3, 2], { seed: 4 }),
    );
  });
});

/** Every round holds everyone once. */
const checkRounds = (rounds: readonly (readonly (readonly number[])[])[], n: number) => {
  for (const round of rounds)
    expect(round.flat().sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
};

describe('scheduleSeries', () => {
  it('schedules 9 people in threes over 4 rounds and 16 in fours over 5 without a repeated pair', () => {
    for (const [n, size, rounds] of [
      [9, 3, 4],
      [16, 4, 5],
    ] as const) {
      const series = scheduleSeries(null, n, size, rounds, { seed: 1 });
      checkRounds(series.rounds, n);
      expect(series.repeats).toBe(0);
      expect(series.repeatedPairs).toEqual([]);
    }
  });

  it('reports repeated pairs where the numbers force them', () => {
    // 6 people in threes: each round a person meets 2 of 5 others, so 3 rounds must repeat.
    const series = scheduleSeries(null, 6, 3, 3, { seed: 2 });
    expect(series.repeatsAtLeast).toBeGreaterThan(0);
    expect(series.repeats).toBeGreaterThanOrEqual(series.repeatsAtLeast);
    expect(series.repeatedPairs.reduce((s, p) => s + p.times - 1, 0)).toBe(series.repeats);
  });

  it('keeps held rounds and regenerates the rest around them', () => {
    const held = [
      [
        [0, 1, 2],
        [3, 4, 5],
        [6, 7, 8],
      ],
    ];
    const series = scheduleSeries(null, 9, 3, 4, { seed: 3, held });
    expect(series.rounds[0]).toEqual(held[0]);
    expect(series.repeats).toBe(0);
  });

  it('prefers high-value groups when repeats tie', () => {
    const weight = (a: number, b: number) => (a % 2 === b % 2 ? 1 : 0);
    const series = scheduleSeries(weight, 8, 4, 1, { seed: 1 });
    expect(series.value).toBe(12);
  });
});
