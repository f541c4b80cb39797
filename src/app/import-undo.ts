/**
 * The imports of a workspace, and undoing one: the people it created are removed, the people it
 * updated get their previous values back (with their previous `updated_at`, so that an earlier
 * import can be undone after a later one), the ties it added to the host go. Refused with
 * `conflict` while anything it touched has changed since: an undo never loses the host's work.
 */
import { conflict } from '../domain/errors';
import type { ImportBatch } from '../store/import-batch.repository';
import type { AppContext } from './context';
import { type Access, requireEditor } from './workspaces';

export type { ImportBatch };

/** The most recent imports first. */
export const listImports = (ctx: AppContext, access: Access, limit = 100): Promise<ImportBatch[]> =>
  ctx.store.in(access.workspaceId).imports.list(limit);

export interface UndoResult {
  readonly batchId: string;
  /** People the import had created, now removed. */
  readonly removed: number;
  /** People the import had updated, now as they were. */
  readonly reverted: number;
  /** Ties with the host the import had added to people it did not create, now removed. */
  readonly tiesRemoved: number;
}

export const undoImport = async (
  ctx: AppContext,
  access: Access,
  batchId: string,
): Promise<UndoResult> => {
  requireEditor(access);
  const ws = access.workspaceId;
  const result = await ctx.store.in(access.workspaceId).transaction(async (repos) => {
    const batch = await repos.imports.require(batchId);
    if (batch.undoneAt) throw conflict('This import was already undone');
    const host = await repos.people.findSelf();
    if (!host) throw conflict('This workspace has no host person');
    const changed = await repos.imports.changedSince(batchId, host.id);
    if (changed.count > 0) {
      const names = changed.names.length > 0 ? ` (${changed.names.join(', ')}…)` : '';
      throw conflict(
        `People this import touched have changed since${names}: undoing it would lose those changes. Undo later imports first, or edit by hand.`,
      );
    }
    const changes = await repos.imports.changes(batchId);
    const tied = changes.filter((c) => c.kind === 'tie').map((c) => c.personId);
    await repos.imports.removeTies(host.id, tied);
    const updated = changes.filter((c) => c.kind === 'updated');
    for (const change of updated) {
      await repos.imports.revert(change.personId, change.previous ?? {});
    }
    await repos.people.reindex(updated.map((c) => c.personId));
    const removed = await repos.imports.removeCreated(batchId);
    await repos.imports.markUndone(batchId);
    return { batchId, removed, reverted: updated.length, tiesRemoved: tied.length };
  });
  await ctx.network.changed(ws, { kind: 'rebuild' });
  return result;
};
