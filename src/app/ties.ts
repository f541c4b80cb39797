/** Ties the host records by hand. */
import type { AppContext } from './context';
import { type Access, requireEditor } from './workspaces';

export interface TieInput {
  readonly aId: string;
  readonly bId: string;
  readonly strength: number;
  readonly since?: string | null | undefined;
  readonly notes?: string | null | undefined;
}

export const recordTie = async (ctx: AppContext, access: Access, input: TieInput) => {
  requireEditor(access);
  const tie = await ctx.store.in(access.workspaceId).ties.create({ ...input, source: 'recorded' });
  await ctx.network.changed(access.workspaceId, {
    kind: 'tie-set',
    aId: tie.aId,
    bId: tie.bId,
  });
  return tie;
};

export const updateTie = async (
  ctx: AppContext,
  access: Access,
  id: string,
  changes: {
    strength?: number | undefined;
    since?: string | null | undefined;
    notes?: string | null | undefined;
  },
) => {
  requireEditor(access);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const tie = await ctx.store.in(access.workspaceId).ties.update(id, defined);
  await ctx.network.changed(access.workspaceId, {
    kind: 'tie-set',
    aId: tie.aId,
    bId: tie.bId,
  });
  return tie;
};

export const removeTie = async (ctx: AppContext, access: Access, id: string) => {
  requireEditor(access);
  const tie = await ctx.store.in(access.workspaceId).ties.remove(id);
  await ctx.network.changed(access.workspaceId, {
    kind: 'tie-removed',
    aId: tie.aId,
    bId: tie.bId,
  });
};
