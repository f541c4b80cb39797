/** Circle names the host chose, each with the members the circle had then. */
import type { Kysely } from 'kysely';
import { newId } from './ids';
import { fromJsonList } from './rows';
import type { Database } from './schema';

export interface HostCircleName {
  readonly id: string;
  readonly name: string;
  readonly members: readonly string[];
}

export class CircleNameRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
  ) {}

  async all(workspaceId: string): Promise<HostCircleName[]> {
    const rows = await this.db
      .selectFrom('circle_names')
      .select(['id', 'name', 'members'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, members: fromJsonList(r.members) }));
  }

  /** Saves a name for a circle, replacing the names it supersedes. */
  async save(
    workspaceId: string,
    name: string,
    members: readonly string[],
    replaces: readonly string[],
  ): Promise<void> {
    if (replaces.length > 0) {
      await this.db
        .deleteFrom('circle_names')
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', replaces)
        .execute();
    }
    await this.db
      .insertInto('circle_names')
      .values({
        workspace_id: workspaceId,
        id: newId(),
        name,
        members: JSON.stringify(members),
        created_at: this.now(),
      })
      .execute();
  }
}
