/**
 * Weighted PageRank over the compact graph.
 *
 * Method: power iteration, as in Page, Brin, Motwani & Winograd, "The PageRank citation
 * ranking: bringing order to the web" (Stanford, 1999). Each person passes `alpha` of their
 * score to their ties in proportion to the tie weights; the score of people with no ties
 * (dangling nodes) is spread uniformly, as is the `1 - alpha` teleport share. Iteration stops
 * when the L1 change falls below `n × tolerance` — the same rule, defaults and result as
 * graphology-metrics' `pagerank`, so the two agree to within the tolerance.
 *
 * Speed: the graph is undirected, so each score is *pulled* from the neighbours' row in CSR
 * order (sequential reads, one division per person per iteration, no Maps, no allocation
 * inside the loop).
 */
import type { CompactGraph } from './graph';

export interface PagerankOptions {
  /** Damping factor: the share of score passed along ties. */
  readonly alpha: number;
  /** Iterations before giving up (the result then says `converged: false`). */
  readonly maxIterations: number;
  /** Convergence when the L1 change of one iteration is below `n × tolerance`. */
  readonly tolerance: number;
  /** Use tie weights (true) or count every tie as 1. */
  readonly weighted: boolean;
}

export const DEFAULTS: PagerankOptions = {
  alpha: 0.85,
  maxIterations: 100,
  tolerance: 1e-6,
  weighted: true,
};

export interface PagerankResult {
  /** PageRank of each person, by graph index; sums to 1 (empty graph: empty array). */
  readonly scores: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** L1 change of the last iteration. */
  readonly error: number;
}

/** PageRank with its diagnostics: iterations, convergence and the last L1 change. */
export const pagerankDetailed = (
  graph: CompactGraph,
  options: Partial<PagerankOptions> = {},
): PagerankResult => {
  const { alpha, maxIterations, tolerance, weighted } = { ...DEFAULTS, ...options };
  const { n, offsets, neighbors, weights } = graph;
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, converged: true, error: 0 };

  const strength = weighted ? graph.strength : degrees(graph);
  const uniform = 1 / n;
  let x = new Float64Array(n).fill(uniform);
  let next = new Float64Array(n);
  // share[j] = x[j] / strength[j]: what each unit of tie weight carries from j this iteration.
  const share = new Float64Array(n);
  let iterations = 0;
  let error = 0;
  let converged = false;

  while (iterations < maxIterations) {
    iterations++;
    // Phase 1: dangling mass and per-person shares.
    let dangling = 0;
    for (let j = 0; j < n; j++) {
      const s = strength[j]!;
      if (s > 0) share[j] = x[j]! / s;
      else {
        share[j] = 0;
        dangling += x[j]!;
      }
    }
    const base = (alpha * dangling + 1 - alpha) * uniform;
    // Phase 2: pull along ties.
    error = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      const end = offsets[i + 1]!;
      if (weighted)
        for (let k = offsets[i]!; k < end; k++) acc += share[neighbors[k]!]! * weights[k]!;
      else for (let k = offsets[i]!; k < end; k++) acc += share[neighbors[k]!]!;
      const value = alpha * acc + base;
      next[i] = value;
      error += Math.abs(value - x[i]!);
    }
    const swap = x;
    x = next;
    next = swap;
    if (error < n * tolerance) {
      converged = true;
      break;
    }
  }
  return { scores: x, iterations, converged, error };
};

/** PageRank of each person, by graph index (sums to 1). */
export const pagerank = (
  graph: CompactGraph,
  options: Partial<PagerankOptions> = {},
): Float64Array => pagerankDetailed(graph, options).scores;

const degrees = (graph: CompactGraph): Float64Array => {
  const out = new Float64Array(graph.n);
  for (let i = 0; i < graph.n; i++) out[i] = graph.offsets[i + 1]! - graph.offsets[i]!;
  return out;
};
