/**
 * A per-workspace change counter: every write that changes what the engine reads bumps it in
 * its own transaction, so any process (another server, the CLI) holding an in-memory network of
 * the workspace sees, by one cheap read, that it is stale. Frozen in time: `Kysely<any>`,
 * nothing of the application imported.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped by design
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('change_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('change_count').execute();
}
