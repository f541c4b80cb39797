/**
 * Gatherings: the tables a host plans, and their guest lists. Every row carries `workspace_id`,
 * and a guest points at a person of the same workspace through the composite key, so a guest
 * list can never name someone of another workspace. Frozen in time.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped by design
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('gatherings')
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('plus_ones', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('plus_one_seats', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('purpose', 'text')
    .addColumn('note', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('gatherings_workspace_id', ['workspace_id', 'id'])
    .execute();
  // The planner lists a workspace's gatherings by date; the composer finds those of one day.
  await db.schema
    .createIndex('gatherings_start')
    .on('gatherings')
    .columns(['workspace_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('gathering_guests')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('gathering_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('gathering_guests_pk', ['gathering_id', 'person_id'])
    .addForeignKeyConstraint(
      'gathering_guests_gathering',
      ['workspace_id', 'gathering_id'],
      'gatherings',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'gathering_guests_person',
      ['workspace_id', 'person_id'],
      'people',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // Which gatherings a person is on the list of (the day's other invitations, their page).
  await db.schema
    .createIndex('gathering_guests_person')
    .on('gathering_guests')
    .columns(['workspace_id', 'person_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('gathering_guests').execute();
  await db.schema.dropTable('gatherings').execute();
}
