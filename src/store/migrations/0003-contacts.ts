/**
 * Contacts in and out: what imports keep on a person (LinkedIn URL, photo, the profiles of the
 * contact card, the batch that created them), the import batches, and what undo needs to put
 * things back. Frozen in time: `Kysely<any>`, nothing of the application imported.
 *
 * `people.import_batch_id` is a plain column: SQLite cannot add a composite foreign key to an
 * existing table. `import_changes` carries the composite `(workspace_id, …)` keys instead, in the
 * style of 0001, so a change can only name a batch and a person of its own workspace.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped by design
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  for (const column of ['linkedin_url', 'photo', 'profiles', 'import_batch_id']) {
    await db.schema.alterTable('people').addColumn(column, 'text').execute();
  }
  await db.schema
    .createIndex('people_import_batch')
    .on('people')
    .columns(['workspace_id', 'import_batch_id'])
    .execute();

  await db.schema
    .createTable('import_batches')
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addUniqueConstraint('import_batches_workspace_id', ['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('import_batches_created')
    .on('import_batches')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('import_changes')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('previous', 'text')
    .addColumn('stamp', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_changes_pk', ['batch_id', 'person_id', 'kind'])
    .addForeignKeyConstraint(
      'import_changes_batch',
      ['workspace_id', 'batch_id'],
      'import_batches',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'import_changes_person',
      ['workspace_id', 'person_id'],
      'people',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('import_changes_person')
    .on('import_changes')
    .columns(['workspace_id', 'person_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('import_changes').execute();
  await db.schema.dropTable('import_batches').execute();
  await db.schema.dropIndex('people_import_batch').execute();
  for (const column of ['import_batch_id', 'profiles', 'photo', 'linkedin_url']) {
    await db.schema.alterTable('people').dropColumn(column).execute();
  }
}
