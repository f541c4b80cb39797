/** Small helpers every repository shares: lists as JSON text, batching, constraint errors. */
import { conflict, DomainError } from '../domain/errors';

export const toJsonList = (items: readonly string[] | undefined): string =>
  JSON.stringify(items ?? []);

export const fromJsonList = (text: string): string[] => {
  // Most lists are empty; skipping the parser for them halves reading a whole workspace.
  if (text === '[]') return [];
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.map(String) : [];
};

/**
 * Splits rows into insert batches that stay under both dialects' bound-parameter limits
 * (SQLite 32,766; PostgreSQL 65,535).
 */
export const batches = <T>(rows: readonly T[], columns: number): T[][] => {
  const size = Math.max(1, Math.floor(30_000 / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';

export const isUniqueViolation = (error: unknown): boolean =>
  ['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes(codeOf(error));

export const isForeignKeyViolation = (error: unknown): boolean =>
  ['23503', 'SQLITE_CONSTRAINT_FOREIGNKEY'].includes(codeOf(error));

/** Runs a write, turning a unique-constraint failure into a `conflict` with the given words. */
export const uniquely = async <T>(message: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(message);
    throw error;
  }
};

/** Runs a write, turning a foreign-key failure (a person of another workspace) into `not_found`. */
export const withinWorkspace = async <T>(what: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new DomainError('not_found', `${what} was not found`);
    throw error;
  }
};
