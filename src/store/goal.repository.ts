/** The host's goals: the people of a workspace they want to grow closer to. */
import { withinWorkspace } from './rows';
import type { WorkspaceScope } from './workspace-scope';

export class GoalRepository {
  constructor(
    private readonly scope: WorkspaceScope,
    private readonly now: () => string,
  ) {}

  /** The ids of the people marked as goals, oldest mark first. */
  async all(): Promise<string[]> {
    const rows = await this.scope
      .selectFrom('person_goals')
      .select('person_id')
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.person_id);
  }

  async has(personId: string): Promise<boolean> {
    const row = await this.scope
      .selectFrom('person_goals')
      .select('person_id')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Marks or unmarks a person; marking twice is one mark. `not_found` for a foreign person. */
  async set(personId: string, goal: boolean): Promise<void> {
    if (!goal) {
      await this.scope.deleteFrom('person_goals').where('person_id', '=', personId).execute();
      return;
    }
    await withinWorkspace('Person', () =>
      this.scope
        .insertInto('person_goals', { person_id: personId, created_at: this.now() })
        .onConflict((oc) => oc.columns(['workspace_id', 'person_id']).doNothing())
        .execute(),
    );
  }
}
