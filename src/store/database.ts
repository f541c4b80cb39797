/**
 * Opening the database: SQLite (better-sqlite3, the embedded default) or PostgreSQL (pg) when a
 * `postgres://` URL is given. The choice is made once here; everything above sees `Kysely<Database>`.
 */
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import {
  type BulkWriter,
  type ColumnTypeCache,
  postgresBulkWriter,
  sqliteBulkWriter,
} from './bulk';
import { preparePrivateFile } from './data-folder';
import { migrations } from './migrations/index';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** `postgres://…` selects PostgreSQL; anything else (or nothing) selects SQLite. */
  readonly url?: string | undefined;
  /** Folder of `salon.db` for SQLite; `:memory:` for a throw-away database. */
  readonly dataDir: string;
}

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** Where the data lives, for the start-up message (never includes a password). */
  readonly location: string;
  /** The bulk writer for a connection or transaction of this database. */
  readonly bulkFor: (db: Kysely<Database>) => BulkWriter;
}

export const isPostgresUrl = (url: string | undefined): url is string =>
  !!url && /^postgres(ql)?:\/\//.test(url);

const openSqlite = (dataDir: string): OpenDatabase => {
  const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, 'salon.db');
  if (dataDir !== ':memory:') preparePrivateFile(dataDir, file);
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The page cache, 64 MB: imports and demo networks of 50,000 people write as fast as with
  // 256 MB, and an import peaks 40 MB lower (160 MB at two million rows). Writes far larger
  // than the cache are slower for it: two million imported rows by 30%, a million ties by 10%.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = memory');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  // One connection: a bulk write on the raw handle runs inside whatever transaction is open.
  const bulk = sqliteBulkWriter(sqlite);
  return { db, dialect: 'sqlite', location: file, bulkFor: () => bulk };
};

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

const openPostgres = (url: string): OpenDatabase => {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, an administrator, a dropped database) is
  // discarded by the pool and re-opened by the next query; unheard, its error would end the
  // process. Once the store is closing, the pool's last connections may still be ending: quiet.
  pool.on('error', (error) => {
    if (!pool.ending)
      process.emitWarning(`PostgreSQL ended an idle connection: ${error.message}`, 'SalonStore');
  });
  // A connection in use has no pool listener: its query fails and says why; this only keeps
  // the same error, emitted on the connection, from ending the process too.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const types: ColumnTypeCache = new Map();
  return {
    db,
    dialect: 'postgres',
    location: redact(url),
    bulkFor: (connection) => postgresBulkWriter(connection, types),
  };
};

/** Opens the database and brings its schema up to date. */
export const openDatabase = async (config: DatabaseConfig): Promise<OpenDatabase> => {
  const opened = isPostgresUrl(config.url) ? openPostgres(config.url) : openSqlite(config.dataDir);
  await migrate(opened.db);
  return opened;
};

/** Runs every pending migration; throws the first failure with its migration's name. */
export const migrate = async (db: Kysely<Database>): Promise<string[]> => {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
};
