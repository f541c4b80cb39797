/** Ties the host records by hand. */
import type { AppContext } from './context';
import { writeNetwork } from './network-write';
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
  return writeNetwork(
    ctx,
    access.workspaceId,
    (repos) => repos.ties.create({ ...input, source: 'recorded' }),
    (tie) => ({ kind: 'tie-set', aId: tie.aId, bId: tie.bId }),
  );
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
  return writeNetwork(
    ctx,
    access.workspaceId,
    (repos) => repos.ties.update(id, defined),
    (tie) => ({ kind: 'tie-set', aId: tie.aId, bId: tie.bId }),
  );
};

export const removeTie = async (ctx: AppContext, access: Access, id: string) => {
  requireEditor(access);
  await writeNetwork(
    ctx,
    access.workspaceId,
    (repos) => repos.ties.remove(id),
    (tie) => ({ kind: 'tie-removed', aId: tie.aId, bId: tie.bId }),
  );
};
