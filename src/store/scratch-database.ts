/** Throw-away PostgreSQL databases for tests and benchmarks: created on demand, dropped after. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

const adminQuery = async (adminUrl: string, text: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};

/** Whether a PostgreSQL server answers at this URL. */
export const postgresAnswers = async (adminUrl: string): Promise<boolean> => {
  try {
    await adminQuery(adminUrl, 'select 1');
    return true;
  } catch {
    return false;
  }
};

/** Creates a uniquely named database on the server of `adminUrl`. */
export const createScratchDatabase = async (
  adminUrl: string,
  prefix = 'salon_test',
): Promise<ScratchDatabase> => {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
};
