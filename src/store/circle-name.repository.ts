/** Circle names the host chose, each with the members the circle had then. */
import { newId } from './ids';
import { fromJsonList } from './rows';
import type { WorkspaceScope } from './workspace-scope';

export interface HostCircleName {
  readonly id: string;
  readonly name: string;
  readonly members: readonly string[];
}

export class CircleNameRepository {
  constructor(
    private readonly scope: WorkspaceScope,
    private readonly now: () => string,
  ) {}

  async all(): Promise<HostCircleName[]> {
    const rows = await this.scope
      .selectFrom('circle_names')
      .select(['id', 'name', 'members'])
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, members: fromJsonList(r.members) }));
  }

  /** Saves a name for a circle, replacing the names it supersedes. */
  async save(name: string, members: readonly string[], replaces: readonly string[]): Promise<void> {
    if (replaces.length > 0) {
      await this.scope.deleteFrom('circle_names').where('id', 'in', replaces).execute();
    }
    await this.scope
      .insertInto('circle_names', {
        id: newId(),
        name,
        members: JSON.stringify(members),
        created_at: this.now(),
      })
      .execute();
  }
}
