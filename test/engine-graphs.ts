/** Graphs the engine's tests share: seeded random graphs and the same graph for graphology. */
import Graph from 'graphology';
import { createRng } from '../src/domain/random';
import { buildGraph, type CompactGraph, type GraphEdge } from '../src/engine/graph';

/** The compact graph as a graphology graph, with each tie's weight, to compare with its metrics. */
export const toGraphology = (graph: CompactGraph): Graph => {
  const g = new Graph({ type: 'undirected' });
  for (const id of graph.ids) g.addNode(id);
  for (let i = 0; i < graph.n; i++)
    for (let k = graph.offsets[i]!; k < graph.offsets[i + 1]!; k++) {
      const j = graph.neighbors[k]!;
      if (i < j) g.addEdge(graph.ids[i], graph.ids[j], { weight: graph.weights[k] });
    }
  return g;
};

/**
 * A sparse seeded random graph (weights in [0.1, 1.1)): with few ties per person it has
 * isolated people and several components, and self-ties and repeats for buildGraph to drop.
 */
export const randomGraph = (seed: number, n: number, ties: number): CompactGraph => {
  const rng = createRng(seed);
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const edges: GraphEdge[] = [];
  for (let e = 0; e < ties; e++)
    edges.push({
      a: ids[Math.floor(rng() * n)]!,
      b: ids[Math.floor(rng() * n)]!,
      weight: rng() + 0.1,
    });
  return buildGraph(ids, edges);
};
