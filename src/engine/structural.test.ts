import { describe, expect, it } from 'vitest';
import { createRng, randomInt } from '../domain/random';
import { buildGraph, type CompactGraph, type GraphEdge, hasTie } from './graph';
import {
  aa,
  cn,
  commonNeighbors,
  createIndexScorer,
  createSourceScanner,
  createStructuralScorer,
  jaccard,
  LINK_INDEXES,
  type LinkIndex,
  lp,
  missingTiePrior,
  pa,
  paths3,
  priorTerm,
  ra,
  ra3,
} from './structural';

const graphOf = (n: number, pairs: ReadonlyArray<readonly [number, number]>): CompactGraph => {
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const edges: GraphEdge[] = pairs.map(([a, b]) => ({ a: `p${a}`, b: `p${b}`, weight: 1 }));
  return buildGraph(ids, edges);
};

/**
 * 0 — 1 — 3 — 4
 *  \  |  /
 *   — 2 —
 * Degrees: 0:2, 1:3, 2:3, 3:3, 4:1.
 */
const small = graphOf(5, [
  [0, 1],
  [0, 2],
  [1, 2],
  [1, 3],
  [2, 3],
  [3, 4],
]);

const randomGraph = (n: number, m: number, seed: number): CompactGraph => {
  const rng = createRng(seed);
  const pairs: Array<[number, number]> = [];
  for (let e = 0; e < m; e++) pairs.push([randomInt(rng, n), randomInt(rng, n)]);
  return graphOf(n, pairs);
};

describe('the baseline indices on a hand-built graph', () => {
  it('count the two common neighbours of 0 and 3 as CN, AA, RA, Jaccard and PA say', () => {
    expect(commonNeighbors(small, 0, 3)).toEqual([1, 2]);
    expect(cn(small, 0, 3)).toBe(2);
    expect(aa(small, 0, 3)).toBeCloseTo(2 / Math.log(3), 12);
    expect(ra(small, 0, 3)).toBeCloseTo(2 / 3, 12);
    expect(jaccard(small, 0, 3)).toBeCloseTo(2 / 3, 12);
    expect(pa(small, 0, 3)).toBe(6);
  });

  it('count the paths of length three for LP and RA3', () => {
    // 0–1–2–3 and 0–2–1–3; for 0 and 4: 0–1–3–4 and 0–2–3–4.
    expect(paths3(small, 0, 3)).toBe(2);
    expect(lp(small, 0, 3)).toBeCloseTo(2.02, 12);
    expect(ra3(small, 0, 3)).toBeCloseTo(2 / 9, 12);
    expect(paths3(small, 0, 4)).toBe(2);
    expect(cn(small, 0, 4)).toBe(0);
    expect(ra3(small, 0, 4)).toBeCloseTo(2 / 9, 12);
  });

  it('answer 0 for people with no ties, never NaN', () => {
    const g = graphOf(3, [[0, 1]]);
    expect(cn(g, 0, 2)).toBe(0);
    expect(aa(g, 0, 2)).toBe(0);
    expect(ra(g, 0, 2)).toBe(0);
    expect(jaccard(g, 2, 2)).toBe(0);
    expect(pa(g, 0, 2)).toBe(0);
    expect(lp(g, 0, 2)).toBe(0);
  });
});

describe('batch scoring from one source', () => {
  const g = randomGraph(60, 240, 3);
  const perPair: Record<Exclude<LinkIndex, 'engine'>, (i: number, j: number) => number> = {
    cn: (i, j) => cn(g, i, j),
    aa: (i, j) => aa(g, i, j),
    ra: (i, j) => ra(g, i, j),
    lp: (i, j) => lp(g, i, j),
    jaccard: (i, j) => jaccard(g, i, j),
    pa: (i, j) => pa(g, i, j),
  };

  it('gives the same value as the per-pair functions for every index and pair', () => {
    const targets = Int32Array.from({ length: g.n }, (_, j) => j);
    const out = new Float64Array(g.n);
    for (const index of LINK_INDEXES) {
      if (index === 'engine') continue;
      const scorer = createIndexScorer(g, index);
      for (let i = 0; i < g.n; i += 7) {
        scorer.scoreFrom(i, targets, g.n, out);
        for (let j = 0; j < g.n; j++) {
          if (j === i || hasTie(g, i, j)) continue;
          expect(out[j]).toBeCloseTo(perPair[index](i, j), 10);
        }
      }
    }
  });

  it('gives the engine score RA + RA3 + prior, the same from either end', () => {
    const scorer = createStructuralScorer(g);
    const targets = Int32Array.from({ length: g.n }, (_, j) => j);
    const out = new Float64Array(g.n);
    scorer.scoreFrom(5, targets, g.n, out);
    for (const j of [1, 9, 17, 33, 59]) {
      const d = scorer.detailed(5, j);
      expect(d.ra).toBeCloseTo(ra(g, 5, j), 12);
      expect(d.ra3).toBeCloseTo(ra3(g, 5, j), 12);
      expect(d.score).toBeCloseTo(d.ra + d.ra3 + d.prior, 12);
      expect(out[j]).toBeCloseTo(d.score, 12);
      expect(scorer.score(j, 5)).toBeCloseTo(d.score, 12);
    }
  });

  it('limits a scan by visits and middle degree, and counts the middles it followed', () => {
    const scanner = createSourceScanner(small);
    const full = scanner.scan(0);
    expect(full.middlesVisited).toBe(2);
    expect(full.ra[3]).toBeCloseTo(2 / 3, 12);
    const limited = scanner.scan(0, { maxVisits: 1 });
    expect(limited.middlesVisited).toBe(1);
    expect(limited.ra[3]).toBeCloseTo(1 / 3, 12);
    const noHubs = scanner.scan(0, { maxMiddleDegree: 2 });
    expect(noHubs.reachedCount).toBe(0);
  });
});

describe('the engine score', () => {
  it('ranks a pair with common contacts above one with only longer paths, and that above none', () => {
    const scorer = createStructuralScorer(small);
    expect(scorer.score(0, 3)).toBeGreaterThan(scorer.score(0, 4));
    const g = graphOf(7, [
      [0, 1],
      [1, 2],
      [2, 3],
      [4, 5],
      [5, 6],
    ]);
    const s = createStructuralScorer(g);
    // 0 and 3: a path of length three; 0 and 6: no path at all.
    expect(s.detailed(0, 3).ra3).toBeGreaterThan(0);
    expect(s.score(0, 3)).toBeGreaterThan(s.score(0, 6));
  });

  it('gives a pair with an unmapped person the prior on RA’s scale, above the last resort', () => {
    // Person 6 has no ties; 0 and 4 are mapped but far apart.
    const g = graphOf(7, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [1, 5],
    ]);
    const s = createStructuralScorer(g);
    const unmapped = s.detailed(6, 1);
    expect(unmapped.ra + unmapped.ra3).toBe(0);
    expect(unmapped.prior).toBeGreaterThan(0);
    const mapped = s.detailed(0, 4);
    expect(mapped.ra).toBe(0);
    // Without the prior the engine is RA + RA3 alone.
    const plain = createStructuralScorer(g, { prior: false });
    expect(plain.detailed(6, 1).score).toBe(0);
    expect(plain.score(0, 3)).toBeCloseTo(ra(g, 0, 3) + ra3(g, 0, 3), 12);
  });

  it('keeps the last resort below the smallest possible path term', () => {
    const g = randomGraph(80, 300, 11);
    const prior = missingTiePrior(g);
    // A path term is at least 1/(k_u·k_v) ≥ 1/k_max².
    const smallest = 1 / (prior.maxDegree * prior.maxDegree);
    for (let ki = 1; ki <= prior.maxDegree; ki++)
      if (prior.byDegree[ki]! > 0) expect(priorTerm(prior, ki, ki)).toBeLessThan(smallest);
  });

  it('is deterministic', () => {
    const g = randomGraph(50, 150, 5);
    const a = createStructuralScorer(g);
    const b = createStructuralScorer(g);
    for (let i = 0; i < 50; i += 3)
      for (let j = 0; j < 50; j += 5) expect(a.score(i, j)).toBe(b.score(i, j));
  });
});

describe('the prior over unrecorded ties', () => {
  it('expects about one unrecorded tie of someone with none, and k·ρ/(1−ρ) of a well-mapped person', () => {
    const g = randomGraph(400, 4000, 7);
    const prior = missingTiePrior(g, 0.1);
    expect(prior.byDegree[0] ?? 0).toBe(0); // nobody has degree 0 here, so it is not computed
    const rng = createRng(9);
    const withIsolated = graphOf(
      401,
      Array.from({ length: 4000 }, () => [randomInt(rng, 400), randomInt(rng, 400)] as const),
    );
    const h = missingTiePrior(withIsolated, 0.1);
    expect(h.byDegree[0]).toBeGreaterThanOrEqual(1);
    const k = h.maxDegree;
    expect(h.byDegree[k]! / ((k * 0.1) / 0.9)).toBeGreaterThan(0.5);
    expect(h.byDegree[k]! / ((k * 0.1) / 0.9)).toBeLessThan(2);
    expect(Number.isFinite(h.total)).toBe(true);
  });

  it('stays finite on an empty graph and a graph without ties', () => {
    for (const g of [graphOf(0, []), graphOf(3, [])]) {
      const prior = missingTiePrior(g);
      expect(Number.isFinite(prior.total)).toBe(true);
      const scorer = createStructuralScorer(g);
      if (g.n === 3) {
        expect(Number.isFinite(scorer.score(0, 1))).toBe(true);
        expect(scorer.detailed(0, 1).commonNeighbors).toBe(0);
      }
    }
  });

  it('ignores duplicate ties and self-ties (the graph builder drops them)', () => {
    const g = graphOf(3, [
      [0, 1],
      [1, 0],
      [0, 1],
      [2, 2],
      [1, 2],
    ]);
    expect(g.m).toBe(2);
    expect(cn(g, 0, 2)).toBe(1);
    expect(createStructuralScorer(g).detailed(0, 2).ra).toBeCloseTo(0.5, 12);
  });
});
