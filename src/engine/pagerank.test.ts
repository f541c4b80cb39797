import graphologyPagerank from 'graphology-metrics/centrality/pagerank';
import { describe, expect, it } from 'vitest';
import { generateSocialGraph } from '../../bench/generators/social-graph';
import { randomGraph, toGraphology } from '../../test/engine-graphs';
import { buildGraph, type CompactGraph } from './graph';
import { DEFAULTS, pagerank, pagerankDetailed } from './pagerank';

const star = (leaves: number): CompactGraph =>
  buildGraph(
    Array.from({ length: leaves + 1 }, (_, i) => `p${i}`),
    Array.from({ length: leaves }, (_, i) => ({ a: 'p0', b: `p${i + 1}`, weight: 1 })),
  );

describe('pagerank', () => {
  it('gives the centre of a star (1 + αk) / (N(1 + α)) and the leaves the rest', () => {
    const scores = pagerank(star(4), { tolerance: 1e-15, maxIterations: 1000 });
    const alpha = DEFAULTS.alpha;
    const centre = (1 + alpha * 4) / (5 * (1 + alpha));
    expect(scores[0]).toBeCloseTo(centre, 12);
    for (let i = 1; i <= 4; i++) expect(scores[i]).toBeCloseTo((1 - centre) / 4, 12);
  });

  it('agrees with graphology-metrics within 1e-6 on weighted random graphs', () => {
    for (const seed of [1, 2, 3]) {
      const graph = randomGraph(seed, 300, 700);
      const ours = pagerank(graph);
      const theirs = graphologyPagerank(toGraphology(graph), { getEdgeWeight: 'weight' });
      for (let i = 0; i < graph.n; i++)
        expect(Math.abs(ours[i]! - theirs[graph.ids[i]!]!)).toBeLessThan(1e-6);
    }
  });

  it('agrees with graphology-metrics on a social-like network with hubs', () => {
    const { graph } = generateSocialGraph({ people: 2000, ties: 10000, seed: 5 });
    const ours = pagerank(graph);
    const theirs = graphologyPagerank(toGraphology(graph), { getEdgeWeight: 'weight' });
    for (let i = 0; i < graph.n; i++)
      expect(Math.abs(ours[i]! - theirs[graph.ids[i]!]!)).toBeLessThan(1e-6);
  });

  it('agrees with graphology-metrics when ties are unweighted', () => {
    const graph = randomGraph(4, 200, 500);
    const ours = pagerank(graph, { weighted: false });
    const theirs = graphologyPagerank(toGraphology(graph), { getEdgeWeight: null });
    for (let i = 0; i < graph.n; i++)
      expect(Math.abs(ours[i]! - theirs[graph.ids[i]!]!)).toBeLessThan(1e-6);
  });

  it('sums to 1 and reports convergence', () => {
    const result = pagerankDetailed(randomGraph(9, 500, 900));
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeGreaterThan(0);
    expect(result.scores.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('says when it ran out of iterations instead of throwing', () => {
    const result = pagerankDetailed(star(10), { maxIterations: 1, tolerance: 0 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(1);
    expect(result.scores.every(Number.isFinite)).toBe(true);
  });

  it('returns nothing for an empty graph and 1 for a single person', () => {
    expect(pagerank(buildGraph([], []))).toEqual(new Float64Array(0));
    expect([...pagerank(buildGraph(['ana'], []))]).toEqual([1]);
  });

  it('shares the score evenly between people with no ties', () => {
    expect([...pagerank(buildGraph(['a', 'b', 'c', 'd'], []))]).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('scores twin components alike and isolated people lowest', () => {
    const graph = buildGraph(
      ['a', 'b', 'c', 'x', 'y', 'z', 'alone'],
      [
        { a: 'a', b: 'b', weight: 1 },
        { a: 'b', b: 'c', weight: 1 },
        { a: 'x', b: 'y', weight: 1 },
        { a: 'y', b: 'z', weight: 1 },
      ],
    );
    const scores = pagerank(graph);
    expect(scores[1]).toBeCloseTo(scores[4]!, 12);
    expect(scores[0]).toBeCloseTo(scores[5]!, 12);
    expect(Math.min(...scores)).toBe(scores[6]);
    expect([...scores].every(Number.isFinite)).toBe(true);
  });
});
