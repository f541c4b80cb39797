/**
 * The engine's graph read (every tie of a workspace with its strength, grouped by `a_id`)
 * answered from one index: `ties_pair` holds the pair but not the strength, so the read visited
 * the table for every tie, a third of its time at a million ties (measured). The extra index
 * costs about 12% of the database's size. Frozen in time: `Kysely<any>`, nothing of the
 * application imported.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped by design
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createIndex('ties_graph')
    .on('ties')
    .columns(['workspace_id', 'a_id', 'b_id', 'strength'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('ties_graph').execute();
}
