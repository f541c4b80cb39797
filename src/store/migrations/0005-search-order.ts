/**
 * Search in name order without reading every match's person: each search term carries its
 * person's sort key, and the term index ends in `(sort_key, person_id)`, so the first page of
 * a search is found in the index (the matches of a prefix, deduplicated and ordered by sort
 * key), and only the people on that page are read. Frozen in time: `Kysely<any>`, nothing of
 * the application imported.
 *
 * `person_search.sort_key` is a copy of `people.sort_key`, written with the terms (the terms are
 * rewritten whenever a person's names change). Byte order in PostgreSQL, as in 0001.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped by design
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`collate "C"` : sql``;
  // The new index starts with the same (workspace_id, term); dropped first, the old one is not
  // rewritten by the update below.
  await db.schema.dropIndex('person_search_term').execute();
  // SQLite adds a NOT NULL column only with a default; every row is filled in just below.
  await db.schema
    .alterTable('person_search')
    .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo('').modifyEnd(binary))
    .execute();
  await sql`update person_search set sort_key = p.sort_key from people p
    where p.workspace_id = person_search.workspace_id and p.id = person_search.person_id`.execute(
    db,
  );
  await db.schema
    .createIndex('person_search_order')
    .on('person_search')
    .columns(['workspace_id', 'term', 'sort_key', 'person_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema
    .createIndex('person_search_term')
    .on('person_search')
    .columns(['workspace_id', 'term', 'person_id'])
    .execute();
  await db.schema.dropIndex('person_search_order').execute();
  await db.schema.alterTable('person_search').dropColumn('sort_key').execute();
}
