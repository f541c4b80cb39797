/**
 * Questions about the whole database rather than one workspace: which ids any workspace uses
 * (a restore renews colliding ids) and which tables belong to workspaces (the backup coverage
 * test). Kept apart from the workspace-bound repositories because it reads across workspaces.
 */
import { type Kysely, sql } from 'kysely';
import { batches } from './rows';
import type { Database } from './schema';
import type { WorkspaceTableName } from './workspace-scope';

export class CatalogueRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** How many of these own ids some workspace of this database already uses in `table`. */
  async idsInUse(table: WorkspaceTableName, ids: readonly string[]): Promise<number> {
    let taken = 0;
    // Only tables with an `id` column are asked; the dynamic name is checked by the caller's list.
    const db = this.db as unknown as Kysely<Record<string, { id: string }>>;
    for (const batch of batches(ids, 1)) {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('id', 'in', batch)
        .executeTakeFirstOrThrow();
      taken += Number(row.n);
    }
    return taken;
  }

  /** The database's own list of workspace tables and their columns. */
  async workspaceTables(): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const rows = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema()`
      .execute(this.db)
      .catch(async () =>
        // SQLite has no information_schema: read its catalogue instead.
        sql<{ table_name: string; column_name: string }>`
          select m.name as table_name, p.name as column_name
          from sqlite_master m join pragma_table_info(m.name) p
          where m.type = 'table'`.execute(this.db),
      );
    for (const row of rows.rows) {
      const list = out.get(row.table_name) ?? [];
      list.push(row.column_name);
      out.set(row.table_name, list);
    }
    for (const [table, columns] of out) if (!columns.includes('workspace_id')) out.delete(table);
    return out;
  }
}
