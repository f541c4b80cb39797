/**
 * The per-workspace change counter (see migration 0008): bumped by every write that changes what
 * the engine reads, in that write's transaction, and read by every process that keeps an
 * in-memory network of the workspace to learn whether it is stale.
 */
import type { WorkspaceScope } from './workspace-scope';

export class ChangeCounterRepository {
  constructor(private readonly scope: WorkspaceScope) {}

  /**
   * Counts one more change to the workspace and returns the new count. Call it last in the
   * write's transaction: on PostgreSQL it holds the workspace's row until the commit.
   */
  async bump(): Promise<number> {
    const row = await this.scope
      .updateWorkspace()
      .set((eb) => ({ change_count: eb('change_count', '+', 1) }))
      .returning('change_count')
      .executeTakeFirst();
    return row?.change_count ?? 0;
  }

  /** The workspace's change count now (0 for a workspace that does not exist). */
  async current(): Promise<number> {
    const row = await this.scope.selectWorkspace().select('change_count').executeTakeFirst();
    return row?.change_count ?? 0;
  }
}
