import louvain from 'graphology-communities-louvain';
import graphologyModularity from 'graphology-metrics/graph/modularity';
import { describe, expect, it } from 'vitest';
import { generateSocialGraph } from '../../bench/generators/social-graph';
import { randomGraph, toGraphology } from '../../test/engine-graphs';
import { createRng } from '../domain/random';
import {
  detectCommunities,
  detectCommunitiesDetailed,
  disconnectedCommunities,
  modularity,
} from './communities';
import { buildGraph, type CompactGraph, type GraphEdge } from './graph';

const clique = (ids: readonly string[], weight = 1): GraphEdge[] =>
  ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ a, b, weight })));

/** Two cliques of five joined by a single tie between a4 and b0. */
const barbell = (): CompactGraph => {
  const a = ['a0', 'a1', 'a2', 'a3', 'a4'];
  const b = ['b0', 'b1', 'b2', 'b3', 'b4'];
  return buildGraph([...a, ...b], [...clique(a), ...clique(b), { a: 'a4', b: 'b0', weight: 1 }]);
};

describe('detectCommunities', () => {
  it('finds the two cliques of a barbell', () => {
    const { communities, count, modularity: q } = detectCommunities(barbell());
    expect(count).toBe(2);
    expect(new Set(communities.slice(0, 5)).size).toBe(1);
    expect(new Set(communities.slice(5)).size).toBe(1);
    expect(communities[0]).not.toBe(communities[5]);
    // 21 ties: each side holds 10 inside and both have strength 21.
    expect(q).toBeCloseTo(2 * (10 / 21 - (21 / 42) ** 2), 12);
  });

  it('reaches at least graphology-communities-louvain’s modularity on social-like networks', () => {
    for (const [people, ties, seed] of [
      [1000, 5000, 1],
      [3000, 15000, 2],
    ] as const) {
      const { graph } = generateSocialGraph({ people, ties, seed });
      const ours = detectCommunities(graph, { seed });
      const theirs = louvain.detailed(toGraphology(graph), { rng: createRng(seed) });
      expect(ours.modularity).toBeGreaterThanOrEqual(theirs.modularity);
    }
  });

  it('never leaves a community internally disconnected, on random graphs of every density', () => {
    const graphs = [
      randomGraph(1, 500, 400),
      randomGraph(2, 500, 1200),
      randomGraph(3, 2000, 3000),
      randomGraph(4, 300, 3000),
      generateSocialGraph({ people: 3000, ties: 12000, seed: 9 }).graph,
    ];
    for (const [seed, graph] of graphs.entries()) {
      const result = detectCommunitiesDetailed(graph, { seed });
      expect(disconnectedCommunities(graph, result.communities)).toBe(0);
      // The refinement alone already guarantees it: nothing was left for the safety pass.
      const unpolished = detectCommunitiesDetailed(graph, { seed, polish: false });
      expect(unpolished.splits).toBe(0);
      expect(disconnectedCommunities(graph, unpolished.communities)).toBe(0);
    }
  });

  it('polishes to a modularity no lower than without the polish', () => {
    const { graph } = generateSocialGraph({ people: 2000, ties: 9000, seed: 12 });
    const polished = detectCommunities(graph, { seed: 5 });
    const plain = detectCommunities(graph, { seed: 5, polish: false });
    expect(polished.modularity).toBeGreaterThanOrEqual(plain.modularity);
  });

  it('gives the same circles for the same seed', () => {
    const { graph } = generateSocialGraph({ people: 1500, ties: 7000, seed: 4 });
    const a = detectCommunities(graph, { seed: 3 });
    const b = detectCommunities(graph, { seed: 3 });
    expect([...a.communities]).toEqual([...b.communities]);
    expect(a.modularity).toBe(b.modularity);
  });

  it('numbers communities by size, largest first', () => {
    const { graph } = generateSocialGraph({ people: 1000, ties: 4000, seed: 6 });
    const { communities, count } = detectCommunities(graph);
    const sizes = new Array<number>(count).fill(0);
    for (const c of communities) sizes[c]!++;
    for (let c = 1; c < count; c++) expect(sizes[c]).toBeLessThanOrEqual(sizes[c - 1]!);
  });

  it('returns no communities and modularity 0 for an empty graph', () => {
    expect(detectCommunities(buildGraph([], []))).toEqual({
      communities: new Int32Array(0),
      count: 0,
      modularity: 0,
    });
  });

  it('puts one person in one community', () => {
    const result = detectCommunities(buildGraph(['ana'], []));
    expect([...result.communities]).toEqual([0]);
    expect(result.modularity).toBe(0);
  });

  it('gives each person without ties a community of their own', () => {
    const graph = buildGraph(['a', 'b', 'c', 'd', 'e'], [{ a: 'a', b: 'b', weight: 1 }]);
    const { communities, count, modularity: q } = detectCommunities(graph);
    expect(count).toBe(4);
    expect(communities[0]).toBe(communities[1]);
    expect(new Set([communities[0], communities[2], communities[3], communities[4]]).size).toBe(4);
    expect(Number.isFinite(q)).toBe(true);
  });

  it('never joins two components into one community', () => {
    const graph = buildGraph(
      ['a', 'b', 'c', 'x', 'y', 'z'],
      [...clique(['a', 'b', 'c']), ...clique(['x', 'y', 'z'])],
    );
    const { communities, count } = detectCommunities(graph);
    expect(count).toBe(2);
    expect(communities[0]).not.toBe(communities[3]);
  });
});

describe('modularity', () => {
  it('agrees with graphology-metrics for any partition', () => {
    const graph = randomGraph(5, 200, 600);
    const rng = createRng(1);
    const labels = Int32Array.from({ length: graph.n }, () => Math.floor(rng() * 7));
    const theirs = graphologyModularity(toGraphology(graph), {
      getNodeCommunity: (node: string) => labels[graph.indexOf.get(node)!]!,
      getEdgeWeight: 'weight',
    });
    expect(modularity(graph, labels)).toBeCloseTo(theirs, 12);
  });

  it('is 0 for a graph without ties', () => {
    expect(modularity(buildGraph(['a', 'b'], []), new Int32Array([0, 1]))).toBe(0);
  });
});
