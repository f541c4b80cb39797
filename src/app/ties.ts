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

export const recordTie = (ctx: AppContext, access: Access, input: TieInput) => {
  requireEditor(access);
  return ctx.store.ties.create(access.workspaceId, { ...input, source: 'recorded' });
};

export const updateTie = (
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
  return ctx.store.ties.update(access.workspaceId, id, defined);
};

export const removeTie = async (ctx: AppContext, access: Access, id: string) => {
  requireEditor(access);
  await ctx.store.ties.remove(access.workspaceId, id);
};
