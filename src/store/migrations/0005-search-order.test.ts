import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { PersonRepository } from '../person.repository';
import type { Database } from '../schema';
import { createScratchDatabase } from '../scratch-database';
import { testDialects } from '../testing';
import { WorkspaceScope } from '../workspace-scope';
import { migrations } from './index';

const openEmpty = async (dialect: string) => {
  if (dialect === 'sqlite') {
    // biome-ignore lint/suspicious/noExplicitAny: the schema before 0005 is not `Database`
    const db = new Kysely<any>({
      dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }),
    });
    return { db, close: () => db.destroy() };
  }
  const scratch = await createScratchDatabase(inject('postgresAdminUrl') as string);
  // biome-ignore lint/suspicious/noExplicitAny: the schema before 0005 is not `Database`
  const db = new Kysely<any>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: scratch.url }) }),
  });
  return {
    db,
    close: async () => {
      await db.destroy();
      await scratch.drop();
    },
  };
};

describe.each(testDialects())('migration 0005-search-order on %s', (dialect) => {
  it('gives the search terms of existing people their sort keys', async () => {
    const { db, close } = await openEmpty(dialect);
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('0004-circle-names')).error).toBeUndefined();
      const now = '2026-01-01T00:00:00.000Z';
      await db.insertInto('workspaces').values({ id: 'w', name: 'W', created_at: now }).execute();
      const person = (id: string, name: string, key: string) => ({
        workspace_id: 'w',
        id,
        display_name: name,
        sort_key: key,
        source: 'manual',
        created_at: now,
        updated_at: now,
      });
      await db
        .insertInto('people')
        .values([person('p1', 'Zoë Berg', 'zoe berg'), person('p2', 'Anna Berg', 'anna berg')])
        .execute();
      await db
        .insertInto('person_search')
        .values([
          { workspace_id: 'w', term: 'zoe', person_id: 'p1' },
          { workspace_id: 'w', term: 'berg', person_id: 'p1' },
          { workspace_id: 'w', term: 'anna', person_id: 'p2' },
          { workspace_id: 'w', term: 'berg', person_id: 'p2' },
        ])
        .execute();

      const { error, results } = await migrator.migrateToLatest();
      expect(error).toBeUndefined();
      expect(results?.map((r) => r.migrationName)).toContain('0005-search-order');

      const terms = await db
        .selectFrom('person_search')
        .select(['term', 'person_id', 'sort_key'])
        .orderBy('term')
        .orderBy('person_id')
        .execute();
      expect(terms).toEqual([
        { term: 'anna', person_id: 'p2', sort_key: 'anna berg' },
        { term: 'berg', person_id: 'p1', sort_key: 'zoe berg' },
        { term: 'berg', person_id: 'p2', sort_key: 'anna berg' },
        { term: 'zoe', person_id: 'p1', sort_key: 'zoe berg' },
      ]);
      const unwritable = { insert: async () => 0, refreshStatistics: async () => undefined };
      const scope = new WorkspaceScope(db as Kysely<Database>, unwritable, 'w');
      const people = new PersonRepository(scope, () => now);
      expect((await people.search('berg', 10)).map((p) => p.id)).toEqual(['p2', 'p1']);

      const down = await migrator.migrateTo('0004-circle-names');
      expect(down.error).toBeUndefined();
    } finally {
      await close();
    }
  });
});
