import { describe, expect, it } from 'vitest';
import { buildGraph, tiePosition } from './graph';
import { applySightings, RECENCY_HALF_LIFE_DAYS, tieWeight } from './tie-weight';

describe('tie weight', () => {
  it('scales strength to (0, 1] and halves the weight of a tie never seen together', () => {
    expect(tieWeight(5, 0)).toBe(1);
    expect(tieWeight(5, null)).toBe(0.5);
    expect(tieWeight(5, RECENCY_HALF_LIFE_DAYS)).toBeCloseTo(0.75, 12);
    expect(tieWeight(1, 0)).toBeCloseTo(0.2, 12);
    expect(tieWeight(9, 0)).toBe(1);
    expect(tieWeight(3, -10)).toBe(tieWeight(3, 0));
  });

  it('renews each tie from its latest sighting, ignores untied people and updates strengths', () => {
    const never = tieWeight(5, null);
    const graph = buildGraph(
      ['a', 'b', 'c', 'd'],
      [
        { a: 'a', b: 'b', weight: never },
        { a: 'b', b: 'c', weight: never },
        { a: 'c', b: 'd', weight: never },
      ],
    );
    applySightings(graph, [
      { i: 0, j: 1, daysAgo: 800 },
      { i: 1, j: 0, daysAgo: 0 },
      { i: 0, j: 3, daysAgo: 0 },
      { i: 2, j: 3, daysAgo: RECENCY_HALF_LIFE_DAYS },
    ]);
    const weightOf = (i: number, j: number) => graph.weights[tiePosition(graph, i, j)]!;
    expect(weightOf(0, 1)).toBe(1);
    expect(weightOf(1, 0)).toBe(1);
    expect(weightOf(1, 2)).toBe(never);
    expect(weightOf(3, 2)).toBeCloseTo(0.75, 12);
    expect(tiePosition(graph, 0, 3)).toBe(-1);
    expect(Array.from(graph.strength)).toEqual([
      1,
      1 + never,
      never + weightOf(2, 3),
      weightOf(2, 3),
    ]);
  });
});
