/**
 * Circles: communities of the host's network by modularity optimisation.
 *
 * Method: the Leiden algorithm of Traag, Waltman & van Eck, "From Louvain to Leiden:
 * guaranteeing well-connected communities" (Scientific Reports 9, 5233, 2019), which improves
 * the Louvain method of Blondel, Guillaume, Lambiotte & Lefebvre ("Fast unfolding of
 * communities in large networks", J. Stat. Mech. 2008) in three ways, all kept here:
 * 1. fast local moving: only people whose neighbourhood changed are revisited;
 * 2. refinement: inside each community, people are merged from singletons into well-connected
 *    sub-communities only (randomly among the improving moves, with `randomness` θ), and the
 *    network is aggregated by these sub-communities, so a community can never be glued
 *    together through a person who has since left it;
 * 3. the aggregate starts from the unrefined partition, so the refinement costs no quality.
 * Later iterations start from the first aggregate, and a last local-moving pass over the people
 * themselves ("polish") settles anyone the moves of whole sub-communities left better off
 * elsewhere. A final pass splits any community that is not connected (only the polish can
 * cause one, rarely; the count is in the detailed result) — splitting a disconnected community
 * can only raise modularity, so the guarantee costs nothing.
 *
 * Quality is Newman–Girvan modularity with a resolution γ, on tie weights. Deterministic for a
 * seed: every random choice comes from the injected `rng`. Communities are numbered by size,
 * largest first (ties: the one holding the lowest index first).
 */
import { createRng, type Rng } from '../domain/random';
import type { CompactGraph } from './graph';

export interface CommunityOptions {
  /** γ: above 1 gives more, smaller circles; below 1 fewer, larger ones. */
  readonly resolution: number;
  /** θ of the refinement: 0 merges greedily, larger values explore more. */
  readonly randomness: number;
  /**
   * Leiden iterations, each starting from the previous partition; after the first they start
   * from the first aggregate (refined sub-communities), which skips the costliest level.
   */
  readonly iterations: number;
  /** End with one local-moving pass over the people themselves. */
  readonly polish: boolean;
  /** Use tie weights (true) or count every tie as 1. */
  readonly weighted: boolean;
  readonly seed: number;
  /** Overrides `seed` when given. */
  readonly rng?: Rng;
}

export const DEFAULTS: CommunityOptions = {
  resolution: 1,
  randomness: 0.01,
  iterations: 2,
  polish: true,
  weighted: true,
  seed: 1,
};

export interface Communities {
  /** Community of each person, by graph index: 0 is the largest. */
  readonly communities: Int32Array;
  readonly count: number;
  readonly modularity: number;
}

export interface CommunitiesDetailed extends Communities {
  /** Aggregation levels run, over all iterations. */
  readonly levels: number;
  /** People (or aggregate nodes) moved by local moving, over all levels. */
  readonly moves: number;
  /**
   * Communities the final connectivity pass had to split. Leiden's refinement keeps every
   * community connected; only the polishing pass can (rarely) strand someone.
   */
  readonly splits: number;
  /** Modularity after each iteration (and after the polish). */
  readonly modularityByIteration: readonly number[];
}

/** A weighted undirected graph at one aggregation level; `loops` counts each inner tie twice. */
interface Level {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  readonly weights: Float64Array;
  readonly loops: Float64Array;
  /** Row sum plus loops: the node's share of 2m. */
  readonly strength: Float64Array;
}

const baseLevel = (graph: CompactGraph, weighted: boolean): Level => {
  const { n, offsets } = graph;
  const weights = weighted ? graph.weights : new Float64Array(graph.neighbors.length).fill(1);
  // The graph already holds the weighted strengths; unweighted, a strength is the degree.
  let strength = graph.strength;
  if (!weighted) {
    strength = new Float64Array(n);
    for (let i = 0; i < n; i++) strength[i] = offsets[i + 1]! - offsets[i]!;
  }
  return {
    n,
    offsets,
    neighbors: graph.neighbors,
    weights,
    loops: new Float64Array(n),
    strength,
  };
};

/**
 * Working arrays sized for the base graph and shared by every level of one run, so that the
 * levels do not allocate (large typed arrays cost page faults and garbage collections).
 * `weightTo` is all zeros between uses: whoever fills it clears what it touched.
 */
interface Scratch {
  readonly weightTo: Float64Array;
  readonly touched: Int32Array;
  readonly order: Int32Array;
  readonly flags: Uint8Array;
  readonly totals: Float64Array;
  readonly sizes: Int32Array;
  /**
   * Weight from each node to the rest of its community, as the last local moving left it: the
   * refinement and the modularity after the polish start from it instead of reading every tie.
   */
  readonly inside: Float64Array;
  readonly communityTotals: Float64Array;
  readonly candidates: Int32Array;
  readonly chance: Float64Array;
}

const createScratch = (n: number): Scratch => ({
  weightTo: new Float64Array(n),
  touched: new Int32Array(n),
  order: new Int32Array(n),
  flags: new Uint8Array(n),
  totals: new Float64Array(n),
  sizes: new Int32Array(n),
  inside: new Float64Array(n),
  communityTotals: new Float64Array(n),
  candidates: new Int32Array(n),
  chance: new Float64Array(n),
});

/** Nodes of consecutive indices visited together; see `visitOrder`. */
const BLOCK = 32;

/**
 * A random visiting order of 0..n-1 in `out`: blocks of `BLOCK` consecutive nodes, shuffled
 * (Fisher–Yates), each in index order. Consecutive nodes' ties lie together in memory, so a block
 * streams from memory where a fully random order waits on a cache miss per node: on large
 * networks the passes run markedly faster. Modularity stays within the spread between seeds; it
 * is a shade lower (about 1e-4) only when the index order follows the communities.
 */
const visitOrder = (out: Int32Array, n: number, rng: Rng): Int32Array => {
  const count = Math.ceil(n / BLOCK);
  const blocks = new Int32Array(count);
  for (let b = 0; b < count; b++) blocks[b] = b;
  for (let b = count - 1; b > 0; b--) {
    const j = Math.floor(rng() * (b + 1));
    const swap = blocks[b]!;
    blocks[b] = blocks[j]!;
    blocks[j] = swap;
  }
  let o = 0;
  for (let b = 0; b < count; b++) {
    const end = Math.min(n, (blocks[b]! + 1) * BLOCK);
    for (let v = blocks[b]! * BLOCK; v < end; v++) out[o++] = v;
  }
  return out;
};

/**
 * Fast local moving: each node goes to the neighbouring community with the best modularity
 * gain; when a node moves, its neighbours outside its new community are flagged to be visited
 * again. Mutates `community` and leaves each node's weight to its community in
 * `scratch.inside`; returns the number of moves.
 */
const moveNodesFast = (
  level: Level,
  community: Int32Array,
  resolution: number,
  total: number,
  rng: Rng,
  scratch: Scratch,
): number => {
  const { n, offsets, neighbors, weights, strength } = level;
  const { totals, sizes, weightTo, touched, inside } = scratch;
  totals.fill(0, 0, n);
  sizes.fill(0, 0, n);
  for (let v = 0; v < n; v++) {
    totals[community[v]!]! += strength[v]!;
    sizes[community[v]!]!++;
  }
  const empty: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (sizes[c] === 0) empty.push(c);

  const order = visitOrder(scratch.order, n, rng);
  /** 1: to visit in this sweep; 2: flagged during it, so visited in the next one. */
  const flag = scratch.flags.fill(1, 0, n);
  let pending = n;
  const scale = resolution / total;
  let moves = 0;

  // Sweeps along `order` over the flagged. Whoever a move flags waits for the next sweep, as
  // behind a first-in-first-out queue, but a sweep reads the ties mostly in memory order.
  while (pending > 0) {
    for (let o = 0; o < n; o++) {
      const v = order[o]!;
      if (flag[v] !== 1) continue;
      flag[v] = 0;
      pending--;
      const from = community[v]!;
      const kv = strength[v]!;

      // Weights from v to each neighbouring community.
      let touchedCount = 0;
      const end = offsets[v + 1]!;
      for (let k = offsets[v]!; k < end; k++) {
        const c = community[neighbors[k]!]!;
        if (weightTo[c] === 0) touched[touchedCount++] = c;
        weightTo[c]! += weights[k]!;
      }

      // Take v out, then put it where it gains most (staying wins ties); clear as we go.
      totals[from]! -= kv;
      sizes[from]!--;
      let best = from;
      let bestWeight = weightTo[from]!;
      let bestGain = bestWeight - kv * totals[from]! * scale;
      for (let t = 0; t < touchedCount; t++) {
        const c = touched[t]!;
        const w = weightTo[c]!;
        weightTo[c] = 0;
        const gain = w - kv * totals[c]! * scale;
        if (gain > bestGain) {
          bestGain = gain;
          best = c;
          bestWeight = w;
        }
      }
      if (bestGain < 0 && sizes[from]! > 0 && empty.length > 0) {
        best = empty.pop()!;
        bestWeight = 0;
      }
      totals[best]! += kv;
      sizes[best]!++;
      inside[v] = bestWeight;
      if (best === from) continue;

      community[v] = best;
      moves++;
      if (sizes[from] === 0) empty.push(from);
      // Neighbours in the new community gain v's tie; the others are revisited (which also
      // recomputes the weight of those v left).
      for (let k = offsets[v]!; k < end; k++) {
        const u = neighbors[k]!;
        if (community[u] === best) inside[u]! += weights[k]!;
        else if (flag[u] === 0) {
          flag[u] = 2;
          pending++;
        }
      }
    }
    for (let v = 0; v < n; v++) if (flag[v] === 2) flag[v] = 1;
  }
  return moves;
};

/**
 * Leiden refinement: inside each community, start from singletons and merge well-connected
 * nodes into well-connected sub-communities, choosing among non-negative gains with
 * probability ∝ exp(gain / θ). Runs right after `moveNodesFast` on the same partition, whose
 * `scratch.inside` it consumes. Returns the refined label of each node (a node index).
 */
const refine = (
  level: Level,
  community: Int32Array,
  resolution: number,
  randomness: number,
  total: number,
  rng: Rng,
  scratch: Scratch,
): Int32Array => {
  const { n, offsets, neighbors, weights, strength } = level;
  const { weightTo, touched, candidates, chance } = scratch;
  const scale = resolution / total;
  const refined = new Int32Array(n);
  const clusterTotals = scratch.totals;
  const clusterSizes = scratch.sizes.fill(1, 0, n);
  /**
   * E(C, S − C): weight from the sub-community to the rest of its community. For a singleton
   * that is the node's weight to its community, which the local moving left in `inside`.
   */
  const clusterExternal = scratch.inside;
  const communityTotals = scratch.communityTotals.fill(0, 0, n);
  for (let v = 0; v < n; v++) {
    refined[v] = v;
    clusterTotals[v] = strength[v]!;
    communityTotals[community[v]!]! += strength[v]!;
  }
  /** A node may join others only while it is alone; a sub-community that grew stays put. */
  const merged = scratch.flags.fill(0, 0, n);
  const order = visitOrder(scratch.order, n, rng);
  for (let o = 0; o < n; o++) {
    const v = order[o]!;
    if (merged[v] === 1 || clusterSizes[refined[v]!] !== 1) continue;
    const s = community[v]!;
    const kv = strength[v]!;
    const communityTotal = communityTotals[s]!;
    const own = clusterExternal[refined[v]!]!;
    // v itself must be well connected to the rest of its community.
    if (own < kv * (communityTotal - kv) * scale) continue;

    let touchedCount = 0;
    const end = offsets[v + 1]!;
    for (let k = offsets[v]!; k < end; k++) {
      const u = neighbors[k]!;
      if (community[u] !== s) continue;
      const r = refined[u]!;
      if (r === refined[v]) continue;
      if (weightTo[r] === 0) touched[touchedCount++] = r;
      weightTo[r]! += weights[k]!;
    }

    // Candidates: well-connected sub-communities with a non-negative gain.
    let bestGain = Number.NEGATIVE_INFINITY;
    let best = -1;
    let candidateCount = 0;
    for (let t = 0; t < touchedCount; t++) {
      const r = touched[t]!;
      const rt = clusterTotals[r]!;
      if (clusterExternal[r]! < rt * (communityTotal - rt) * scale) continue;
      const gain = weightTo[r]! - kv * rt * scale;
      if (gain < 0) continue;
      candidates[candidateCount] = r;
      chance[candidateCount++] = gain;
      if (gain > bestGain) {
        bestGain = gain;
        best = r;
      }
    }
    // Random choice ∝ exp(gain / θ), shifted by the best gain so nothing overflows.
    if (randomness > 0 && candidateCount > 1) {
      let sum = 0;
      for (let t = 0; t < candidateCount; t++) {
        // Below e^-40 a choice never wins a draw; skip the exp.
        const x = (chance[t]! - bestGain) / randomness;
        if (x > -40) sum += Math.exp(x);
        chance[t] = sum;
      }
      const pick = rng() * sum;
      for (let t = 0; t < candidateCount; t++) {
        if (pick < chance[t]!) {
          best = candidates[t]!;
          break;
        }
      }
    }
    if (best >= 0) clusterExternal[best] = clusterExternal[best]! + own - 2 * weightTo[best]!;
    for (let t = 0; t < touchedCount; t++) weightTo[touched[t]!] = 0;
    if (best < 0) continue;

    const was = refined[v]!;
    refined[v] = best;
    clusterTotals[best]! += kv;
    clusterTotals[was] = 0;
    clusterSizes[best]!++;
    clusterSizes[was] = 0;
    merged[v] = 1;
  }
  return refined;
};

/** Renumbers labels to 0..count-1 in order of first appearance; returns the count. */
const compact = (labels: Int32Array, n: number): number => {
  const map = new Int32Array(labels.length).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (map[l] === -1) map[l] = count++;
    labels[i] = map[l]!;
  }
  return count;
};

/**
 * The graph whose nodes are the clusters of `labels` (0..count-1). The rows are read in memory
 * order, each copied (relabelled) into its cluster's slice, rather than gathered cluster by
 * cluster from all over memory; then each slice is folded, in place, into the cluster's row.
 */
const aggregate = (level: Level, labels: Int32Array, count: number, scratch: Scratch): Level => {
  const { n, offsets, neighbors, weights } = level;
  const slice = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) slice[labels[v]! + 1]! += offsets[v + 1]! - offsets[v]!;
  for (let c = 0; c < count; c++) slice[c + 1]! += slice[c]!;
  const cursor = slice.slice(0, count);
  const nextNeighbors = new Int32Array(neighbors.length);
  const nextWeights = new Float64Array(neighbors.length);
  const loops = new Float64Array(count);
  const strength = new Float64Array(count);
  for (let v = 0; v < n; v++) {
    const c = labels[v]!;
    loops[c]! += level.loops[v]!;
    strength[c]! += level.strength[v]!;
    let at = cursor[c]!;
    const end = offsets[v + 1]!;
    for (let k = offsets[v]!; k < end; k++) {
      nextNeighbors[at] = labels[neighbors[k]!]!;
      nextWeights[at++] = weights[k]!;
    }
    cursor[c] = at;
  }

  // Fold: the rows written so far never reach past the slice being read.
  const nextOffsets = new Int32Array(count + 1);
  const { weightTo, touched } = scratch;
  let out = 0;
  for (let c = 0; c < count; c++) {
    nextOffsets[c] = out;
    let touchedCount = 0;
    let loop = loops[c]!;
    const end = slice[c + 1]!;
    for (let k = slice[c]!; k < end; k++) {
      const d = nextNeighbors[k]!;
      if (d === c) loop += nextWeights[k]!;
      else {
        if (weightTo[d] === 0) touched[touchedCount++] = d;
        weightTo[d]! += nextWeights[k]!;
      }
    }
    loops[c] = loop;
    for (let t = 0; t < touchedCount; t++) {
      const d = touched[t]!;
      nextNeighbors[out] = d;
      nextWeights[out++] = weightTo[d]!;
      weightTo[d] = 0;
    }
  }
  nextOffsets[count] = out;
  return {
    n: count,
    offsets: nextOffsets,
    neighbors: nextNeighbors.subarray(0, out),
    weights: nextWeights.subarray(0, out),
    loops,
    strength,
  };
};

/** The first aggregate of a run: its graph and the aggregate node of each starting node. */
interface FirstAggregate {
  readonly level: Level;
  readonly map: Int32Array;
}

/**
 * One run of Leiden from a starting partition of `start`'s nodes. Mutates `partition` into the
 * result and returns the run's first aggregate (null if it never aggregated).
 */
const leidenRun = (
  start: Level,
  partition: Int32Array,
  settings: CommunityOptions,
  total: number,
  rng: Rng,
  stats: { levels: number; moves: number },
  scratch: Scratch,
): FirstAggregate | null => {
  let level = start;
  /** The level node each starting node currently belongs to. */
  const node = new Int32Array(start.n);
  for (let i = 0; i < start.n; i++) node[i] = i;
  let community = partition.slice();
  compact(community, level.n);
  let first: FirstAggregate | null = null;
  for (;;) {
    stats.levels++;
    stats.moves += moveNodesFast(level, community, settings.resolution, total, rng, scratch);
    const count = compact(community, level.n);
    if (count === level.n) break;
    // Refine, then aggregate by the refined partition (or the plain one if nothing merged).
    let labels = refine(
      level,
      community,
      settings.resolution,
      settings.randomness,
      total,
      rng,
      scratch,
    );
    let clusters = compact(labels, level.n);
    if (clusters === level.n) {
      labels = community.slice();
      clusters = count;
    }
    const next = aggregate(level, labels, clusters, scratch);
    const nextCommunity = new Int32Array(clusters);
    for (let v = 0; v < level.n; v++) nextCommunity[labels[v]!] = community[v]!;
    for (let i = 0; i < start.n; i++) node[i] = labels[node[i]!]!;
    if (first === null) first = { level: next, map: node.slice() };
    level = next;
    community = nextCommunity;
  }
  for (let i = 0; i < start.n; i++) partition[i] = community[node[i]!]!;
  return first;
};

/**
 * Splits every community into its connected parts (BFS inside the community). Returns the
 * number of communities that had to be split.
 */
const splitDisconnected = (graph: CompactGraph, labels: Int32Array): number => {
  const { n, offsets, neighbors } = graph;
  const next = new Int32Array(n).fill(-1);
  const seenCommunity = new Uint8Array(n);
  const stack = new Int32Array(n);
  let count = 0;
  let splits = 0;
  for (let s = 0; s < n; s++) {
    if (next[s] !== -1) continue;
    const c = labels[s]!;
    if (seenCommunity[c] === 1) splits++;
    seenCommunity[c] = 1;
    const id = count++;
    next[s] = id;
    let top = 0;
    stack[top++] = s;
    while (top > 0) {
      const u = stack[--top]!;
      const end = offsets[u + 1]!;
      for (let k = offsets[u]!; k < end; k++) {
        const v = neighbors[k]!;
        if (next[v] === -1 && labels[v] === c) {
          next[v] = id;
          stack[top++] = v;
        }
      }
    }
  }
  labels.set(next);
  return splits;
};

/** Numbers communities by size, largest first; ties by lowest member index. */
const numberBySize = (labels: Int32Array): number => {
  const n = labels.length;
  const count = compact(labels, n);
  const sizes = new Int32Array(count);
  for (let i = 0; i < n; i++) sizes[labels[i]!]!++;
  // compact() numbered by first appearance, which is the lowest member index.
  const order = Int32Array.from({ length: count }, (_, c) => c).sort(
    (a, b) => sizes[b]! - sizes[a]! || a - b,
  );
  const rank = new Int32Array(count);
  for (let r = 0; r < count; r++) rank[order[r]!] = r;
  for (let i = 0; i < n; i++) labels[i] = rank[labels[i]!]!;
  return count;
};

/**
 * Modularity of a partition of a level's nodes: Σ_c [ in_c / 2m − γ (tot_c / 2m)² ], with in_c
 * the weight inside c counted in both directions (loops included) and 2m = `total`. An aggregate
 * gives the same value as its people at a fraction of the work.
 */
const levelModularity = (
  level: Level,
  labels: Int32Array,
  resolution: number,
  total: number,
): number => {
  const { n, offsets, neighbors, weights, loops, strength } = level;
  let maxLabel = -1;
  for (let i = 0; i < n; i++) if (labels[i]! > maxLabel) maxLabel = labels[i]!;
  const inside = new Float64Array(maxLabel + 1);
  const totals = new Float64Array(maxLabel + 1);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    totals[c]! += strength[i]!;
    let w = loops[i]!;
    const end = offsets[i + 1]!;
    for (let k = offsets[i]!; k < end; k++) if (labels[neighbors[k]!] === c) w += weights[k]!;
    inside[c]! += w;
  }
  let q = 0;
  for (let c = 0; c <= maxLabel; c++) {
    const share = totals[c]! / total;
    q += inside[c]! / total - resolution * share * share;
  }
  return q;
};

/**
 * Modularity of the partition `moveNodesFast` just settled, from the weight it left between
 * each node and its community (`inside`): the same sum as `levelModularity` without a pass over
 * the ties.
 */
const settledModularity = (
  level: Level,
  community: Int32Array,
  inside: Float64Array,
  resolution: number,
  total: number,
): number => {
  const { n, loops, strength } = level;
  const totals = new Float64Array(n);
  let within = 0;
  for (let v = 0; v < n; v++) {
    within += loops[v]! + inside[v]!;
    totals[community[v]!]! += strength[v]!;
  }
  let q = within / total;
  for (let c = 0; c < n; c++) {
    const share = totals[c]! / total;
    q -= resolution * share * share;
  }
  return q;
};

/**
 * Modularity of a partition: Σ_c [ in_c / 2m − γ (tot_c / 2m)² ], with in_c the weight inside c
 * counted in both directions. 0 for a graph without ties.
 */
export const modularity = (
  graph: CompactGraph,
  communities: Int32Array,
  options: Partial<Pick<CommunityOptions, 'resolution' | 'weighted'>> = {},
): number => {
  const { resolution, weighted } = { ...DEFAULTS, ...options };
  const level = baseLevel(graph, weighted);
  let total = 0;
  for (let i = 0; i < graph.n; i++) total += level.strength[i]!;
  return total === 0 ? 0 : levelModularity(level, communities, resolution, total);
};

/** Communities whose members are not all connected through each other (0 is what we want). */
export const disconnectedCommunities = (graph: CompactGraph, communities: Int32Array): number =>
  splitDisconnected(graph, communities.slice());

/**
 * The Leiden iterations over the base level: mutates `partition` and returns the modularity
 * after each iteration, measured on the first aggregate (the same value, far fewer ties).
 */
const leidenIterations = (
  base: Level,
  partition: Int32Array,
  settings: CommunityOptions,
  total: number,
  rng: Rng,
  stats: { levels: number; moves: number },
  scratch: Scratch,
): number[] => {
  const first = leidenRun(base, partition, settings, total, rng, stats, scratch);
  if (first === null) return [levelModularity(base, partition, settings.resolution, total)];
  const start = new Int32Array(first.level.n);
  for (let i = 0; i < base.n; i++) start[first.map[i]!] = partition[i]!;
  const byIteration = [levelModularity(first.level, start, settings.resolution, total)];
  // Later iterations start from the first run's first aggregate: its nodes are refined
  // sub-communities, each inside one community, whose people are already settled. That skips
  // the costliest level and keeps nearly all of what a full iteration gains.
  for (let it = 1; it < settings.iterations; it++) {
    leidenRun(first.level, start, settings, total, rng, stats, scratch);
    byIteration.push(levelModularity(first.level, start, settings.resolution, total));
  }
  for (let i = 0; i < base.n; i++) partition[i] = start[first.map[i]!]!;
  return byIteration;
};

/** Communities with the run's diagnostics (levels, moves, splits, modularity per iteration). */
export const detectCommunitiesDetailed = (
  graph: CompactGraph,
  options: Partial<CommunityOptions> = {},
): CommunitiesDetailed => {
  const settings = { ...DEFAULTS, ...options };
  const { n } = graph;
  const rng = settings.rng ?? createRng(settings.seed);
  const base = baseLevel(graph, settings.weighted);
  let total = 0;
  for (let i = 0; i < n; i++) total += base.strength[i]!;
  const partition = new Int32Array(n);
  for (let i = 0; i < n; i++) partition[i] = i;
  const stats = { levels: 0, moves: 0 };
  const scratch = createScratch(n);
  const modularityByIteration =
    total > 0 ? leidenIterations(base, partition, settings, total, rng, stats, scratch) : [];
  // Polish: one more local-moving pass over the people themselves, since the later
  // iterations moved whole sub-communities and left some people better off elsewhere.
  if (total > 0 && settings.polish) {
    const moves = moveNodesFast(base, partition, settings.resolution, total, rng, scratch);
    stats.moves += moves;
    // Without a move the partition is unchanged, and so is its figure (to the last bit).
    modularityByIteration.push(
      moves === 0
        ? modularityByIteration.at(-1)!
        : settledModularity(base, partition, scratch.inside, settings.resolution, total),
    );
  }
  const splits = splitDisconnected(graph, partition);
  // Splitting changed the partition (it can only raise modularity): measure it afresh then.
  const q =
    splits > 0
      ? levelModularity(base, partition, settings.resolution, total)
      : (modularityByIteration.at(-1) ?? 0);
  const count = numberBySize(partition);
  return {
    communities: partition,
    count,
    modularity: q,
    levels: stats.levels,
    moves: stats.moves,
    splits,
    modularityByIteration,
  };
};

/** Communities (circles) of the network: a label per person and the partition's modularity. */
export const detectCommunities = (
  graph: CompactGraph,
  options: Partial<CommunityOptions> = {},
): Communities => {
  const { communities, count, modularity: q } = detectCommunitiesDetailed(graph, options);
  return { communities, count, modularity: q };
};
