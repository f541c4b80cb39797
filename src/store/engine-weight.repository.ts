/** The host's weights of pair value for one workspace, kept on the workspace's own row. */
import type { WorkspaceScope } from './workspace-scope';

export class EngineWeightRepository {
  constructor(private readonly scope: WorkspaceScope) {}

  /** The weights as stored; null while the workspace keeps the defaults. */
  async find(): Promise<Record<string, number> | null> {
    const row = await this.scope.selectWorkspace().select('engine_weights').executeTakeFirst();
    return row?.engine_weights ? (JSON.parse(row.engine_weights) as Record<string, number>) : null;
  }

  /** Stores the weights; null goes back to the defaults. */
  async save(weights: Readonly<Record<string, number>> | null): Promise<void> {
    await this.scope
      .updateWorkspace()
      .set({ engine_weights: weights ? JSON.stringify(weights) : null })
      .execute();
  }
}
