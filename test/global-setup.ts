/**
 * Runs once before all tests: finds the PostgreSQL server the store tests use.
 *
 * With TEST_DATABASE_URL set (as .ci/run does) an unreachable server fails the run; without it,
 * the PostgreSQL half is left out and the run says so plainly, never silently.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject): Promise<void> {
  const required = process.env.TEST_DATABASE_URL;
  const url = required || DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresAdminUrl', url);
  } catch (error) {
    if (required) {
      throw new Error(`TEST_DATABASE_URL is set but PostgreSQL is unreachable: ${String(error)}`);
    }
    console.warn(
      '\n*** PostgreSQL is not reachable: the PostgreSQL half of the store tests did NOT run. ***\n',
    );
    project.provide('postgresAdminUrl', null);
  } finally {
    await client.end().catch(() => undefined);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string | null;
  }
}
