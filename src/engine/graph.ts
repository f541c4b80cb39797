/**
 * The compact graph the engine works on: people as integers 0..n-1 and ties in compressed
 * sparse row form (CSR), each undirected tie stored in both directions. Built once from the
 * store and patched when the workspace changes; every algorithm reads these typed arrays.
 */

/** One undirected tie between two people, by person id, with its weight (> 0). */
export interface GraphEdge {
  readonly a: string;
  readonly b: string;
  readonly weight: number;
}

export interface CompactGraph {
  /** Number of people. */
  readonly n: number;
  /** Number of undirected ties (self-ties and duplicates removed). */
  readonly m: number;
  /** Person id of each index. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Neighbours of i are neighbors[offsets[i] .. offsets[i+1]), sorted ascending. */
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  /** Weight of each entry of `neighbors`. */
  readonly weights: Float64Array;
  /** Sum of the weights of i's ties. */
  readonly strength: Float64Array;
}

/**
 * Builds the CSR graph. Ties naming unknown people and self-ties are dropped; a pair given twice
 * keeps the larger weight.
 */
export const buildGraph = (ids: readonly string[], edges: readonly GraphEdge[]): CompactGraph => {
  const indexOf = new Map<string, number>();
  for (const [i, id] of ids.entries()) indexOf.set(id, i);
  const src: number[] = [];
  const dst: number[] = [];
  const wt: number[] = [];
  for (const edge of edges) {
    const a = indexOf.get(edge.a);
    const b = indexOf.get(edge.b);
    if (a === undefined || b === undefined || a === b || !(edge.weight > 0)) continue;
    src.push(a);
    dst.push(b);
    wt.push(edge.weight);
  }
  return fromIndexEdges(
    ids,
    indexOf,
    Int32Array.from(src),
    Int32Array.from(dst),
    Float64Array.from(wt),
  );
};

/** Builds the CSR graph from ties already given as index pairs (how the store hands them over). */
export const fromIndexEdges = (
  ids: readonly string[],
  indexOf: ReadonlyMap<string, number>,
  src: Int32Array,
  dst: Int32Array,
  wt: Float64Array,
): CompactGraph => {
  const n = ids.length;
  // Phase 1: count both directions, then place them.
  const counts = new Int32Array(n + 1);
  for (let e = 0; e < src.length; e++) {
    counts[src[e]! + 1]!++;
    counts[dst[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) counts[i + 1]! += counts[i]!;
  const cursor = counts.slice(0, n);
  const rawNeighbors = new Int32Array(2 * src.length);
  const rawWeights = new Float64Array(2 * src.length);
  for (let e = 0; e < src.length; e++) {
    const a = src[e]!;
    const b = dst[e]!;
    const w = wt[e]!;
    rawNeighbors[cursor[a]!] = b;
    rawWeights[cursor[a]!++] = w;
    rawNeighbors[cursor[b]!] = a;
    rawWeights[cursor[b]!++] = w;
  }
  // Phase 2: transpose. Walking the rows in order of v and appending v to the row of each of
  // its neighbours leaves every row sorted, with no comparison sort (the graph is symmetric).
  const sortedNeighbors = new Int32Array(rawNeighbors.length);
  const sortedWeights = new Float64Array(rawNeighbors.length);
  const fill = counts.slice(0, n);
  for (let v = 0; v < n; v++) {
    for (let k = counts[v]!; k < counts[v + 1]!; k++) {
      const u = rawNeighbors[k]!;
      sortedNeighbors[fill[u]!] = v;
      sortedWeights[fill[u]!++] = rawWeights[k]!;
    }
  }
  // Phase 3: fold duplicates (keeping the larger weight) and sum each row's weights.
  const offsets = new Int32Array(n + 1);
  const neighbors = new Int32Array(rawNeighbors.length);
  const weights = new Float64Array(rawNeighbors.length);
  const strength = new Float64Array(n);
  let out = 0;
  for (let i = 0; i < n; i++) {
    let last = -1;
    for (let k = counts[i]!; k < counts[i + 1]!; k++) {
      const v = sortedNeighbors[k]!;
      const w = sortedWeights[k]!;
      if (v === last) {
        if (w > weights[out - 1]!) weights[out - 1] = w;
        continue;
      }
      neighbors[out] = v;
      weights[out++] = w;
      last = v;
    }
    offsets[i + 1] = out;
    strength[i] = rowStrength(offsets, weights, i);
  }
  return {
    n,
    m: out / 2,
    ids,
    indexOf,
    offsets,
    neighbors: neighbors.slice(0, out),
    weights: weights.slice(0, out),
    strength,
  };
};

/**
 * Sum of i's tie weights, in row order: every builder and patch sums a row here, so a patched
 * graph's strengths equal a rebuilt one's to the last bit.
 */
export const rowStrength = (offsets: Int32Array, weights: Float64Array, i: number): number => {
  let s = 0;
  for (let k = offsets[i]!; k < offsets[i + 1]!; k++) s += weights[k]!;
  return s;
};

/** Number of ties of person i. */
export const degreeOf = (graph: CompactGraph, i: number): number =>
  graph.offsets[i + 1]! - graph.offsets[i]!;

/** Position of j in i's sorted row (an index into `neighbors` and `weights`), or -1. */
export const tiePosition = (graph: CompactGraph, i: number, j: number): number => {
  let lo = graph.offsets[i]!;
  let hi = graph.offsets[i + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = graph.neighbors[mid]!;
    if (v === j) return mid;
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
};

/** Whether i and j are tied. */
export const hasTie = (graph: CompactGraph, i: number, j: number): boolean =>
  tiePosition(graph, i, j) >= 0;
