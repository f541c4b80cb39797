/**
 * Patches for the compact graph: add or remove one tie or one person and get a new
 * `CompactGraph` without rebuilding it from the store.
 *
 * Method: each patch copies the CSR arrays once, in blocks (`TypedArray.set` over
 * `subarray`s), shifting only what follows the changed rows, so it costs O(n + m) memory
 * traffic and never re-sorts a row. The result is identical, array for array, to what
 * `buildGraph` would give for the patched people and ties, so cached results stay comparable.
 *
 * The input graph is never mutated. Arrays a patch does not change are shared with it (the graph
 * is read-only by contract), which makes `withPerson` cheap.
 */
import { type CompactGraph, type GraphEdge, rowStrength, tiePosition } from './graph';

/** First position in `neighbors[start, end)` whose value is ≥ `target` (rows are sorted). */
const lowerBound = (neighbors: Int32Array, start: number, end: number, target: number): number => {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (neighbors[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * The graph with a tie between `aId` and `bId` of the given weight. An existing tie takes the
 * new weight (the tie's strength changed). As in `buildGraph`, a self-tie, an unknown person or
 * a weight that is not positive leaves the graph as it is (the same object is returned).
 */
export const withTie = (
  graph: CompactGraph,
  aId: string,
  bId: string,
  weight: number,
): CompactGraph => {
  const a = graph.indexOf.get(aId);
  const b = graph.indexOf.get(bId);
  if (a === undefined || b === undefined || a === b || !(weight > 0)) return graph;
  const { n, offsets, neighbors, weights } = graph;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const pLo = lowerBound(neighbors, offsets[lo]!, offsets[lo + 1]!, hi);
  const pHi = lowerBound(neighbors, offsets[hi]!, offsets[hi + 1]!, lo);
  const strength = graph.strength.slice();

  // Existing tie: only two weights change.
  if (pLo < offsets[lo + 1]! && neighbors[pLo] === hi) {
    const nextWeights = weights.slice();
    nextWeights[pLo] = weight;
    nextWeights[pHi] = weight;
    strength[lo] = rowStrength(offsets, nextWeights, lo);
    strength[hi] = rowStrength(offsets, nextWeights, hi);
    return { ...graph, weights: nextWeights, strength };
  }

  // New tie: copy three blocks around the two insertion points (pLo ≤ pHi as lo < hi).
  const length = neighbors.length;
  const nextNeighbors = new Int32Array(length + 2);
  const nextWeights = new Float64Array(length + 2);
  nextNeighbors.set(neighbors.subarray(0, pLo), 0);
  nextNeighbors[pLo] = hi;
  nextNeighbors.set(neighbors.subarray(pLo, pHi), pLo + 1);
  nextNeighbors[pHi + 1] = lo;
  nextNeighbors.set(neighbors.subarray(pHi), pHi + 2);
  nextWeights.set(weights.subarray(0, pLo), 0);
  nextWeights[pLo] = weight;
  nextWeights.set(weights.subarray(pLo, pHi), pLo + 1);
  nextWeights[pHi + 1] = weight;
  nextWeights.set(weights.subarray(pHi), pHi + 2);
  const nextOffsets = offsets.slice();
  for (let i = lo + 1; i <= hi; i++) nextOffsets[i]! += 1;
  for (let i = hi + 1; i <= n; i++) nextOffsets[i]! += 2;
  strength[lo] = rowStrength(nextOffsets, nextWeights, lo);
  strength[hi] = rowStrength(nextOffsets, nextWeights, hi);
  return {
    ...graph,
    m: graph.m + 1,
    offsets: nextOffsets,
    neighbors: nextNeighbors,
    weights: nextWeights,
    strength,
  };
};

/**
 * The graph with each of these ties at its weight (as `withTie`, one after another): the ties it
 * already has are re-weighted in one copy of the weights, and only new ones are inserted one by
 * one. What a logged moment needs: it renews many ties among a few people and adds a few.
 */
export const withTies = (graph: CompactGraph, ties: readonly GraphEdge[]): CompactGraph => {
  const { offsets, indexOf } = graph;
  const fresh: GraphEdge[] = [];
  let weights: Float64Array | null = null;
  const touched = new Set<number>();
  for (const tie of ties) {
    const a = indexOf.get(tie.a);
    const b = indexOf.get(tie.b);
    if (a === undefined || b === undefined || a === b || !(tie.weight > 0)) continue;
    const p = tiePosition(graph, a, b);
    if (p < 0) {
      fresh.push(tie);
      continue;
    }
    weights ??= graph.weights.slice();
    weights[p] = tie.weight;
    weights[tiePosition(graph, b, a)] = tie.weight;
    touched.add(a).add(b);
  }
  let next = graph;
  if (weights) {
    const strength = graph.strength.slice();
    for (const i of touched) strength[i] = rowStrength(offsets, weights, i);
    next = { ...graph, weights, strength };
  }
  for (const tie of fresh) next = withTie(next, tie.a, tie.b, tie.weight);
  return next;
};

/**
 * The graph without the tie between `aId` and `bId`. If there is no such tie (or a person is
 * unknown) the same graph object is returned.
 */
export const withoutTie = (graph: CompactGraph, aId: string, bId: string): CompactGraph => {
  const a = graph.indexOf.get(aId);
  const b = graph.indexOf.get(bId);
  if (a === undefined || b === undefined || a === b) return graph;
  const { n, offsets, neighbors, weights } = graph;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const pLo = lowerBound(neighbors, offsets[lo]!, offsets[lo + 1]!, hi);
  if (pLo >= offsets[lo + 1]! || neighbors[pLo] !== hi) return graph;
  const pHi = lowerBound(neighbors, offsets[hi]!, offsets[hi + 1]!, lo);

  const length = neighbors.length;
  const nextNeighbors = new Int32Array(length - 2);
  const nextWeights = new Float64Array(length - 2);
  nextNeighbors.set(neighbors.subarray(0, pLo), 0);
  nextNeighbors.set(neighbors.subarray(pLo + 1, pHi), pLo);
  nextNeighbors.set(neighbors.subarray(pHi + 1), pHi - 1);
  nextWeights.set(weights.subarray(0, pLo), 0);
  nextWeights.set(weights.subarray(pLo + 1, pHi), pLo);
  nextWeights.set(weights.subarray(pHi + 1), pHi - 1);
  const nextOffsets = offsets.slice();
  for (let i = lo + 1; i <= hi; i++) nextOffsets[i]! -= 1;
  for (let i = hi + 1; i <= n; i++) nextOffsets[i]! -= 2;
  const strength = graph.strength.slice();
  strength[lo] = rowStrength(nextOffsets, nextWeights, lo);
  strength[hi] = rowStrength(nextOffsets, nextWeights, hi);
  return {
    ...graph,
    m: graph.m - 1,
    offsets: nextOffsets,
    neighbors: nextNeighbors,
    weights: nextWeights,
    strength,
  };
};

/**
 * The graph with one more person, with no ties, at index `n` (existing indices do not move).
 * A person already present leaves the graph as it is.
 */
export const withPerson = (graph: CompactGraph, id: string): CompactGraph => {
  if (graph.indexOf.has(id)) return graph;
  const { n } = graph;
  const indexOf = new Map(graph.indexOf);
  indexOf.set(id, n);
  const offsets = new Int32Array(n + 2);
  offsets.set(graph.offsets, 0);
  offsets[n + 1] = graph.offsets[n] ?? 0;
  const strength = new Float64Array(n + 1);
  strength.set(graph.strength, 0);
  return { ...graph, n: n + 1, ids: [...graph.ids, id], indexOf, offsets, strength };
};

/**
 * The graph without one person and their ties. Everyone after them moves down one index (that
 * keeps every row sorted without re-sorting); arrays aligned to indices must drop the same
 * position. An unknown person leaves the graph as it is.
 */
export const withoutPerson = (graph: CompactGraph, id: string): CompactGraph => {
  const gone = graph.indexOf.get(id);
  if (gone === undefined) return graph;
  const { n, offsets, neighbors, weights } = graph;
  const lost = offsets[gone + 1]! - offsets[gone]!;
  const nextOffsets = new Int32Array(n);
  const nextNeighbors = new Int32Array(neighbors.length - 2 * lost);
  const nextWeights = new Float64Array(neighbors.length - 2 * lost);
  const strength = new Float64Array(n - 1);
  let out = 0;
  for (let i = 0; i < n; i++) {
    if (i === gone) continue;
    const to = i < gone ? i : i - 1;
    nextOffsets[to] = out;
    let touched = false;
    for (let k: number = offsets[i]!; k < offsets[i + 1]!; k++) {
      const v: number = neighbors[k]!;
      if (v === gone) {
        touched = true;
        continue;
      }
      nextNeighbors[out] = v < gone ? v : v - 1;
      nextWeights[out++] = weights[k]!;
    }
    nextOffsets[to + 1] = out;
    // Only the former neighbours' strength changes; recompute it rather than subtract, so it
    // equals the rebuilt graph's to the last bit.
    strength[to] = touched ? rowStrength(nextOffsets, nextWeights, to) : graph.strength[i]!;
  }
  const ids = graph.ids.filter((_, i) => i !== gone);
  const indexOf = new Map<string, number>();
  for (const [i, personId] of ids.entries()) indexOf.set(personId, i);
  return {
    n: n - 1,
    m: graph.m - lost,
    ids,
    indexOf,
    offsets: nextOffsets,
    neighbors: nextNeighbors,
    weights: nextWeights,
    strength,
  };
};
