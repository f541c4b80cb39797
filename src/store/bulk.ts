/**
 * Bulk inserts for imports and demo networks, the one place where the dialects differ in
 * more than syntax. Through Kysely, a million rows cost minutes of query building; here:
 * - SQLite: prepared multi-row statements run on the same connection (so inside the caller's
 *   transaction), a few microseconds a row;
 * - PostgreSQL: `INSERT … SELECT * FROM unnest($1::text[], $2::integer[], …)`, a few thousand
 *   rows per round trip, with each column's type read once from the catalogue.
 */
import type SqliteDatabase from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

export interface BulkOptions {
  /** Skip rows that collide on this unique key instead of failing. */
  readonly ignoreConflictOn?: readonly string[];
  /** Columns with the same value in every row (the workspace), written beside each row's own. */
  readonly fixed?: Readonly<Record<string, string>>;
}

export interface BulkWriter {
  /** Inserts the rows (all with the same keys); returns how many were inserted. */
  insert(
    table: keyof Database,
    rows: ReadonlyArray<object>,
    options?: BulkOptions,
  ): Promise<number>;
  /**
   * After a large write, refreshes the planner's statistics of these tables (`people (a, b),
   * person_search`), inside the caller's transaction. PostgreSQL plans from them; SQLite's
   * planner needs none, so there it does nothing.
   */
  refreshStatistics(tables: string): Promise<void>;
}

const conflictClause = (options: BulkOptions | undefined): string =>
  options?.ignoreConflictOn
    ? ` on conflict (${options.ignoreConflictOn.join(', ')}) do nothing`
    : '';

/** Rows per SQLite statement: one statement for many rows spends less time per row in the VM. */
const SQLITE_ROWS_PER_STATEMENT = 64;

export const sqliteBulkWriter = (handle: SqliteDatabase.Database): BulkWriter => {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const statementFor = (
    table: string,
    columns: readonly string[],
    rows: number,
    options: BulkOptions | undefined,
  ): SqliteDatabase.Statement => {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const text = `insert into ${table} (${columns.join(', ')}) values ${Array(rows).fill(tuple).join(', ')}${conflictClause(options)}`;
    let statement = statements.get(text);
    if (!statement) {
      statement = handle.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  return {
    refreshStatistics: async () => undefined,
    insert: async (table, rows, options) => {
      const first = rows[0];
      if (!first) return 0;
      const fixed = Object.entries(options?.fixed ?? {});
      const own = Object.keys(first);
      const columns = [...fixed.map(([c]) => c), ...own];
      let inserted = 0;
      for (let start = 0; start < rows.length; start += SQLITE_ROWS_PER_STATEMENT) {
        const batch = rows.slice(start, start + SQLITE_ROWS_PER_STATEMENT) as unknown as Array<
          Record<string, unknown>
        >;
        const values: unknown[] = [];
        for (const row of batch) {
          for (const [, value] of fixed) values.push(value);
          for (const c of own) values.push(row[c]);
        }
        inserted += statementFor(table, columns, batch.length, options).run(values).changes;
      }
      return inserted;
    },
  };
};

const PG_BATCH = 5000;

/** Column types by table, read once per database and shared by every transaction's writer. */
export type ColumnTypeCache = Map<string, Map<string, string>>;

export const postgresBulkWriter = (
  db: Kysely<Database>,
  typeCache: ColumnTypeCache,
): BulkWriter => {
  const columnTypes = async (table: string): Promise<Map<string, string>> => {
    let types = typeCache.get(table);
    if (!types) {
      const result = await sql<{ column_name: string; data_type: string }>`
        select column_name, data_type from information_schema.columns
        where table_schema = current_schema() and table_name = ${table}`.execute(db);
      types = new Map(result.rows.map((r) => [r.column_name, r.data_type]));
      typeCache.set(table, types);
    }
    return types;
  };
  return {
    refreshStatistics: async (tables) => {
      // `skip_locked`: a concurrent analyse (another large import, which holds its lock until
      // it commits) is skipped rather than waited for.
      await sql`analyze (skip_locked) ${sql.raw(tables)}`.execute(db);
    },
    insert: async (table, rows, options) => {
      const first = rows[0];
      if (!first) return 0;
      const fixed = Object.entries(options?.fixed ?? {});
      const own = Object.keys(first);
      const columns = [...fixed.map(([c]) => c), ...own];
      const types = await columnTypes(table);
      let inserted = 0;
      for (let start = 0; start < rows.length; start += PG_BATCH) {
        const batch = rows.slice(start, start + PG_BATCH) as unknown as Array<
          Record<string, unknown>
        >;
        const arrays = own.map(
          (c) => sql`${batch.map((r) => r[c] ?? null)}::${sql.raw(types.get(c) ?? 'text')}[]`,
        );
        const constants = fixed.map(
          ([c, value]) => sql`${value}::${sql.raw(types.get(c) ?? 'text')}`,
        );
        const result =
          await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
          select ${sql.join([...constants, sql`*`])} from unnest(${sql.join(arrays)})${sql.raw(conflictClause(options))}`.execute(
            db,
          );
        inserted += Number(result.numAffectedRows ?? 0);
      }
      return inserted;
    },
  };
};
