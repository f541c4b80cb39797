import { describe, expect, it } from 'vitest';
import { createRng } from '../../domain/random';
import { rootBound, solveExact } from './exact';
import { solveHeuristic } from './heuristic';
import { InstanceError, instanceFromSparse, isFeasible, tableValue } from './instance';
import type { TableInstance } from './types';

/** Random instance: weights with the given density, gains up to 0.5. */
const randomInstance = (seed: number, n: number, k: number, density: number): TableInstance => {
  const rng = createRng(seed);
  const weights = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (rng() < density) {
        const w = rng();
        weights[i * n + j] = w;
        weights[j * n + i] = w;
      }
  const gain = Float64Array.from({ length: n }, () => rng() * 0.5);
  return { n, k, weights, gain, must: [], never: [] };
};

/** The optimum by trying every feasible k-subset (small n only). */
const bruteForce = (instance: TableInstance): number => {
  let best = -Infinity;
  const chosen: number[] = [];
  const walk = (from: number): void => {
    if (chosen.length === instance.k) {
      if (isFeasible(instance, chosen)) best = Math.max(best, tableValue(instance, chosen));
      return;
    }
    for (let x = from; x < instance.n; x++) {
      chosen.push(x);
      walk(x + 1);
      chosen.pop();
    }
  };
  walk(0);
  return best;
};

describe('the table solvers', () => {
  it('find the known optimum of a hand-built instance: the heavy triangle beats the heavy pair', () => {
    // 0–1 weigh 5 (the best pair), but 2, 3, 4 weigh 3 each way: 9 for the triangle.
    const instance = instanceFromSparse({
      n: 6,
      k: 3,
      weights: [
        [0, 1, 5],
        [2, 3, 3],
        [2, 4, 3],
        [3, 4, 3],
        [0, 2, 1],
      ],
    });
    expect(solveExact(instance).chosen).toEqual([2, 3, 4]);
    expect(solveExact(instance).value).toBe(9);
    expect(solveExact(instance).proof).toEqual({ kind: 'optimal' });
    expect(solveHeuristic(instance).chosen).toEqual([2, 3, 4]);
    // Greedy alone takes the heavy pair first and misses it.
    expect(solveHeuristic(instance, { greedyOnly: true }).value).toBeLessThan(9);
  });

  it('match brute force on small random instances, dense and sparse, with constraints', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const base = randomInstance(seed, 13, 5, seed % 2 ? 1 : 0.3);
      const instance: TableInstance = {
        ...base,
        must: [seed % 13],
        never: [
          [1, 2],
          [3, 4],
        ],
        groupOf: Int32Array.from({ length: 13 }, (_, i) => i % 3),
        maxPerGroup: 2,
        anchors: [5, 6],
      };
      const optimum = bruteForce(instance);
      const exact = solveExact(instance);
      const heuristic = solveHeuristic(instance, { seed });
      expect(exact.value).toBeCloseTo(optimum, 9);
      expect(isFeasible(instance, exact.chosen)).toBe(true);
      expect(heuristic.value).toBeCloseTo(optimum, 9);
      expect(isFeasible(instance, heuristic.chosen)).toBe(true);
    }
  });

  it('give the same table for the same seed', () => {
    const instance = randomInstance(5, 60, 8, 0.2);
    expect(solveHeuristic(instance, { seed: 3 })).toEqual(solveHeuristic(instance, { seed: 3 }));
  });

  it('bound the optimum from above, and report a gap when the node budget runs out', () => {
    const instance = randomInstance(9, 60, 8, 0.5);
    const proven = solveExact(instance);
    expect(proven.proof).toEqual({ kind: 'optimal' });
    expect(rootBound(instance)).toBeGreaterThanOrEqual(proven.value);
    const cut = solveExact(instance, { maxNodes: 1, incumbent: [0, 1, 2, 3, 4, 5, 6, 7] });
    expect(cut.proof.kind).toBe('gap');
    if (cut.proof.kind === 'gap')
      expect(cut.value + cut.proof.atMost).toBeGreaterThanOrEqual(proven.value - 1e-9);
  });

  it('answer an infeasible instance with an empty table', () => {
    const instance: TableInstance = {
      ...randomInstance(2, 6, 3, 1),
      must: [0, 1],
      never: [[0, 1]],
    };
    expect(solveHeuristic(instance).chosen).toEqual([]);
    expect(solveExact(instance).chosen).toEqual([]);
  });

  it('name what is wrong in a bad sparse instance', () => {
    const bad = (sparse: object): string => {
      try {
        instanceFromSparse(sparse as never);
        return 'accepted';
      } catch (error) {
        return error instanceof InstanceError ? error.message : 'other';
      }
    };
    expect(bad({ n: 3, k: 2, weights: [[0, 3, 1]] })).toBe('weights[0][1]: 3 is not a person 0…2');
    expect(bad({ n: 3, k: 2, weights: [[0, 1, Number.NaN]] })).toBe(
      'weights[0]: weight NaN is not a finite number',
    );
    expect(bad({ n: 3, k: 2, weights: [], must: [7] })).toBe('must[0]: 7 is not a person 0…2');
    expect(bad({ n: 3, k: 2, weights: [], gain: [1] })).toBe('gain: has 1 entries, expected 3');
    expect(bad({ n: 3, k: 2, weights: [], never: [[1, 1]] })).toBe(
      'never[0]: a pair of one person',
    );
  });
});
