/**
 * The network map's data: people with their circle and reach, and the ties among them. Larger
 * networks are cut to the `limit` best-connected people so the map stays smooth.
 */
import type { AppContext } from './context';
import type { Access } from './workspaces';

export const networkMap = async (ctx: AppContext, access: Access, limit: number) => {
  const { network, reach } = await ctx.network.reach(access.workspaceId);
  const { graph } = network;
  const order = [...reach.people].sort(
    (a, b) => Number(b.isHost) - Number(a.isHost) || b.score - a.score,
  );
  const shown = order.slice(0, Math.min(limit, graph.n));
  const position = new Int32Array(graph.n).fill(-1);
  shown.forEach((r, k) => {
    position[r.index] = k;
  });
  const edges: Array<[number, number, number]> = [];
  for (const r of shown) {
    const i = r.index;
    for (let k = graph.offsets[i]!; k < graph.offsets[i + 1]!; k++) {
      const j = graph.neighbors[k]!;
      if (j > i && position[j]! >= 0) edges.push([position[i]!, position[j]!, graph.weights[k]!]);
    }
  }
  return {
    nodes: shown.map((r) => ({
      id: network.people[r.index]!.id,
      label: network.people[r.index]!.displayName,
      circle: network.communities[r.index]!,
      size: r.score,
      isSelf: r.isHost,
    })),
    edges,
    circles: network.circles.map((c) => ({ id: c.index, name: c.name, size: c.members.length })),
    total: { people: graph.n, ties: graph.m },
  };
};
