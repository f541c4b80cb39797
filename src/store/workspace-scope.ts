/**
 * One workspace's way into the tables it owns. A repository bound to a workspace holds a
 * `WorkspaceScope`, never the database: every query it starts filters on the workspace
 * (`select`, `update`, `delete`) or writes it (`insert`), so a query that forgets the workspace
 * cannot be written in a repository. A joined table says so too: `join.on(scope.owns('p'))`.
 */
import {
  type AliasedSelectQueryBuilder,
  type Expression,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { BulkOptions, BulkWriter } from './bulk';
import type { Database } from './schema';

/** Tables whose rows belong to one workspace (memberships and invitations belong to accounts). */
export type WorkspaceTableName = Exclude<
  {
    [K in keyof Database]: Database[K] extends { workspace_id: string } ? K : never;
  }[keyof Database],
  'memberships' | 'workspace_invites'
>;

/** A workspace table, possibly aliased (`people as p`). */
export type WorkspaceTableExpression = WorkspaceTableName | `${WorkspaceTableName} as ${string}`;

/** A row of a workspace table as a repository writes it: the scope adds the workspace. */
export type OwnedRow<T extends WorkspaceTableName> = Omit<Database[T], 'workspace_id'>;

/** The name a table expression is referred to by: its alias, or the table. */
const nameOf = (from: string): string => from.split(' as ').at(-1) as string;

/**
 * `query.where(condition)` for a query over a table not known until the call: Kysely cannot type
 * `where` while the table is generic, but a plain condition fits every table.
 */
const filtered = <Q>(query: Q, condition: Expression<SqlBool>): Q =>
  (query as unknown as { where(condition: Expression<SqlBool>): Q }).where(condition);

export class WorkspaceScope {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bulk: BulkWriter,
    /** The workspace every query of this scope is about. */
    readonly workspaceId: string,
  ) {}

  /** `<table>.workspace_id = <this workspace>`, for a table or alias in the query. */
  owns(table: string): RawBuilder<SqlBool> {
    return sql<SqlBool>`${sql.ref(`${table}.workspace_id`)} = ${this.workspaceId}`;
  }

  /** Reads rows of this workspace only. */
  selectFrom<T extends WorkspaceTableExpression>(from: T) {
    return filtered(this.db.selectFrom(from), this.owns(nameOf(from)));
  }

  /**
   * Reads from a derived table: a query this scope started (so already of this workspace),
   * aliased; tables joined to it say `join.on(scope.owns(table))`.
   */
  selectFromDerived<A extends string, O>(derived: AliasedSelectQueryBuilder<O, A>) {
    return this.db.selectFrom(derived);
  }

  /** Changes rows of this workspace only. */
  updateTable<T extends WorkspaceTableName>(table: T) {
    return filtered(this.db.updateTable(table), this.owns(table));
  }

  /** Deletes rows of this workspace only. */
  deleteFrom<T extends WorkspaceTableName>(table: T) {
    return filtered(this.db.deleteFrom(table), this.owns(table));
  }

  /** Inserts rows into this workspace (`onConflict` and the rest may follow). */
  insertInto<T extends WorkspaceTableName>(
    table: T,
    rows: OwnedRow<T> | ReadonlyArray<OwnedRow<T>>,
  ) {
    const list = (Array.isArray(rows) ? rows : [rows]) as ReadonlyArray<OwnedRow<T>>;
    const owned = list.map((row) => ({ ...row, workspace_id: this.workspaceId }));
    return this.db.insertInto(table).values(owned as unknown as Insertable<Database[T]>[]);
  }

  /** Inserts many rows into this workspace at bulk speed; returns how many were inserted. */
  bulkInsert<T extends WorkspaceTableName>(
    table: T,
    rows: ReadonlyArray<OwnedRow<T>>,
    options?: BulkOptions,
  ): Promise<number> {
    return this.bulk.insert(table, rows, {
      ...options,
      fixed: { workspace_id: this.workspaceId },
    });
  }

  /** See `BulkWriter.refreshStatistics`. */
  refreshStatistics(tables: string): Promise<void> {
    return this.bulk.refreshStatistics(tables);
  }

  /** The workspace's own row (its settings), read. */
  selectWorkspace() {
    return this.db.selectFrom('workspaces').where('id', '=', this.workspaceId);
  }

  /** The workspace's own row (its settings), changed. */
  updateWorkspace() {
    return this.db.updateTable('workspaces').where('id', '=', this.workspaceId);
  }
}
