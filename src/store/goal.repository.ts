/** The host's goals: the people of a workspace they want to grow closer to. */
import type { Kysely } from 'kysely';
import { withinWorkspace } from './rows';
import type { Database } from './schema';

export class GoalRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
  ) {}

  /** The ids of the people marked as goals, oldest mark first. */
  async all(workspaceId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('person_goals')
      .select('person_id')
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.person_id);
  }

  async has(workspaceId: string, personId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('person_goals')
      .select('person_id')
      .where('workspace_id', '=', workspaceId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Marks or unmarks a person; marking twice is one mark. `not_found` for a foreign person. */
  async set(workspaceId: string, personId: string, goal: boolean): Promise<void> {
    if (!goal) {
      await this.db
        .deleteFrom('person_goals')
        .where('workspace_id', '=', workspaceId)
        .where('person_id', '=', personId)
        .execute();
      return;
    }
    await withinWorkspace('Person', () =>
      this.db
        .insertInto('person_goals')
        .values({ workspace_id: workspaceId, person_id: personId, created_at: this.now() })
        .onConflict((oc) => oc.columns(['workspace_id', 'person_id']).doNothing())
        .execute(),
    );
  }
}
