/**
 * The foundation tables. Frozen in time: this file takes `Kysely<any>` and imports nothing of the
 * application, so later changes to the code can never change what it creates.
 *
 * Every workspace-owned table carries `workspace_id`, and every reference between them is a
 * composite foreign key `(workspace_id, id)`: a tie or attendee can only point at a person of the
 * same workspace, so cross-workspace rows are impossible in the database itself.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped by design
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  // Byte-order collation in PostgreSQL makes prefix ranges and keyset order match SQLite's.
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`collate "C"` : sql``;

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();

  await db.schema
    .createTable('workspace_invites')
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_invites_pk', ['workspace_id', 'email'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('is_self', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull().modifyEnd(binary))
    .addColumn('given_name', 'text')
    .addColumn('family_name', 'text')
    .addColumn('emails', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('phones', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('organization', 'text')
    .addColumn('title', 'text')
    .addColumn('location', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('interests', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('asks', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('offers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text')
    .addColumn('stature', 'integer')
    .addColumn('how_we_met', 'text')
    .addColumn('how_we_met_moment_id', 'text')
    .addColumn('introduced_by_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('last_contact_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('people_workspace_id', ['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('people_sort')
    .on('people')
    .columns(['workspace_id', 'sort_key', 'id'])
    .execute();

  await db.schema
    .createTable('person_search')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull().modifyEnd(binary))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      'person_search_person',
      ['workspace_id', 'person_id'],
      'people',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('person_search_term')
    .on('person_search')
    .columns(['workspace_id', 'term', 'person_id'])
    .execute();
  await db.schema
    .createIndex('person_search_person')
    .on('person_search')
    .columns(['person_id'])
    .execute();

  await db.schema
    .createTable('ties')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('a_id', 'text', (c) => c.notNull())
    .addColumn('b_id', 'text', (c) => c.notNull())
    .addColumn('strength', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('since', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      'ties_a',
      ['workspace_id', 'a_id'],
      'people',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'ties_b',
      ['workspace_id', 'b_id'],
      'people',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addUniqueConstraint('ties_pair', ['workspace_id', 'a_id', 'b_id'])
    .addCheckConstraint('ties_ordered', sql`a_id < b_id`)
    .addCheckConstraint('ties_strength', sql`strength between 1 and 5`)
    .execute();
  await db.schema.createIndex('ties_b').on('ties').columns(['workspace_id', 'b_id']).execute();

  await db.schema
    .createTable('moments')
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('moments_workspace_id', ['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('moments_date')
    .on('moments')
    .columns(['workspace_id', 'occurred_on'])
    .execute();

  await db.schema
    .createTable('moment_attendees')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('moment_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('mark', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('moment_attendees_pk', ['moment_id', 'person_id'])
    .addForeignKeyConstraint(
      'moment_attendees_moment',
      ['workspace_id', 'moment_id'],
      'moments',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'moment_attendees_person',
      ['workspace_id', 'person_id'],
      'people',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('moment_attendees_person')
    .on('moment_attendees')
    .columns(['workspace_id', 'person_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'moment_attendees',
    'moments',
    'ties',
    'person_search',
    'people',
    'workspace_invites',
    'memberships',
    'workspaces',
    'api_tokens',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
