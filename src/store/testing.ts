/**
 * Test support: one store per dialect. Store and use-case tests loop over `testDialects()` so the
 * same assertions run on SQLite and on PostgreSQL; each PostgreSQL store gets its own database,
 * created here and dropped by `close()`.
 */
import { inject } from 'vitest';
import { isDomainError } from '../domain/errors';
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

/** The DomainError code `work` fails with, `none` when it succeeds (anything else: its text). */
export const codeOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
    return 'none';
  } catch (error) {
    return isDomainError(error) ? error.code : String(error);
  }
};
