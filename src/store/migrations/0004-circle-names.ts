/**
 * Names the host gave to circles, with the people the circle held when named, so a name survives
 * recomputation while the circle is mostly the same people. Frozen in time.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped by design
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('circle_names')
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('circle_names_workspace')
    .on('circle_names')
    .column('workspace_id')
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('circle_names').execute();
}
