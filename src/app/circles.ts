/** The circles the host moves in, named from what their people share; the host can rename them. */
import { notFound } from '../domain/errors';
import type { AppContext } from './context';
import { type Access, requireEditor } from './workspaces';

const SAMPLE = 5;

export const listCircles = async (ctx: AppContext, access: Access) => {
  const network = await ctx.network.get(access.workspaceId);
  const { graph } = network;
  const degree = (i: number) => graph.offsets[i + 1]! - graph.offsets[i]!;
  return {
    modularity: network.modularity,
    circles: network.circles.map((c) => ({
      id: c.index,
      name: c.name,
      namedByHost: c.namedByHost,
      size: c.members.length,
      labels: c.labels.map((l) => ({ kind: l.kind, value: l.value, share: l.share })),
      sample: [...c.members]
        .sort((a, b) => degree(b) - degree(a) || a - b)
        .slice(0, SAMPLE)
        .map((i) => ({ id: network.people[i]!.id, displayName: network.people[i]!.displayName })),
    })),
  };
};

/**
 * Renames a circle. The name is kept with the circle's people, so it survives recomputation
 * while the circle is mostly the same people.
 */
export const renameCircle = async (
  ctx: AppContext,
  access: Access,
  circle: number,
  name: string,
) => {
  requireEditor(access);
  const network = await ctx.network.get(access.workspaceId);
  const found = network.circles.find((c) => c.index === circle);
  if (!found) throw notFound('Circle');
  const members = found.members.map((i) => network.people[i]!.id);
  await ctx.store
    .in(access.workspaceId)
    .circleNames.save(name, members, found.hostNameId ? [found.hostNameId] : []);
  await ctx.network.changed(access.workspaceId, { kind: 'circle-renamed' });
  const circles = await listCircles(ctx, access);
  const renamed = circles.circles.find((c) => c.name === name);
  if (!renamed) throw notFound('Circle');
  return renamed;
};
