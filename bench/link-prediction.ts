/**
 * The link-prediction protocol of Lü & Zhou ("Link prediction in complex networks: a survey",
 * Physica A 390 (2011) 1150–1170), as the datasets README states it:
 *
 * - read an edge list: whitespace-separated fields, the first two are node ids, the graph is
 *   undirected, self-loops and repeated edges are dropped;
 * - remove 10% of the edges at random (seeded) as the probe set, keep the rest as training graph;
 * - AUC = the probability that a probe edge scores higher than a pair that is an edge in neither
 *   set, ties counting one half — exact over every such pair when there are few enough of them,
 *   else over a uniform sample of them (each sampled pair compared with every probe edge);
 * - average over the seeded splits.
 */
import { readFileSync } from 'node:fs';
import { createRng, type Rng, randomInt } from '../src/domain/random';
import { type CompactGraph, fromIndexEdges, hasTie } from '../src/engine/graph';

/** An undirected simple graph as an edge list over integer ids, each edge once with a < b. */
export interface EdgeList {
  readonly ids: readonly string[];
  readonly src: Int32Array;
  readonly dst: Int32Array;
}

/** Parses an edge list per the datasets README (extra fields ignored, loops and repeats dropped). */
export const parseEdgeList = (text: string): EdgeList => {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (id: string): number => {
    let index = indexOf.get(id);
    if (index === undefined) {
      index = ids.length;
      ids.push(id);
      indexOf.set(id, index);
    }
    return index;
  };
  const seen = new Set<string>();
  const src: number[] = [];
  const dst: number[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    const fields = line.trim().split(/\s+/);
    const [first, second] = fields;
    if (first === undefined || second === undefined || first === '') continue;
    const a = intern(first);
    const b = intern(second);
    if (a === b) continue;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = `${lo} ${hi}`;
    if (seen.has(key)) continue;
    seen.add(key);
    src.push(lo);
    dst.push(hi);
  }
  return { ids, src: Int32Array.from(src), dst: Int32Array.from(dst) };
};

/** Reads an edge-list file (see `parseEdgeList`). */
export const readEdgeList = (path: string): EdgeList => parseEdgeList(readFileSync(path, 'utf8'));

/** Builds the compact graph of some of the edges (all of them by default), weight 1 each. */
export const graphOf = (list: EdgeList, keep?: (e: number) => boolean): CompactGraph => {
  const src: number[] = [];
  const dst: number[] = [];
  for (let e = 0; e < list.src.length; e++) {
    if (keep && !keep(e)) continue;
    src.push(list.src[e]!);
    dst.push(list.dst[e]!);
  }
  const indexOf = new Map<string, number>();
  for (const [i, id] of list.ids.entries()) indexOf.set(id, i);
  return fromIndexEdges(
    list.ids,
    indexOf,
    Int32Array.from(src),
    Int32Array.from(dst),
    new Float64Array(src.length).fill(1),
  );
};

/** One random division of the edges into a training graph and a probe set. */
export interface Split {
  readonly train: CompactGraph;
  /** Probe edges as (probeSrc[k], probeDst[k]) with src < dst. */
  readonly probeSrc: Int32Array;
  readonly probeDst: Int32Array;
}

/** Removes `probeFraction` of the edges (rounded) at random, seeded. */
export const splitEdges = (list: EdgeList, seed: number, probeFraction = 0.1): Split => {
  const m = list.src.length;
  const rng = createRng(seed);
  const order = Int32Array.from({ length: m }, (_, e) => e);
  for (let k = m - 1; k > 0; k--) {
    const r = randomInt(rng, k + 1);
    const t = order[k]!;
    order[k] = order[r]!;
    order[r] = t;
  }
  const probeCount = Math.round(m * probeFraction);
  const inProbe = new Uint8Array(m);
  for (let k = 0; k < probeCount; k++) inProbe[order[k]!] = 1;
  const probeSrc = new Int32Array(probeCount);
  const probeDst = new Int32Array(probeCount);
  let p = 0;
  for (let e = 0; e < m; e++) {
    if (!inProbe[e]) continue;
    probeSrc[p] = list.src[e]!;
    probeDst[p++] = list.dst[e]!;
  }
  return { train: graphOf(list, (e) => !inProbe[e]), probeSrc, probeDst };
};

/**
 * Scores pairs from one source: `out[k]` = score(source, targets[k]) for k < count. Higher means
 * more likely linked. A scorer is made for one training graph and may keep scratch state.
 */
export interface PairScorer {
  scoreFrom(source: number, targets: Int32Array, count: number, out: Float64Array): void;
}

/** Makes a scorer for a training graph. */
export type ScorerFactory = (train: CompactGraph) => PairScorer;

/**
 * AUC of positive scores against negative scores: P(pos > neg) + P(pos = neg) / 2, exact over
 * every (positive, negative) comparison (Mann–Whitney). NaN when either side is empty.
 */
export const auc = (positive: ArrayLike<number>, negative: ArrayLike<number>): number => {
  const sorted = Float64Array.from(positive).sort();
  const counter = createAucCounter(sorted);
  for (let k = 0; k < negative.length; k++) counter.add(negative[k]!);
  return counter.value();
};

/**
 * Streams negative scores against a sorted array of positive scores, so that millions of
 * negatives need no array of their own: for each negative, the positives above it count 1 and
 * those equal to it count 1/2 (two binary searches).
 */
export const createAucCounter = (sortedPositive: Float64Array) => {
  const p = sortedPositive.length;
  let wins = 0;
  let negatives = 0;
  const firstAbove = (x: number): number => {
    let lo = 0;
    let hi = p;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedPositive[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const firstAtLeast = (x: number): number => {
    let lo = 0;
    let hi = p;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedPositive[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    add(score: number): void {
      const above = firstAbove(score);
      const atLeast = firstAtLeast(score);
      wins += p - above + (above - atLeast) / 2;
      negatives++;
    },
    value(): number {
      return p === 0 || negatives === 0 ? Number.NaN : wins / (p * negatives);
    },
  };
};

/** Pairs grouped by source: the targets of source s are targets[start[s] .. start[s+1]). */
interface PairsBySource {
  readonly start: Int32Array;
  readonly targets: Int32Array;
}

const groupBySource = (n: number, src: ArrayLike<number>, dst: ArrayLike<number>) => {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < src.length; k++) start[src[k]! + 1]!++;
  for (let s = 0; s < n; s++) start[s + 1]! += start[s]!;
  const cursor = start.slice(0, n);
  const targets = new Int32Array(src.length);
  for (let k = 0; k < src.length; k++) targets[cursor[src[k]!]!++] = dst[k]!;
  return { start, targets } satisfies PairsBySource;
};

/** Options of `evaluateSplit` and `evaluate`. */
export interface EvaluateOptions {
  /** Score every non-edge exactly when there are at most this many. */
  readonly maxExactPairs: number;
  /**
   * Else sample this many non-edges uniformly (with replacement) and compare each with every
   * probe edge (so far more than the protocol's minimum of 10,000 comparisons).
   */
  readonly samples: number;
}

export const EVALUATE_DEFAULTS: EvaluateOptions = { maxExactPairs: 3_000_000, samples: 1_000_000 };

/** Negative pairs of a split: every non-edge of the full graph (exact) or a sample of them. */
const negativePairs = (
  full: CompactGraph,
  { maxExactPairs, samples }: EvaluateOptions,
  rng: Rng,
): { pairs: PairsBySource; exact: boolean } => {
  const n = full.n;
  const total = (n * (n - 1)) / 2 - full.m;
  if (total <= maxExactPairs) {
    const src = new Int32Array(total);
    const dst = new Int32Array(total);
    let k = 0;
    for (let i = 0; i < n; i++) {
      let cursor = full.offsets[i]!;
      const end = full.offsets[i + 1]!;
      for (let j = i + 1; j < n; j++) {
        while (cursor < end && full.neighbors[cursor]! < j) cursor++;
        if (cursor < end && full.neighbors[cursor] === j) continue;
        src[k] = i;
        dst[k++] = j;
      }
    }
    return { pairs: groupBySource(n, src, dst), exact: true };
  }
  const src = new Int32Array(samples);
  const dst = new Int32Array(src.length);
  let k = 0;
  while (k < src.length) {
    const a = randomInt(rng, n);
    const b = randomInt(rng, n);
    if (a === b || hasTie(full, a, b)) continue;
    src[k] = Math.min(a, b);
    dst[k++] = Math.max(a, b);
  }
  return { pairs: groupBySource(n, src, dst), exact: false };
};

const scoreAll = (
  scorer: PairScorer,
  pairs: PairsBySource,
  scratch: Float64Array,
  each: (score: number) => void,
): void => {
  const n = pairs.start.length - 1;
  for (let s = 0; s < n; s++) {
    const from = pairs.start[s]!;
    const count = pairs.start[s + 1]! - from;
    if (count === 0) continue;
    const targets = pairs.targets.subarray(from, from + count);
    scorer.scoreFrom(s, targets, count, scratch);
    for (let k = 0; k < count; k++) each(scratch[k]!);
  }
};

/** The AUCs of one split, by scorer name, and how the negatives were chosen. */
export interface SplitResult {
  readonly auc: Readonly<Record<string, number>>;
  readonly exact: boolean;
  readonly negatives: number;
  readonly probes: number;
}

/** Evaluates every scorer on one seeded split (the same probe set and negatives for all). */
export const evaluateSplit = (
  list: EdgeList,
  full: CompactGraph,
  scorers: Readonly<Record<string, ScorerFactory>>,
  seed: number,
  options: Partial<EvaluateOptions> = {},
): SplitResult => {
  const split = splitEdges(list, seed);
  const n = full.n;
  const probes = groupBySource(n, split.probeSrc, split.probeDst);
  const negatives = negativePairs(
    full,
    { ...EVALUATE_DEFAULTS, ...options },
    createRng(seed ^ 0x5bd1e995),
  );
  const scratch = new Float64Array(n + 1);
  const result: Record<string, number> = {};
  for (const [name, factory] of Object.entries(scorers)) {
    const scorer = factory(split.train);
    const positive = new Float64Array(split.probeSrc.length);
    let k = 0;
    scoreAll(scorer, probes, scratch, (score) => {
      positive[k++] = score;
    });
    const counter = createAucCounter(positive.sort());
    scoreAll(scorer, negatives.pairs, scratch, (score) => counter.add(score));
    result[name] = counter.value();
  }
  return {
    auc: result,
    exact: negatives.exact,
    negatives: negatives.pairs.targets.length,
    probes: split.probeSrc.length,
  };
};

/** Mean AUC per scorer over seeded splits, with each split's figures. */
export interface EvaluationResult {
  readonly mean: Readonly<Record<string, number>>;
  readonly sd: Readonly<Record<string, number>>;
  readonly splits: readonly SplitResult[];
}

/** The seed of split s of a run seeded `seed`. */
export const splitSeed = (seed: number, s: number): number => (seed + 7919 * s) >>> 0;

/** Evaluates every scorer over `splits` seeded splits. */
export const evaluate = (
  list: EdgeList,
  scorers: Readonly<Record<string, ScorerFactory>>,
  splits: number,
  seed: number,
  options: Partial<EvaluateOptions> = {},
): EvaluationResult => {
  const full = graphOf(list);
  const results: SplitResult[] = [];
  for (let s = 0; s < splits; s++)
    results.push(evaluateSplit(list, full, scorers, splitSeed(seed, s), options));
  const mean: Record<string, number> = {};
  const sd: Record<string, number> = {};
  for (const name of Object.keys(scorers)) {
    const values = results.map((r) => r.auc[name] ?? Number.NaN);
    const mu = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mu) ** 2, 0) / Math.max(1, values.length - 1);
    mean[name] = mu;
    sd[name] = Math.sqrt(variance);
  }
  return { mean, sd, splits: results };
};
