/**
 * Every row a workspace owns, table by table, for the JSON backup and its restore.
 *
 * `BACKUP_TABLES` names each workspace table, its columns and what they hold. A table that a
 * later issue adds must be listed here (or in `NOT_BACKED_UP` with the reason): a test compares
 * this list with the database's own catalogue, so a forgotten table or column fails the build
 * rather than a restore. Rows travel as plain JSON values (lists as arrays, booleans as
 * booleans), with camelCase names, and come back through the same list.
 */
import { type Kysely, sql } from 'kysely';
import { invalidInput } from '../domain/errors';
import { sortKey } from '../domain/person';
import type { BulkWriter } from './bulk';
import { batches, isForeignKeyViolation, isUniqueViolation } from './rows';
import type { Database } from './schema';

/** How a column is written in the backup: text, a number, true/false, or a JSON value. */
export type BackupColumnKind = 'text' | 'integer' | 'boolean' | 'json';

export interface BackupColumn {
  readonly name: string;
  readonly kind: BackupColumnKind;
  readonly nullable: boolean;
  /**
   * `id`: the row's own id; `ref`: the id of another row of the backup (renewed with it);
   * `ids-inside`: a JSON value whose strings may be ids of the backup (the demo plan).
   */
  readonly ids?: 'id' | 'ref' | 'ids-inside';
}

export interface BackupTable {
  /** The key in the backup document: `people`, `importBatches`. */
  readonly key: string;
  readonly table: keyof Database;
  /** Every column but `workspace_id` and the derived ones. */
  readonly columns: readonly BackupColumn[];
  /** Columns that identify a row, for reading in pages. */
  readonly order: readonly string[];
  /** Rows of another table written inside each row of this one (a moment's attendees). */
  readonly nested?: {
    readonly key: string;
    readonly table: keyof Database;
    /** The child column naming its parent's `id`. */
    readonly parentColumn: string;
    readonly columns: readonly BackupColumn[];
  };
}

const text = (name: string, nullable = true, ids?: BackupColumn['ids']): BackupColumn => ({
  name,
  kind: 'text',
  nullable,
  ...(ids ? { ids } : {}),
});
const integer = (name: string, nullable = true): BackupColumn => ({
  name,
  kind: 'integer',
  nullable,
});
const json = (name: string, nullable = true, ids?: BackupColumn['ids']): BackupColumn => ({
  name,
  kind: 'json',
  nullable,
  ...(ids ? { ids } : {}),
});

/** The workspace tables in the backup, parents before children (the order restore writes). */
export const BACKUP_TABLES: readonly BackupTable[] = [
  {
    key: 'people',
    table: 'people',
    order: ['id'],
    columns: [
      text('id', false, 'id'),
      { name: 'is_self', kind: 'boolean', nullable: false },
      text('display_name', false),
      text('given_name'),
      text('family_name'),
      json('emails', false),
      json('phones', false),
      text('organization'),
      text('title'),
      text('location'),
      json('tags', false),
      json('interests', false),
      json('asks', false),
      json('offers', false),
      text('notes'),
      integer('stature'),
      text('how_we_met'),
      text('how_we_met_moment_id', true, 'ref'),
      text('introduced_by_id', true, 'ref'),
      text('source', false),
      text('last_contact_on'),
      text('linkedin_url'),
      json('photo'),
      json('profiles'),
      text('import_batch_id', true, 'ref'),
      text('created_at', false),
      text('updated_at', false),
    ],
  },
  {
    key: 'ties',
    table: 'ties',
    order: ['id'],
    columns: [
      text('id', false, 'id'),
      text('a_id', false, 'ref'),
      text('b_id', false, 'ref'),
      integer('strength', false),
      text('source', false),
      text('since'),
      text('notes'),
      text('created_at', false),
      text('updated_at', false),
    ],
  },
  {
    key: 'moments',
    table: 'moments',
    order: ['id'],
    columns: [
      text('id', false, 'id'),
      text('context', false),
      text('kind', false),
      text('title', false),
      text('occurred_on', false),
      text('place'),
      text('notes'),
      text('created_at', false),
    ],
    nested: {
      key: 'attendees',
      table: 'moment_attendees',
      parentColumn: 'moment_id',
      columns: [text('person_id', false, 'ref'), text('mark', false)],
    },
  },
  {
    key: 'gatherings',
    table: 'gatherings',
    order: ['id'],
    columns: [
      text('id', false, 'id'),
      text('format', false),
      text('title', false),
      text('starts_at'),
      text('time_zone', false),
      text('place'),
      integer('seats', false),
      { name: 'plus_ones', kind: 'boolean', nullable: false },
      integer('plus_one_seats', false),
      text('purpose'),
      text('note'),
      text('state', false),
      text('created_at', false),
      text('updated_at', false),
    ],
    nested: {
      key: 'guests',
      table: 'gathering_guests',
      parentColumn: 'gathering_id',
      columns: [
        text('person_id', false, 'ref'),
        integer('position', false),
        json('reasons', false),
        { name: 'locked', kind: 'boolean', nullable: false },
        text('source', false),
      ],
    },
  },
  {
    key: 'demoPlans',
    table: 'demo_plans',
    order: ['workspace_id'],
    columns: [integer('seed', false), json('plan', false, 'ids-inside'), text('created_at', false)],
  },
  {
    key: 'circleNames',
    table: 'circle_names',
    order: ['id'],
    columns: [
      text('id', false, 'id'),
      text('name', false),
      json('members', false, 'ids-inside'),
      text('created_at', false),
    ],
  },
  {
    key: 'importBatches',
    table: 'import_batches',
    order: ['id'],
    columns: [
      text('id', false, 'id'),
      text('format', false),
      text('file_name', false),
      text('created_at', false),
      json('summary', false),
      text('undone_at'),
    ],
  },
  {
    key: 'importChanges',
    table: 'import_changes',
    order: ['batch_id', 'person_id', 'kind'],
    columns: [
      text('batch_id', false, 'ref'),
      text('person_id', false, 'ref'),
      text('kind', false),
      json('previous'),
      text('stamp', false),
    ],
  },
];

/**
 * Workspace tables deliberately left out, and why. Columns derived from others
 * (`people.sort_key`) are recomputed on restore the same way.
 */
export const NOT_BACKED_UP: Readonly<Record<string, string>> = {
  person_search: 'derived from people: rebuilt on restore',
  memberships: 'who may open the workspace: accounts, not the network',
  workspace_invites: 'who may open the workspace: accounts, not the network',
};

/** Columns of backed-up tables that are not in the backup because restore derives them. */
export const DERIVED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  people: ['sort_key'],
};

/** A row as it travels in the backup: camelCase names, JSON values. */
export type BackupRow = Record<string, unknown>;

const camel = (name: string): string =>
  name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const toJsonValue = (column: BackupColumn, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'boolean':
      return Number(value) === 1;
    case 'integer':
      return Number(value);
    case 'json':
      return JSON.parse(String(value));
    default:
      return String(value);
  }
};

const toBackupRow = (columns: readonly BackupColumn[], row: Record<string, unknown>) => {
  const out: BackupRow = {};
  for (const column of columns) out[camel(column.name)] = toJsonValue(column, row[column.name]);
  return out;
};

/** Reads a row of the backup back into column values, naming what is wrong. */
const fromBackupRow = (
  columns: readonly BackupColumn[],
  row: unknown,
  where: string,
  ids: (id: string) => string,
): Record<string, unknown> => {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw invalidInput(`The backup is damaged: ${where} is not an object.`);
  }
  const values = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const name = camel(column.name);
    const value = values[name];
    if (value === null || value === undefined) {
      if (!column.nullable) {
        throw invalidInput(`The backup is damaged: ${where} has no ${name}.`, [
          { field: `${where}.${name}`, reason: 'is required' },
        ]);
      }
      out[column.name] = null;
      continue;
    }
    const wrong = (expected: string) =>
      invalidInput(`The backup is damaged: ${where}.${name} must be ${expected}.`, [
        { field: `${where}.${name}`, reason: `must be ${expected}` },
      ]);
    switch (column.kind) {
      case 'boolean':
        if (typeof value !== 'boolean') throw wrong('true or false');
        out[column.name] = value ? 1 : 0;
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) throw wrong('a whole number');
        out[column.name] = value;
        break;
      case 'json':
        out[column.name] = JSON.stringify(
          column.ids === 'ids-inside' ? mapStrings(value, ids) : value,
        );
        break;
      default:
        if (typeof value !== 'string') throw wrong('text');
        out[column.name] = column.ids ? ids(value) : value;
    }
  }
  return out;
};

/** Replaces every string of a JSON value through `map` (ids inside the demo plan). */
const mapStrings = (value: unknown, map: (s: string) => string): unknown => {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]));
  }
  return value;
};

/** Rows read per query when streaming a table out. */
const PAGE = 2000;

export class WorkspaceBackupRepository {
  constructor(
    // The tables are chosen at run time from BACKUP_TABLES: typed access gives no safety here.
    // biome-ignore lint/suspicious/noExplicitAny: dynamic table names, checked by the catalogue test
    private readonly db: Kysely<any>,
    private readonly bulk: BulkWriter,
  ) {}

  /** Streams the rows of one backed-up table of the workspace, in pages, as backup rows. */
  async *rows(workspaceId: string, spec: BackupTable): AsyncGenerator<BackupRow> {
    const names = spec.columns.map((c) => c.name);
    const select = [...new Set([...names, ...spec.order])];
    let after: Record<string, unknown> | null = null;
    for (;;) {
      let query = this.db
        .selectFrom(spec.table)
        .select(select)
        .where('workspace_id', '=', workspaceId);
      if (after) {
        const last = after;
        // Keyset: (a, b, c) > (last.a, last.b, last.c), spelled out for both dialects.
        query = query.where((eb) =>
          eb.or(
            spec.order.map((column, i) =>
              eb.and([
                ...spec.order.slice(0, i).map((prior) => eb(prior, '=', last[prior])),
                eb(column, '>', last[column]),
              ]),
            ),
          ),
        );
      }
      for (const column of spec.order) query = query.orderBy(column);
      const page: Array<Record<string, unknown>> = await query.limit(PAGE).execute();
      if (page.length === 0) return;
      const children = spec.nested ? await this.children(workspaceId, spec, page) : null;
      for (const row of page) {
        const out = toBackupRow(spec.columns, row);
        if (spec.nested && children) {
          out[spec.nested.key] = (children.get(String(row.id)) ?? []).map((child) =>
            toBackupRow(spec.nested!.columns, child),
          );
        }
        yield out;
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1]!;
    }
  }

  private async children(
    workspaceId: string,
    spec: BackupTable,
    parents: ReadonlyArray<Record<string, unknown>>,
  ): Promise<Map<string, Array<Record<string, unknown>>>> {
    const nested = spec.nested!;
    const out = new Map<string, Array<Record<string, unknown>>>();
    const ids = parents.map((p) => String(p.id));
    for (const batch of batches(ids, 1)) {
      const rows: Array<Record<string, unknown>> = await this.db
        .selectFrom(nested.table)
        .select([nested.parentColumn, ...nested.columns.map((c) => c.name)])
        .where('workspace_id', '=', workspaceId)
        .where(nested.parentColumn, 'in', batch)
        .orderBy(nested.parentColumn)
        .orderBy(nested.columns[0]!.name)
        .execute();
      for (const row of rows) {
        const parent = String(row[nested.parentColumn]);
        const list = out.get(parent) ?? [];
        list.push(row);
        out.set(parent, list);
      }
    }
    return out;
  }

  /**
   * How many rows the workspace holds in each backed-up table, leaving out the host person every
   * workspace starts with: all zero means the workspace is empty and may be restored into.
   */
  async counts(workspaceId: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const spec of BACKUP_TABLES) {
      let query = this.db
        .selectFrom(spec.table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspaceId);
      if (spec.table === 'people') query = query.where('is_self', '=', 0);
      const row = await query.executeTakeFirstOrThrow();
      out[spec.key] = Number(row.n);
    }
    return out;
  }

  /** The own ids of the rows given that some workspace of this database already uses. */
  async idsInUse(table: keyof Database, ids: readonly string[]): Promise<number> {
    let taken = 0;
    for (const batch of batches(ids, 1)) {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('id', 'in', batch)
        .executeTakeFirstOrThrow();
      taken += Number(row.n);
    }
    return taken;
  }

  /** Removes the host person an empty workspace starts with, before a restore brings its own. */
  async removeStartingHost(workspaceId: string): Promise<void> {
    await this.db
      .deleteFrom('people')
      .where('workspace_id', '=', workspaceId)
      .where('is_self', '=', 1)
      .execute();
  }

  /**
   * Writes the rows of one table of a backup into the workspace, ids passed through `ids`
   * (identity, or the consistent renewal the caller chose). Returns how many rows were written
   * (a nested table's rows are counted under its own key in `nestedCount`).
   */
  async restore(
    workspaceId: string,
    spec: BackupTable,
    rows: readonly unknown[],
    ids: (id: string) => string,
  ): Promise<{ readonly rows: number; readonly nested: number }> {
    const out: Array<Record<string, unknown>> = [];
    const children: Array<Record<string, unknown>> = [];
    rows.forEach((row, i) => {
      const where = `${spec.key}[${i}]`;
      const values = fromBackupRow(spec.columns, row, where, ids);
      if (spec.table === 'people') values.sort_key = sortKey(String(values.display_name));
      out.push({ workspace_id: workspaceId, ...values });
      if (spec.nested) {
        const nested = spec.nested;
        const list = (row as Record<string, unknown>)[nested.key] ?? [];
        if (!Array.isArray(list)) {
          throw invalidInput(`The backup is damaged: ${where}.${nested.key} is not a list.`);
        }
        list.forEach((child, j) => {
          children.push({
            workspace_id: workspaceId,
            [nested.parentColumn]: values.id,
            ...fromBackupRow(nested.columns, child, `${where}.${nested.key}[${j}]`, ids),
          });
        });
      }
    });
    // Rows are built from BACKUP_TABLES, whose agreement with the schema a test checks.
    const insert = this.bulk.insert as unknown as (
      table: string,
      rows: ReadonlyArray<Record<string, unknown>>,
    ) => Promise<number>;
    try {
      await insert(spec.table, out);
      if (spec.nested && children.length > 0) await insert(spec.nested.table, children);
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw invalidInput(
          `The backup is damaged: ${spec.key} refer to rows the backup does not contain.`,
        );
      }
      if (isUniqueViolation(error)) {
        throw invalidInput(`The backup is damaged: ${spec.key} holds the same row twice.`);
      }
      throw error;
    }
    return { rows: out.length, nested: children.length };
  }

  /** The database's own list of workspace tables and their columns (for the coverage test). */
  async catalogue(): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const rows = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema()`
      .execute(this.db)
      .catch(async () =>
        // SQLite has no information_schema: read its catalogue instead.
        sql<{ table_name: string; column_name: string }>`
          select m.name as table_name, p.name as column_name
          from sqlite_master m join pragma_table_info(m.name) p
          where m.type = 'table'`.execute(this.db),
      );
    for (const row of rows.rows) {
      const list = out.get(row.table_name) ?? [];
      list.push(row.column_name);
      out.set(row.table_name, list);
    }
    for (const [table, columns] of out) if (!columns.includes('workspace_id')) out.delete(table);
    return out;
  }
}
