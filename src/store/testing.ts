/**
 * Test support: one store per dialect. Store and use-case tests loop over `testDialects()` so the
 * same assertions run on SQLite and on PostgreSQL; each PostgreSQL store gets its own database,
 * created here and dropped by `close()`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type DialectName, openDatabase } from './database';
import { type Store, storeOver } from './store';

/** The dialects this run can test: SQLite always, PostgreSQL when the server answered. */
export const testDialects = (): DialectName[] =>
  inject('postgresAdminUrl') ? ['sqlite', 'postgres'] : ['sqlite'];

const withDatabase = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

const adminQuery = async (adminUrl: string, text: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};

/** A fresh, migrated, empty store on the given dialect. `close()` drops a PostgreSQL database. */
export const openTestStore = async (dialect: DialectName): Promise<Store> => {
  if (dialect === 'sqlite') {
    return storeOver(await openDatabase({ dataDir: ':memory:' }));
  }
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available in this run');
  const name = `salon_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const store = storeOver(
    await openDatabase({ url: withDatabase(adminUrl, name), dataDir: ':memory:' }),
  );
  return {
    ...store,
    close: async () => {
      await store.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
};
