import graphologyBetweenness from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { generateSocialGraph } from '../../bench/generators/social-graph';
import { randomGraph, toGraphology } from '../../test/engine-graphs';
import {
  approximateBetweenness,
  approximateBetweennessDetailed,
  betweenness,
  spearman,
  topIndices,
} from './betweenness';
import { buildGraph, type GraphEdge } from './graph';

const chain = (ids: readonly string[]): GraphEdge[] =>
  ids.slice(1).map((id, i) => ({ a: ids[i]!, b: id, weight: 1 }));

const overlap = (a: Int32Array, b: Int32Array): number => {
  const set = new Set(a);
  return [...b].filter((v) => set.has(v)).length;
};

describe('exact betweenness', () => {
  it('counts the pairs each person of a path sits between', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const graph = buildGraph(ids, chain(ids));
    expect([...betweenness(graph, { normalized: false })]).toEqual([0, 3, 4, 3, 0]);
    const normalized = betweenness(graph);
    for (const [i, v] of [0, 0.5, 4 / 6, 0.5, 0].entries())
      expect(normalized[i]).toBeCloseTo(v, 12);
  });

  it('gives the centre of a star every pair of leaves', () => {
    const ids = ['hub', 'a', 'b', 'c', 'd', 'e'];
    const graph = buildGraph(
      ids,
      ids.slice(1).map((id) => ({ a: 'hub', b: id, weight: 1 })),
    );
    expect([...betweenness(graph, { normalized: false })]).toEqual([10, 0, 0, 0, 0, 0]);
  });

  it('splits a pair between the two shortest paths of a square', () => {
    const graph = buildGraph(['a', 'b', 'c', 'd'], chain(['a', 'b', 'c', 'd', 'a']));
    expect([...betweenness(graph, { normalized: false })]).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('agrees with graphology-metrics (hop distances) on random graphs with several components', () => {
    for (const seed of [1, 2, 3]) {
      const graph = randomGraph(seed, 150, 260);
      const theirs = graphologyBetweenness(toGraphology(graph), { getEdgeWeight: null });
      const ours = betweenness(graph);
      for (let i = 0; i < graph.n; i++) expect(ours[i]).toBeCloseTo(theirs[graph.ids[i]!]!, 10);
    }
  });

  it('agrees with graphology-metrics on a social-like network', () => {
    const { graph } = generateSocialGraph({ people: 400, ties: 2000, seed: 3 });
    const theirs = graphologyBetweenness(toGraphology(graph), {
      getEdgeWeight: null,
      normalized: false,
    });
    const ours = betweenness(graph, { normalized: false });
    for (let i = 0; i < graph.n; i++) expect(ours[i]).toBeCloseTo(theirs[graph.ids[i]!]!, 6);
  });

  it('answers zeros for an empty graph, one person, two people and people without ties', () => {
    expect(betweenness(buildGraph([], []))).toEqual(new Float64Array(0));
    expect([...betweenness(buildGraph(['a'], []))]).toEqual([0]);
    expect([...betweenness(buildGraph(['a', 'b'], chain(['a', 'b'])))]).toEqual([0, 0]);
    expect([...betweenness(buildGraph(['a', 'b', 'c'], []))]).toEqual([0, 0, 0]);
  });
});

describe('approximate betweenness', () => {
  it('is exact, with a zero error bound, when every person is a source', () => {
    const graph = randomGraph(4, 120, 250);
    const result = approximateBetweennessDetailed(graph, { samples: graph.n });
    expect(result.exact).toBe(true);
    expect(result.errorBound).toBe(0);
    const exact = betweenness(graph);
    for (let i = 0; i < graph.n; i++) expect(result.scores[i]).toBeCloseTo(exact[i]!, 12);
  });

  it('is unbiased: one-source estimates averaged over every source are exact, with either scaling', () => {
    const { graph } = generateSocialGraph({ people: 60, ties: 150, seed: 4 });
    const exact = betweenness(graph);
    for (const scaling of ['linear', 'none'] as const) {
      const mean = new Float64Array(graph.n);
      for (let s = 0; s < graph.n; s++) {
        // The first draw picks the source: this rng makes it s.
        const rng = (): number => (s + 0.5) / graph.n;
        const one = approximateBetweenness(graph, { samples: 1, rng, scaling });
        for (let i = 0; i < graph.n; i++) mean[i]! += one[i]! / graph.n;
      }
      for (let i = 0; i < graph.n; i++) expect(mean[i]).toBeCloseTo(exact[i]!, 10);
    }
  });

  it('gives the same estimate for the same seed and another for another seed', () => {
    const { graph } = generateSocialGraph({ people: 800, ties: 4000, seed: 2 });
    const a = approximateBetweenness(graph, { samples: 50, seed: 11 });
    const b = approximateBetweenness(graph, { samples: 50, seed: 11 });
    const c = approximateBetweenness(graph, { samples: 50, seed: 12 });
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });

  it('stays within its reported error bound', () => {
    const { graph } = generateSocialGraph({ people: 600, ties: 3000, seed: 8 });
    const exact = betweenness(graph);
    for (const seed of [1, 2, 3]) {
      const result = approximateBetweennessDetailed(graph, { samples: 60, seed });
      expect(result.errorBound).toBeGreaterThan(0);
      let worst = 0;
      for (let i = 0; i < graph.n; i++)
        worst = Math.max(worst, Math.abs(result.scores[i]! - exact[i]!));
      expect(worst).toBeLessThanOrEqual(result.errorBound);
      expect(result.standardErrors.every((e) => Number.isFinite(e) && e >= 0)).toBe(true);
    }
  });

  it('finds ≥ 90% of the exact top 100 and ranks everyone with Spearman ≥ 0.9 on a 5k social network', () => {
    const { graph } = generateSocialGraph({ people: 5000, ties: 25000, seed: 42 });
    const exact = betweenness(graph);
    const result = approximateBetweennessDetailed(graph, { seed: 1 });
    expect(result.samples).toBeLessThan(graph.n);
    expect(overlap(topIndices(exact, 100), topIndices(result.scores, 100))).toBeGreaterThanOrEqual(
      90,
    );
    expect(spearman(exact, result.scores)).toBeGreaterThanOrEqual(0.9);
  });

  it('answers sensibly for an empty graph, one person and people without ties', () => {
    const empty = approximateBetweennessDetailed(buildGraph([], []));
    expect(empty.scores.length).toBe(0);
    expect(empty.samples).toBe(0);
    expect(Number.isFinite(empty.errorBound)).toBe(true);
    const one = approximateBetweennessDetailed(buildGraph(['a'], []));
    expect([...one.scores]).toEqual([0]);
    const loners = approximateBetweennessDetailed(buildGraph(['a', 'b', 'c', 'd'], []), {
      samples: 2,
    });
    expect([...loners.scores]).toEqual([0, 0, 0, 0]);
    expect(Number.isFinite(loners.errorBound)).toBe(true);
  });

  it('never credits a person for pairs in another component', () => {
    const graph = buildGraph(
      ['a', 'b', 'c', 'x', 'y', 'z'],
      [...chain(['a', 'b', 'c']), ...chain(['x', 'y', 'z'])],
    );
    const scores = approximateBetweenness(graph, { samples: 6, normalized: false });
    expect([...scores]).toEqual([0, 1, 0, 0, 1, 0]);
  });
});

describe('ranking helpers', () => {
  it('lists the top scores highest first, ties by index', () => {
    expect([...topIndices([0.1, 0.5, 0.5, 0.9, 0], 3)]).toEqual([3, 1, 2]);
    expect([...topIndices([1, 2], 5)]).toEqual([1, 0]);
    expect([...topIndices([], 5)]).toEqual([]);
  });

  it('correlates ranks, averaging ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([0, 0, 0], [0, 0, 0])).toBe(1);
    expect(spearman([0, 0, 0], [1, 2, 3])).toBe(0);
  });
});
