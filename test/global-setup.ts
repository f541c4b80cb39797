/**
 * Runs once before all tests: finds the PostgreSQL server the store tests use.
 *
 * With TEST_DATABASE_URL set (as .ci/run does) an unreachable server fails the run; without it,
 * the PostgreSQL half is left out and the run says so plainly, never silently.
 */
import type { TestProject } from 'vitest/node';
import { DEFAULT_POSTGRES_ADMIN_URL, postgresAnswers } from '../src/store/scratch-database';

export default async function setup(project: TestProject): Promise<void> {
  const required = process.env.TEST_DATABASE_URL;
  const url = required || DEFAULT_POSTGRES_ADMIN_URL;
  if (await postgresAnswers(url)) {
    project.provide('postgresAdminUrl', url);
    return;
  }
  if (required)
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL does not answer at ${url}`);
  console.warn(
    '\n*** PostgreSQL is not reachable: the PostgreSQL half of the store tests did NOT run. ***\n',
  );
  project.provide('postgresAdminUrl', null);
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string | null;
  }
}
