/**
 * The host's goals: the people they want to grow closer to, which the engine's pair value
 * weighs. One row per person marked. Frozen in time.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped by design
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('person_goals')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_goals_pk', ['workspace_id', 'person_id'])
    .addForeignKeyConstraint(
      'person_goals_person',
      ['workspace_id', 'person_id'],
      'people',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('person_goals').execute();
}
