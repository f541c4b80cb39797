/**
 * A network crossing between threads: what a worker thread builds is structured-cloned back,
 * its typed arrays transferred, not copied. The parts that cannot cross (the model's scratch
 * scanner, made of closures) or are cheaper to make again than to clone (the id → index map)
 * are left out and made again on arrival.
 */
import type { CompactGraph } from '../engine/graph';
import { createSourceScanner } from '../engine/structural';
import type { NetworkState } from './network';

/** A compact graph without its id → index map. */
export type PackedGraph = Omit<CompactGraph, 'indexOf'>;

/** A network state as it crosses: graph without its index map, model without its scanner. */
export interface PackedState extends Omit<NetworkState, 'network'> {
  readonly network: Omit<NetworkState['network'], 'graph' | 'model'> & {
    readonly graph: PackedGraph;
    readonly model: Omit<NetworkState['network']['model'], 'graph' | 'scanner'>;
  };
}

export const packGraph = ({ indexOf: _indexOf, ...graph }: CompactGraph): PackedGraph => graph;

export const unpackGraph = (graph: PackedGraph): CompactGraph => {
  const indexOf = new Map<string, number>();
  for (const [i, id] of graph.ids.entries()) indexOf.set(id, i);
  return { ...graph, indexOf };
};

export const packState = (state: NetworkState): PackedState => {
  const { graph, model, ...network } = state.network;
  const { graph: _graph, scanner: _scanner, ...rest } = model;
  return { ...state, network: { ...network, graph: packGraph(graph), model: rest } };
};

export const unpackState = (packed: PackedState): NetworkState => {
  const { graph: packedGraph, model, ...network } = packed.network;
  const graph = unpackGraph(packedGraph);
  return {
    ...packed,
    network: { ...network, graph, model: { ...model, graph, scanner: createSourceScanner(graph) } },
  };
};

/** The buffers of every typed array in `value` (each once), to transfer rather than copy. */
export const buffersOf = (value: unknown): ArrayBuffer[] => {
  const found = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object' || seen.has(v) || depth > 4) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) found.add(v.buffer);
      return;
    }
    // Arrays of plain records (people, circles) hold no typed arrays worth the walk.
    if (Array.isArray(v)) return;
    for (const child of Object.values(v)) visit(child, depth + 1);
  };
  visit(value, 0);
  return [...found];
};

/**
 * The long lists of a built network and of reach (one entry per person, or per circle or pair),
 * which cross in slices of `SLICE` entries.
 */
export const SLICED_PATHS: ReadonlyArray<readonly string[]> = [
  ['network', 'people'],
  ['network', 'profiles'],
  ['network', 'model', 'profiles'],
  ['named'],
  ['metPairs'],
  ['people'],
];

export const SLICE = 1000;

/** The list at `path` in `value`, if there is one. */
export const listAt = (value: unknown, path: readonly string[]): unknown[] | null => {
  let at: unknown = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return null;
    at = (at as Record<string, unknown>)[key];
  }
  return Array.isArray(at) ? at : null;
};

/** `value` with `list` at `path`, copying only the records on the way (nothing else). */
export const withList = (value: unknown, path: readonly string[], list: unknown[]): unknown => {
  const [key, ...more] = path;
  if (key === undefined) return list;
  const record = value as Record<string, unknown>;
  return { ...record, [key]: withList(record[key], more, list) };
};
