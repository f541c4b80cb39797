/**
 * The host's tuning of the introduction engine, per workspace: the weights of pair value as a
 * JSON object (`{ "warmth": 0.5, … }`), null while the workspace keeps the defaults. Frozen in
 * time: `Kysely<any>`, nothing of the application imported.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped by design
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('engine_weights', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('engine_weights').execute();
}
