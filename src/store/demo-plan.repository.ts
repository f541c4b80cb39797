/** The structure a demo network planted, by person id. */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface StoredDemoPlan {
  readonly brokers: readonly string[];
  readonly circles: ReadonlyArray<{
    readonly name: string;
    readonly kind: string;
    readonly members: readonly string[];
  }>;
}

export class DemoPlanRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
  ) {}

  async save(workspaceId: string, seed: number, plan: StoredDemoPlan): Promise<void> {
    await this.db
      .insertInto('demo_plans')
      .values({
        workspace_id: workspaceId,
        seed,
        plan: JSON.stringify(plan),
        created_at: this.now(),
      })
      .onConflict((oc) =>
        oc.column('workspace_id').doUpdateSet({ seed, plan: JSON.stringify(plan) }),
      )
      .execute();
  }

  async find(workspaceId: string): Promise<StoredDemoPlan | undefined> {
    const row = await this.db
      .selectFrom('demo_plans')
      .select('plan')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.plan) as StoredDemoPlan) : undefined;
  }
}
