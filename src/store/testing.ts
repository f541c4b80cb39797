/**
 * Test support: one store per dialect. Store and use-case tests loop over `testDialects()` so the
 * same assertions run on SQLite and on PostgreSQL; each PostgreSQL store gets its own database,
 * created here and dropped by `close()`.
 */
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { type DialectName, openDatabase } from './database';
import { createScratchDatabase } from './scratch-database';
import { type Store, storeOver } from './store';

/** The dialects this run can test: SQLite always, PostgreSQL when the server answered. */
export const testDialects = (): DialectName[] =>
  inject('postgresAdminUrl') ? ['sqlite', 'postgres'] : ['sqlite'];

/** A fresh, migrated, empty store on the given dialect. `close()` drops a PostgreSQL database. */
export const openTestStore = async (dialect: DialectName): Promise<Store> => {
  if (dialect === 'sqlite') return storeOver(await openDatabase({ dataDir: ':memory:' }));
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available in this run');
  const scratch = await createScratchDatabase(adminUrl);
  const store = storeOver(await openDatabase({ url: scratch.url, dataDir: ':memory:' }));
  return {
    ...store,
    close: async () => {
      await store.close();
      await scratch.drop();
    },
  };
};

/**
 * An empty database with no migration run, untyped (its schema is whatever the migrations a test
 * runs make of it), for tests of one migration over rows written by the ones before.
 */
export const openEmpty = async (dialect: DialectName) => {
  if (dialect === 'sqlite') {
    // biome-ignore lint/suspicious/noExplicitAny: the schema before a migration is not `Database`
    const db = new Kysely<any>({
      dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }),
    });
    return { db, close: () => db.destroy() };
  }
  const scratch = await createScratchDatabase(inject('postgresAdminUrl') as string);
  // biome-ignore lint/suspicious/noExplicitAny: the schema before a migration is not `Database`
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
