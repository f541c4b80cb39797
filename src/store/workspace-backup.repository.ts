/**
 * Every row a workspace owns, table by table, for the JSON backup and its restore.
 *
 * `BACKUP_TABLES` names each workspace table, its columns and what they hold. A table that a
 * later issue adds must be listed here (or in `NOT_BACKED_UP` with the reason): a test compares
 * this list with the database's own catalogue, so a forgotten table or column fails the build
 * rather than a restore. Rows travel as plain JSON values (lists as arrays, booleans as
 * booleans), with camelCase names, and come back through the same list.
 */
import type { SelectQueryBuilder } from 'kysely';
import { invalidInput } from '../domain/errors';
import { sortKey } from '../domain/person';
import { batches, isForeignKeyViolation, isUniqueViolation } from './rows';
import type { OwnedRow, WorkspaceScope, WorkspaceTableName } from './workspace-scope';

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
  readonly table: WorkspaceTableName;
  /** Every column but `workspace_id` and the derived ones. */
  readonly columns: readonly BackupColumn[];
  /** Columns that identify a row, for reading in pages. */
  readonly order: readonly string[];
  /** Rows of another table written inside each row of this one (a moment's attendees). */
  readonly nested?: {
    readonly key: string;
    readonly table: WorkspaceTableName;
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
      json('contact_labels'),
      json('websites'),
      json('related_names'),
      json('dates'),
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
    key: 'goals',
    table: 'person_goals',
    order: ['person_id'],
    columns: [text('person_id', false, 'ref'), text('created_at', false)],
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

/**
 * A backup from before 0009-contact-details keeps a person's related names inside `profiles`:
 * they move to their own column, as the migration moved those already in the database.
 */
const liftRelatedNames = (values: Record<string, unknown>): void => {
  if (values.related_names !== null || typeof values.profiles !== 'string') return;
  const { relatedNames, ...rest } = JSON.parse(values.profiles) as { relatedNames?: unknown };
  if (!Array.isArray(relatedNames) || relatedNames.length === 0) return;
  values.related_names = JSON.stringify(relatedNames);
  values.profiles = Object.keys(rest).length > 0 ? JSON.stringify(rest) : null;
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

// The tables are chosen at run time from BACKUP_TABLES: typed access gives no safety here.
// biome-ignore lint/suspicious/noExplicitAny: dynamic table names, checked by the catalogue test
type AnySelect = SelectQueryBuilder<any, any, any>;

/** A row of a backed-up table, without the workspace (the scope writes it). */
type AnyOwnedRow = Record<string, unknown>;

export class WorkspaceBackupRepository {
  constructor(private readonly scope: WorkspaceScope) {}

  /** The workspace's rows of a table chosen at run time. */
  private select(table: WorkspaceTableName): AnySelect {
    return this.scope.selectFrom(table) as unknown as AnySelect;
  }

  /** Streams the rows of one backed-up table of the workspace, in pages, as backup rows. */
  async *rows(spec: BackupTable): AsyncGenerator<BackupRow> {
    const names = spec.columns.map((c) => c.name);
    const select = [...new Set([...names, ...spec.order])];
    let after: Record<string, unknown> | null = null;
    for (;;) {
      let query = this.select(spec.table).select(select);
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
      const children = spec.nested ? await this.children(spec, page) : null;
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
    spec: BackupTable,
    parents: ReadonlyArray<Record<string, unknown>>,
  ): Promise<Map<string, Array<Record<string, unknown>>>> {
    const nested = spec.nested!;
    const out = new Map<string, Array<Record<string, unknown>>>();
    const ids = parents.map((p) => String(p.id));
    for (const batch of batches(ids, 1)) {
      const rows: Array<Record<string, unknown>> = await this.select(nested.table)
        .select([nested.parentColumn, ...nested.columns.map((c) => c.name)])
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
  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const spec of BACKUP_TABLES) {
      let query = this.select(spec.table).select((eb) => eb.fn.countAll().as('n'));
      if (spec.table === 'people') query = query.where('is_self', '=', 0);
      const row = await query.executeTakeFirstOrThrow();
      out[spec.key] = Number(row.n);
    }
    return out;
  }

  /** Removes the host person an empty workspace starts with, before a restore brings its own. */
  async removeStartingHost(): Promise<void> {
    await this.scope.deleteFrom('people').where('is_self', '=', 1).execute();
  }

  /**
   * Writes the rows of one table of a backup into the workspace, ids passed through `ids`
   * (identity, or the consistent renewal the caller chose). Returns how many rows were written
   * (a nested table's rows are counted under its own key in `nestedCount`).
   */
  async restore(
    spec: BackupTable,
    rows: readonly unknown[],
    ids: (id: string) => string,
  ): Promise<{ readonly rows: number; readonly nested: number }> {
    const out: AnyOwnedRow[] = [];
    const children: AnyOwnedRow[] = [];
    rows.forEach((row, i) => {
      const where = `${spec.key}[${i}]`;
      const values = fromBackupRow(spec.columns, row, where, ids);
      if (spec.table === 'people') {
        values.sort_key = sortKey(String(values.display_name));
        liftRelatedNames(values);
      }
      out.push(values);
      if (spec.nested) {
        const nested = spec.nested;
        const list = (row as Record<string, unknown>)[nested.key] ?? [];
        if (!Array.isArray(list)) {
          throw invalidInput(`The backup is damaged: ${where}.${nested.key} is not a list.`);
        }
        list.forEach((child, j) => {
          children.push({
            [nested.parentColumn]: values.id,
            ...fromBackupRow(nested.columns, child, `${where}.${nested.key}[${j}]`, ids),
          });
        });
      }
    });
    // Rows are built from BACKUP_TABLES, whose agreement with the schema a test checks.
    const insert = (table: WorkspaceTableName, rows: readonly AnyOwnedRow[]) =>
      this.scope.bulkInsert(table, rows as unknown as ReadonlyArray<OwnedRow<typeof table>>);
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
}
