/** Ties of one workspace: one row per unordered pair (`a_id < b_id`, enforced by a CHECK). */

import { type Selectable, sql } from 'kysely';
import { notFound } from '../domain/errors';
import { orderPair, type Tie, type TieSource } from '../domain/tie';
import { IdPositions } from './id-positions';
import { newId } from './ids';
import { uniquely, withinWorkspace } from './rows';
import type { TieTable } from './schema';
import type { OwnedRow, WorkspaceScope } from './workspace-scope';

export interface NewTie {
  readonly aId: string;
  readonly bId: string;
  readonly strength: number;
  readonly source: TieSource;
  readonly since?: string | null;
  readonly notes?: string | null;
}

export interface TieChanges {
  readonly strength?: number;
  readonly since?: string | null;
  readonly notes?: string | null;
}

/** Ties as positions of their two people in the caller's list, and each tie's strength. */
export interface TiesByPosition {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly strength: Uint8Array;
}

/** Joins the ids of one person's ties in one text value; ids (UUIDs) never contain it. */
const ID_SEPARATOR = '\u001f';

/** A tie seen from one person, with the other person's name for display. */
export interface TieOfPerson extends Tie {
  readonly otherId: string;
  readonly otherName: string;
}

const COLUMNS = [
  'workspace_id',
  'id',
  'a_id',
  'b_id',
  'strength',
  'source',
  'since',
  'notes',
  'created_at',
  'updated_at',
] as const;

const toTie = (row: Selectable<TieTable>): Tie => ({
  id: row.id,
  workspaceId: row.workspace_id,
  aId: row.a_id,
  bId: row.b_id,
  strength: Number(row.strength),
  source: row.source as TieSource,
  since: row.since,
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toRow = (tie: NewTie, now: string): OwnedRow<'ties'> => {
  const [a, b] = orderPair(tie.aId, tie.bId);
  return {
    id: newId(),
    a_id: a,
    b_id: b,
    strength: tie.strength,
    source: tie.source,
    since: tie.since ?? null,
    notes: tie.notes ?? null,
    created_at: now,
    updated_at: now,
  };
};

export class TieRepository {
  constructor(
    private readonly scope: WorkspaceScope,
    private readonly now: () => string,
  ) {}

  /** Records a new tie; `conflict` when the pair is already tied, `not_found` for a foreign person. */
  async create(tie: NewTie): Promise<Tie> {
    const row = toRow(tie, this.now());
    await withinWorkspace('Person', () =>
      uniquely('These two people are already tied', () =>
        this.scope.insertInto('ties', row).execute(),
      ),
    );
    return toTie({ ...row, workspace_id: this.scope.workspaceId });
  }

  /**
   * Adds the ties that do not exist yet and leaves existing ones as they are (a moment or an
   * import never weakens or re-dates a tie the host recorded). Returns how many were added.
   */
  async ensure(ties: readonly NewTie[]): Promise<number> {
    const now = this.now();
    // Sorted by pair so that the pair index grows at its end: time-ordered ids make this fast.
    const rows = ties
      .map((t) => toRow(t, now))
      .sort((x, y) => (x.a_id < y.a_id ? -1 : x.a_id > y.a_id ? 1 : x.b_id < y.b_id ? -1 : 1));
    return withinWorkspace('Person', () =>
      this.scope.bulkInsert('ties', rows, { ignoreConflictOn: ['workspace_id', 'a_id', 'b_id'] }),
    );
  }

  async find(id: string): Promise<Tie | undefined> {
    const row = await this.scope
      .selectFrom('ties')
      .select(COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toTie(row) : undefined;
  }

  async update(id: string, changes: TieChanges): Promise<Tie> {
    const result = await this.scope
      .updateTable('ties')
      .set({ ...changes, updated_at: this.now() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('Tie');
    const tie = await this.find(id);
    if (!tie) throw notFound('Tie');
    return tie;
  }

  async remove(id: string): Promise<Tie> {
    const tie = await this.find(id);
    if (!tie) throw notFound('Tie');
    await this.scope.deleteFrom('ties').where('id', '=', id).execute();
    return tie;
  }

  /** The ties of one person, strongest first, each with the other person's name. */
  async ofPerson(personId: string): Promise<TieOfPerson[]> {
    const rows = await this.scope
      .selectFrom('ties')
      .innerJoin('people', (join) =>
        join
          .on(this.scope.owns('people'))
          .on((eb) =>
            eb(
              'people.id',
              '=',
              eb
                .case()
                .when('ties.a_id', '=', personId)
                .then(eb.ref('ties.b_id'))
                .else(eb.ref('ties.a_id'))
                .end(),
            ),
          ),
      )
      .select([
        ...COLUMNS.map((c) => `ties.${c}` as const),
        'people.id as other_id',
        'people.display_name as other_name',
      ])
      .where((eb) => eb.or([eb('ties.a_id', '=', personId), eb('ties.b_id', '=', personId)]))
      .orderBy('ties.strength', 'desc')
      .orderBy('people.sort_key')
      .execute();
    return rows.map((row) => ({ ...toTie(row), otherId: row.other_id, otherName: row.other_name }));
  }

  /** The ties between two people of `ids`, lean. */
  async among(ids: readonly string[]): Promise<Array<Pick<Tie, 'aId' | 'bId' | 'strength'>>> {
    if (ids.length < 2) return [];
    const rows = await this.scope
      .selectFrom('ties')
      .select(['a_id', 'b_id', 'strength'])
      .where('a_id', 'in', ids)
      .where('b_id', 'in', ids)
      .execute();
    return rows.map((r) => ({ aId: r.a_id, bId: r.b_id, strength: Number(r.strength) }));
  }

  /** Every tie of the workspace, lean, for building the engine's graph. */
  async all(): Promise<Array<Pick<Tie, 'aId' | 'bId' | 'strength' | 'since' | 'source'>>> {
    const rows = await this.scope
      .selectFrom('ties')
      .select(['a_id', 'b_id', 'strength', 'since', 'source'])
      .execute();
    return rows.map((r) => ({
      aId: r.a_id,
      bId: r.b_id,
      strength: Number(r.strength),
      since: r.since,
      source: r.source as TieSource,
    }));
  }

  /**
   * Every tie of the workspace between people of `ids`, as their positions in it: the engine's
   * graph in one lean read. One row per person with their ties aggregated reads several times
   * faster than a million one-tie rows, and the index `ties_graph` answers it without visiting
   * the table. A tie to someone outside `ids` (added since the caller read the people) is left
   * out.
   */
  async byPosition(ids: readonly string[]): Promise<TiesByPosition> {
    const rows = await this.scope
      .selectFrom('ties')
      .select([
        'a_id',
        sql<string>`string_agg(b_id, ${ID_SEPARATOR})`.as('b_ids'),
        // Strengths are single digits (a CHECK keeps them within 1-5), aligned with b_ids.
        sql<string>`string_agg(cast(strength as text), '')`.as('strengths'),
      ])
      .groupBy('a_id')
      .execute();
    const positions = new IdPositions(ids);
    let total = 0;
    for (const row of rows) total += row.strengths.length;
    const a = new Int32Array(total);
    const b = new Int32Array(total);
    const strength = new Uint8Array(total);
    let e = 0;
    for (const row of rows) {
      const from = positions.at(row.a_id, 0, row.a_id.length);
      if (from === -1) continue;
      const others = row.b_ids;
      for (let k = 0, start = 0; start <= others.length; k++) {
        let end = others.indexOf(ID_SEPARATOR, start);
        if (end === -1) end = others.length;
        const to = positions.at(others, start, end);
        start = end + 1;
        if (to === -1) continue;
        a[e] = from;
        b[e] = to;
        strength[e++] = row.strengths.charCodeAt(k) - 48;
      }
    }
    return { a: a.subarray(0, e), b: b.subarray(0, e), strength: strength.subarray(0, e) };
  }

  async count(): Promise<number> {
    const row = await this.scope
      .selectFrom('ties')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
