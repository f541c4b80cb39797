/** The structure a demo network planted, by person id. */
import type { WorkspaceScope } from './workspace-scope';

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
    private readonly scope: WorkspaceScope,
    private readonly now: () => string,
  ) {}

  async save(seed: number, plan: StoredDemoPlan): Promise<void> {
    await this.scope
      .insertInto('demo_plans', { seed, plan: JSON.stringify(plan), created_at: this.now() })
      .onConflict((oc) =>
        oc.column('workspace_id').doUpdateSet({ seed, plan: JSON.stringify(plan) }),
      )
      .execute();
  }

  async find(): Promise<StoredDemoPlan | undefined> {
    const row = await this.scope.selectFrom('demo_plans').select('plan').executeTakeFirst();
    return row ? (JSON.parse(row.plan) as StoredDemoPlan) : undefined;
  }
}
