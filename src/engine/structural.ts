/**
 * Structural scores for a pair of people who are not (yet) tied: how likely a tie between them
 * is, judged from the shape of the network alone. Used for link prediction (the quality bench)
 * and for the warmth part of pair value.
 *
 * Baselines, after Lü & Zhou, "Link prediction in complex networks: a survey", Physica A 390
 * (2011) 1150–1170:
 * - CN, common neighbours; Jaccard; PA, preferential attachment (degree product);
 * - AA, Adamic & Adar, "Friends and neighbors on the Web", Social Networks 25 (2003);
 * - RA, resource allocation: Zhou, Lü & Zhang, "Predicting missing links via local
 *   information", Eur. Phys. J. B 71 (2009) 623–630;
 * - LP, local path: Lü, Jin & Zhou, "Similarity index based on local paths for link prediction
 *   of complex networks", Phys. Rev. E 80 (2009) 046122 (CN + ε·paths of length 3).
 *
 * The engine's score (see `engineScore` below for the exact formula):
 *
 *   engine(i, j) = RA(i, j) + w·RA3(i, j) + prior(i, j)
 *
 * 1. RA spreads each of i's ties as one unit of resource over the neighbours of the person at
 *    its other end: RA(i, j) = Σ_{u ∈ N(i) ∩ N(j)} 1/k_u, and Σ_j RA(i, j) = k_i.
 * 2. RA3 does the same in three steps, over paths i–u–v–j: RA3(i, j) = Σ 1/(k_u·k_v). It also
 *    distributes k_i units, so RA and RA3 are on one scale and are added with weight w = 1 (no
 *    tuning per network). RA3 refines RA where hubs make RA coarse and orders the many pairs
 *    with no common neighbour, which every common-neighbour index leaves tied.
 * 3. prior: what the network says about pairs with no path evidence at all. A person's
 *    recorded degree k is read as a sample of their true ties, each recorded with probability
 *    1 − ρ (ρ = `missingShare`), and everyone in the network is assumed to have at least one
 *    tie. With the degree histogram of the graph itself as the prior over true degrees, h(k) =
 *    E[unrecorded ties | k recorded] follows by Bayes (`missingTiePrior`). It adapts to the
 *    measured degree distribution: h(0) ≈ 1 (someone with no recorded tie surely has one we do
 *    not know), h(k) ≈ k·ρ/(1 − ρ) for well-mapped people.
 *    - For a pair where one person has no recorded tie, path evidence is impossible (unknown
 *      is not absent), so the pair scores what RA would give the unrecorded tie if it were
 *      spread in proportion to everyone's expected unrecorded ties:
 *      h(k_i)·h(k_j) / (Σ_l h(k_l) · ρ/(1 − ρ)), on RA's scale (units of ties).
 *    - For a pair of mapped people, the absence of any path is itself evidence; h(k_i)·h(k_j)
 *      only breaks the remaining ties, scaled below the smallest possible path term
 *      (1/k_max²), the "degree product as a last resort" refined by h.
 *
 * One rule for every graph, no switch per network: w = 1 and ρ = 0.1 are fixed; what adapts is
 * the prior, through the measured degree histogram.
 *
 * On the seven networks of the quality bench (bench/quality.bench.ts, 10 splits) the path part
 * alone, RA + RA3, already scores at least RA on all seven and at least the best reference index
 * on six (all but Power). The prior adds most where many held-out ties end at people left with
 * no recorded tie (Router 0.64 → 0.94, Power 0.64 → 0.75, Yeast 0.94 → 0.97): there the
 * assumption "everyone has at least one tie" is exactly what the benchmark's edge lists satisfy.
 * In a host's network the same reading holds for a contact whose ties nobody recorded yet.
 *
 * All scores are meant for untied pairs; on a tied pair the three-step terms count walks that
 * use the tie itself.
 */
import { type CompactGraph, degreeOf } from './graph';

/** The indices the engine can compute, by their usual short names. */
export type LinkIndex = 'cn' | 'aa' | 'ra' | 'lp' | 'jaccard' | 'pa' | 'engine';

export const LINK_INDEXES: readonly LinkIndex[] = [
  'cn',
  'aa',
  'ra',
  'lp',
  'jaccard',
  'pa',
  'engine',
];

/** Options of the structural scores. */
export interface StructuralOptions {
  /** Weight w of the three-step resource allocation term RA3 in the engine score. */
  readonly threeStepWeight: number;
  /** ε of the local path index LP = CN + ε·(paths of length 3). */
  readonly localPathWeight: number;
  /** ρ: the share of true ties assumed unrecorded, for the prior over unmapped people. */
  readonly missingShare: number;
  /** Whether to add the prior term; off, the score is RA + w·RA3 alone (for ablation). */
  readonly prior: boolean;
}

export const STRUCTURAL_DEFAULTS: StructuralOptions = {
  threeStepWeight: 1,
  localPathWeight: 0.01,
  missingShare: 0.1,
  prior: true,
};

// ---------------------------------------------------------------------------------------------
// Per-pair baselines (merge of two sorted rows, O(k_i + k_j)).

/** The common neighbours of i and j, ascending. */
export const commonNeighbors = (graph: CompactGraph, i: number, j: number): number[] => {
  const out: number[] = [];
  forEachCommon(graph, i, j, (u) => out.push(u));
  return out;
};

const forEachCommon = (
  graph: CompactGraph,
  i: number,
  j: number,
  visit: (u: number) => void,
): void => {
  const { offsets, neighbors } = graph;
  let a = offsets[i]!;
  let b = offsets[j]!;
  const aEnd = offsets[i + 1]!;
  const bEnd = offsets[j + 1]!;
  while (a < aEnd && b < bEnd) {
    const x = neighbors[a]!;
    const y = neighbors[b]!;
    if (x === y) {
      visit(x);
      a++;
      b++;
    } else if (x < y) a++;
    else b++;
  }
};

const sumCommon = (
  graph: CompactGraph,
  i: number,
  j: number,
  weight: (k: number) => number,
): number => {
  let sum = 0;
  forEachCommon(graph, i, j, (u) => {
    sum += weight(degreeOf(graph, u));
  });
  return sum;
};

/** Common neighbours: |N(i) ∩ N(j)|. */
export const cn = (graph: CompactGraph, i: number, j: number): number =>
  sumCommon(graph, i, j, () => 1);

/** Adamic–Adar: Σ 1/ln k_u over common neighbours u (k_u ≥ 2 for any common neighbour). */
export const aa = (graph: CompactGraph, i: number, j: number): number =>
  sumCommon(graph, i, j, (k) => 1 / Math.log(k));

/** Resource allocation: Σ 1/k_u over common neighbours u. */
export const ra = (graph: CompactGraph, i: number, j: number): number =>
  sumCommon(graph, i, j, (k) => 1 / k);

/** Jaccard: |N(i) ∩ N(j)| / |N(i) ∪ N(j)|, 0 when both have no ties. */
export const jaccard = (graph: CompactGraph, i: number, j: number): number => {
  const common = cn(graph, i, j);
  const union = degreeOf(graph, i) + degreeOf(graph, j) - common;
  return union > 0 ? common / union : 0;
};

/** Preferential attachment: k_i · k_j. */
export const pa = (graph: CompactGraph, i: number, j: number): number =>
  degreeOf(graph, i) * degreeOf(graph, j);

/** Paths of length 3 from i to j (walks i–u–v–j; for an untied pair every such walk is a path). */
export const paths3 = (graph: CompactGraph, i: number, j: number): number =>
  threeStep(graph, i, j, () => 1);

/** Three-step resource allocation: Σ 1/(k_u·k_v) over paths i–u–v–j. */
export const ra3 = (graph: CompactGraph, i: number, j: number): number =>
  threeStep(graph, i, j, (ku, kv) => 1 / (ku * kv));

const threeStep = (
  graph: CompactGraph,
  i: number,
  j: number,
  weight: (ku: number, kv: number) => number,
): number => {
  const { offsets, neighbors } = graph;
  let sum = 0;
  for (let a = offsets[i]!; a < offsets[i + 1]!; a++) {
    const u = neighbors[a]!;
    const ku = degreeOf(graph, u);
    forEachCommon(graph, u, j, (v) => {
      sum += weight(ku, degreeOf(graph, v));
    });
  }
  return sum;
};

/** Local path: CN + ε·paths3. */
export const lp = (
  graph: CompactGraph,
  i: number,
  j: number,
  epsilon = STRUCTURAL_DEFAULTS.localPathWeight,
): number => cn(graph, i, j) + epsilon * paths3(graph, i, j);

// ---------------------------------------------------------------------------------------------
// The prior over unrecorded ties.

/** Expected unrecorded ties by recorded degree, and the scales the engine score uses. */
export interface MissingTiePrior {
  /** h(k) for every recorded degree k from 0 to the largest in the graph. */
  readonly byDegree: Float64Array;
  /** Σ over people of h(k). */
  readonly total: number;
  readonly missingShare: number;
  /** The largest h(k_i)·h(k_j) of the graph (for scaling the last resort below 1). */
  readonly maxProduct: number;
  /** The largest degree. */
  readonly maxDegree: number;
}

/**
 * h(k) = E[K − k | k], where the true degree K ≥ 1 has the graph's own degree histogram
 * (smoothed, plus a small pseudo-count) as prior and k ~ Binomial(K, 1 − ρ). Computed only for
 * degrees that occur; the sum over K stops once the posterior weight is negligible.
 */
export const missingTiePrior = (
  graph: CompactGraph,
  missingShare = STRUCTURAL_DEFAULTS.missingShare,
): MissingTiePrior => {
  const rho = Math.min(0.9, Math.max(1e-6, missingShare));
  let maxDegree = 0;
  for (let i = 0; i < graph.n; i++) maxDegree = Math.max(maxDegree, degreeOf(graph, i));
  const histogram = new Float64Array(maxDegree + 1);
  for (let i = 0; i < graph.n; i++) histogram[degreeOf(graph, i)]!++;
  const trueMax = Math.ceil(maxDegree / (1 - rho)) + 10;
  // The prior over true degrees: the histogram of degrees ≥ 1 averaged over a window of ±K/4
  // (sparse at the top, so a hub's prior does not end at the largest degree seen), plus a
  // small pseudo-count.
  const prefix = new Float64Array(maxDegree + 2);
  for (let k = 1; k <= maxDegree; k++) prefix[k + 1] = prefix[k]! + histogram[k]!;
  const smoothed = (K: number): number => {
    const w = Math.floor(K / 4);
    const lo = Math.max(1, K - w);
    const hi = Math.min(maxDegree, K + w);
    return hi >= lo ? (prefix[hi + 1]! - prefix[lo]!) / (2 * w + 1) : 0;
  };
  const logPrior = (K: number): number => Math.log(smoothed(K) + 1e-3);
  const logKept = Math.log(1 - rho);
  const logLost = Math.log(rho);
  const byDegree = new Float64Array(maxDegree + 1);
  for (let k = 0; k <= maxDegree; k++) {
    if (histogram[k] === 0) continue;
    // Phase: walk K upward from max(k, 1), keeping log C(K, k) by its recurrence.
    let K = Math.max(k, 1);
    let logChoose = 0;
    for (let t = 1; t <= k; t++) logChoose += Math.log((K - k + t) / t);
    let best = Number.NEGATIVE_INFINITY;
    let z = 0;
    let s = 0;
    const terms: Array<[number, number]> = [];
    for (; K <= trueMax; K++) {
      const logW = logPrior(K) + logChoose + k * logKept + (K - k) * logLost;
      terms.push([K, logW]);
      if (logW > best) best = logW;
      else if (logW < best - 40) break;
      logChoose += Math.log((K + 1) / (K + 1 - k));
    }
    for (const [K2, logW] of terms) {
      const w = Math.exp(logW - best);
      z += w;
      s += w * (K2 - k);
    }
    byDegree[k] = z > 0 ? s / z : (k * rho) / (1 - rho);
  }
  let total = 0;
  let maxH = 0;
  for (let i = 0; i < graph.n; i++) {
    const h = byDegree[degreeOf(graph, i)]!;
    total += h;
    if (h > maxH) maxH = h;
  }
  return { byDegree, total, missingShare: rho, maxProduct: maxH * maxH, maxDegree };
};

/**
 * The prior term of the engine score: the allocation of an unmapped person's expected
 * unrecorded tie when one of the two has no recorded tie, else a last-resort tie-breaker below
 * any path term.
 */
export const priorTerm = (prior: MissingTiePrior, ki: number, kj: number): number => {
  const product = prior.byDegree[ki]! * prior.byDegree[kj]!;
  if (ki === 0 || kj === 0) {
    const rho = prior.missingShare;
    return product / ((prior.total * rho) / (1 - rho));
  }
  const k = Math.max(1, prior.maxDegree);
  return prior.maxProduct > 0 ? (0.5 * product) / prior.maxProduct / (k * k) : 0;
};

// ---------------------------------------------------------------------------------------------
// Scans from one source: every pair (source, x) at once, with dense scratch arrays.

/** Limits for a scan over a very large neighbourhood. */
export interface ScanLimits {
  /** Skip middle people with more ties than this (their RA share is at most 1/k). */
  readonly maxMiddleDegree?: number;
  /** Stop after this many two-step visits. */
  readonly maxVisits?: number;
  /** Accumulate RA only (cn and aa stay 0): a third of the work, for suggestions. */
  readonly raOnly?: boolean;
}

/**
 * Two-step quantities from one source to every person reached, in dense arrays indexed by
 * person, valid for the people in `reached` (others are 0). Owned by the scanner: the next scan
 * overwrites them.
 */
export interface SourceScan {
  readonly source: number;
  /** People reached in two steps (the source included when it has ties), in visit order. */
  readonly reached: Int32Array;
  readonly reachedCount: number;
  /** Neighbours of the source whose ties were followed (all of them unless limits applied). */
  readonly middlesVisited: number;
  readonly cn: Float64Array;
  readonly ra: Float64Array;
  readonly aa: Float64Array;
}

/** Scans from a source and evaluates three-step terms toward any target against the last scan. */
export interface SourceScanner {
  scan(source: number, limits?: ScanLimits): SourceScan;
  /** RA3(source, x) of the last scan, in O(k_x). */
  ra3(x: number): number;
  /** paths3(source, x) of the last scan, in O(k_x). */
  paths3(x: number): number;
}

/** Makes a scanner with its own scratch arrays (O(n) memory), reused across scans. */
export const createSourceScanner = (graph: CompactGraph): SourceScanner => {
  const { n, offsets, neighbors } = graph;
  const cnArr = new Float64Array(n);
  const raArr = new Float64Array(n);
  const aaArr = new Float64Array(n);
  const seen = new Uint8Array(n);
  const reached = new Int32Array(n);
  const inverseDegree = new Float64Array(n);
  const inverseLogDegree = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const k = degreeOf(graph, u);
    inverseDegree[u] = k > 0 ? 1 / k : 0;
    inverseLogDegree[u] = k > 1 ? 1 / Math.log(k) : 0;
  }
  let count = 0;
  let source = -1;
  const scan = (from: number, limits: ScanLimits = {}): SourceScan => {
    for (let r = 0; r < count; r++) {
      const x = reached[r]!;
      cnArr[x] = 0;
      raArr[x] = 0;
      aaArr[x] = 0;
      seen[x] = 0;
    }
    count = 0;
    source = from;
    const maxMiddle = limits.maxMiddleDegree ?? Number.POSITIVE_INFINITY;
    let budget = limits.maxVisits ?? Number.POSITIVE_INFINITY;
    const raOnly = limits.raOnly === true;
    let middles = 0;
    for (let a = offsets[from]!; a < offsets[from + 1]! && budget > 0; a++) {
      const u = neighbors[a]!;
      const start = offsets[u]!;
      const end = offsets[u + 1]!;
      if (end - start > maxMiddle) continue;
      middles++;
      const r = inverseDegree[u]!;
      const l = inverseLogDegree[u]!;
      if (raOnly)
        for (let b = start; b < end; b++) {
          const x = neighbors[b]!;
          if (!seen[x]) {
            seen[x] = 1;
            reached[count++] = x;
          }
          raArr[x]! += r;
        }
      else
        for (let b = start; b < end; b++) {
          const x = neighbors[b]!;
          if (!seen[x]) {
            seen[x] = 1;
            reached[count++] = x;
          }
          cnArr[x]!++;
          raArr[x]! += r;
          aaArr[x]! += l;
        }
      budget -= end - start;
    }
    return {
      source: from,
      reached,
      reachedCount: count,
      middlesVisited: middles,
      cn: cnArr,
      ra: raArr,
      aa: aaArr,
    };
  };
  const ra3Of = (x: number): number => {
    let sum = 0;
    for (let b = offsets[x]!; b < offsets[x + 1]!; b++) {
      const v = neighbors[b]!;
      if (v !== source) sum += raArr[v]! * inverseDegree[v]!;
    }
    return sum;
  };
  const paths3Of = (x: number): number => {
    let sum = 0;
    for (let b = offsets[x]!; b < offsets[x + 1]!; b++) {
      const v = neighbors[b]!;
      if (v !== source) sum += cnArr[v]!;
    }
    return sum;
  };
  return { scan, ra3: ra3Of, paths3: paths3Of };
};

// ---------------------------------------------------------------------------------------------
// The engine score.

/** The engine score of a pair with its parts. */
export interface StructuralDetail {
  readonly score: number;
  readonly ra: number;
  readonly ra3: number;
  readonly prior: number;
  readonly commonNeighbors: number;
}

/** Scores pairs of one graph; keeps the prior and scratch arrays between calls. */
export interface StructuralScorer {
  readonly graph: CompactGraph;
  readonly prior: MissingTiePrior;
  /** engine(i, j). */
  score(i: number, j: number): number;
  detailed(i: number, j: number): StructuralDetail;
  /** out[k] = score(source, targets[k]) for k < count (one scan for all). */
  scoreFrom(source: number, targets: ArrayLike<number>, count: number, out: Float64Array): void;
}

/**
 * The engine score: engine(i, j) = RA + w·RA3 + prior (see the module header). Deterministic;
 * not for concurrent use (it keeps one scan of scratch state).
 */
export const createStructuralScorer = (
  graph: CompactGraph,
  options: Partial<StructuralOptions> = {},
): StructuralScorer => {
  const { threeStepWeight, missingShare, prior: usePrior } = { ...STRUCTURAL_DEFAULTS, ...options };
  const prior = missingTiePrior(graph, missingShare);
  const scanner = createSourceScanner(graph);
  let last: SourceScan | null = null;
  const scanOf = (source: number): SourceScan => {
    if (last?.source !== source) last = scanner.scan(source);
    return last;
  };
  const detailed = (i: number, j: number): StructuralDetail => {
    // Scan from the endpoint with fewer ties (the terms are symmetric).
    const [s, t] = degreeOf(graph, i) <= degreeOf(graph, j) ? [i, j] : [j, i];
    const scan = scanOf(s);
    const raValue = scan.ra[t]!;
    const ra3Value = scanner.ra3(t);
    const priorValue = usePrior ? priorTerm(prior, degreeOf(graph, i), degreeOf(graph, j)) : 0;
    return {
      score: raValue + threeStepWeight * ra3Value + priorValue,
      ra: raValue,
      ra3: ra3Value,
      prior: priorValue,
      commonNeighbors: scan.cn[t]!,
    };
  };
  return {
    graph,
    prior,
    score: (i, j) => detailed(i, j).score,
    detailed,
    scoreFrom(source, targets, count, out) {
      const scan = scanOf(source);
      const ks = degreeOf(graph, source);
      for (let k = 0; k < count; k++) {
        const t = targets[k]!;
        out[k] =
          scan.ra[t]! +
          threeStepWeight * scanner.ra3(t) +
          (usePrior ? priorTerm(prior, ks, degreeOf(graph, t)) : 0);
      }
    },
  };
};

/** Scores pairs from one source by one index; made for one graph. */
export interface IndexScorer {
  scoreFrom(source: number, targets: ArrayLike<number>, count: number, out: Float64Array): void;
}

/** A batch scorer for any index of `LinkIndex` (one scan per source). */
export const createIndexScorer = (
  graph: CompactGraph,
  index: LinkIndex,
  options: Partial<StructuralOptions> = {},
): IndexScorer => {
  if (index === 'engine') return createStructuralScorer(graph, options);
  const { localPathWeight } = { ...STRUCTURAL_DEFAULTS, ...options };
  if (index === 'pa')
    return {
      scoreFrom(source, targets, count, out) {
        const ks = degreeOf(graph, source);
        for (let k = 0; k < count; k++) out[k] = ks * degreeOf(graph, targets[k]!);
      },
    };
  const scanner = createSourceScanner(graph);
  return {
    scoreFrom(source, targets, count, out) {
      const scan = scanner.scan(source);
      const ks = degreeOf(graph, source);
      for (let k = 0; k < count; k++) {
        const t = targets[k]!;
        switch (index) {
          case 'cn':
            out[k] = scan.cn[t]!;
            break;
          case 'aa':
            out[k] = scan.aa[t]!;
            break;
          case 'ra':
            out[k] = scan.ra[t]!;
            break;
          case 'lp':
            out[k] = scan.cn[t]! + localPathWeight * scanner.paths3(t);
            break;
          case 'jaccard': {
            const common = scan.cn[t]!;
            const union = ks + degreeOf(graph, t) - common;
            out[k] = union > 0 ? common / union : 0;
            break;
          }
        }
      }
    },
  };
};
