/**
 * Import batches of one workspace: the batch itself, what it changed (so that undo can put it
 * back), and the lean reads an import needs (people to match against, the host's ties).
 */
import { sql, type Updateable } from 'kysely';
import { notFound } from '../domain/errors';
import type { PersonId } from '../domain/person';
import { newId } from './ids';
import { batches, fromJsonList } from './rows';
import type { PersonTable } from './schema';
import type { OwnedRow, WorkspaceScope } from './workspace-scope';

/** An import batch as the host sees it in the list of imports. */
export interface ImportBatch {
  readonly id: string;
  readonly format: string;
  readonly fileName: string;
  readonly createdAt: string;
  /** The counts of the import, as the use case recorded them. */
  readonly summary: Readonly<Record<string, number>>;
  readonly undoneAt: string | null;
}

export interface NewImportBatch {
  readonly format: string;
  readonly fileName: string;
  /** The counts of the import: any object of numbers, stored as JSON. */
  readonly summary: object;
}

/** What matching needs of an existing person, and whether they are the host. */
export interface MatchablePerson {
  readonly id: PersonId;
  readonly isSelf: boolean;
  readonly displayName: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly organization: string | null;
  readonly title: string | null;
  readonly location: string | null;
  readonly notes: string | null;
  readonly tags: readonly string[];
  readonly linkedinUrl: string | null;
  readonly hasPhoto: boolean;
}

/**
 * `updated`: a person the batch changed, with their columns before; `tie`: a tie with the host
 * the batch added to someone it did not create. The people a batch created need no record:
 * they carry the batch in `import_batch_id`, and their `updated_at` equals their `created_at`
 * until someone changes them.
 */
export type ImportChangeKind = 'updated' | 'tie';

/** One thing an import did to one person. */
export interface ImportChange {
  readonly personId: PersonId;
  readonly kind: ImportChangeKind;
  /** For `updated`: the person's columns before the import. */
  readonly previous: Readonly<Record<string, unknown>> | null;
  readonly stamp: string;
}

/** What an undo found changed since the import: how many, and a few names to say so. */
export interface ChangedSince {
  readonly count: number;
  readonly names: readonly string[];
}

/** The person columns an import may change, and undo puts back as they were. */
export const REVERTIBLE_COLUMNS = [
  'display_name',
  'sort_key',
  'given_name',
  'family_name',
  'emails',
  'phones',
  'organization',
  'title',
  'location',
  'notes',
  'tags',
  'linkedin_url',
  'photo',
  'updated_at',
] as const satisfies ReadonlyArray<keyof PersonTable>;

type RevertibleColumn = (typeof REVERTIBLE_COLUMNS)[number];

const BATCH_COLUMNS = ['id', 'format', 'file_name', 'created_at', 'summary', 'undone_at'] as const;

const toBatch = (row: {
  id: string;
  format: string;
  file_name: string;
  created_at: string;
  summary: string;
  undone_at: string | null;
}): ImportBatch => ({
  id: row.id,
  format: row.format,
  fileName: row.file_name,
  createdAt: row.created_at,
  summary: JSON.parse(row.summary) as Record<string, number>,
  undoneAt: row.undone_at,
});

export class ImportBatchRepository {
  constructor(
    private readonly scope: WorkspaceScope,
    private readonly now: () => string,
  ) {}

  async create(batch: NewImportBatch): Promise<ImportBatch> {
    const row = {
      id: newId(),
      format: batch.format,
      file_name: batch.fileName,
      created_at: this.now(),
      summary: JSON.stringify(batch.summary),
      undone_at: null,
    };
    await this.scope.insertInto('import_batches', row).execute();
    return toBatch(row);
  }

  async setSummary(id: string, summary: object): Promise<void> {
    await this.scope
      .updateTable('import_batches')
      .set({ summary: JSON.stringify(summary) })
      .where('id', '=', id)
      .execute();
  }

  async find(id: string): Promise<ImportBatch | undefined> {
    const row = await this.scope
      .selectFrom('import_batches')
      .select(BATCH_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toBatch(row) : undefined;
  }

  async require(id: string): Promise<ImportBatch> {
    const batch = await this.find(id);
    if (!batch) throw notFound('Import');
    return batch;
  }

  /** The most recent imports first. */
  async list(limit: number): Promise<ImportBatch[]> {
    const rows = await this.scope
      .selectFrom('import_batches')
      .select(BATCH_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toBatch);
  }

  async markUndone(id: string): Promise<void> {
    await this.scope
      .updateTable('import_batches')
      .set({ undone_at: this.now() })
      .where('id', '=', id)
      .execute();
  }

  /** Every person of the workspace with only what matching reads (no photo bytes). */
  async matchable(): Promise<MatchablePerson[]> {
    const rows = await this.scope
      .selectFrom('people')
      .select([
        'id',
        'is_self',
        'display_name',
        'given_name',
        'family_name',
        'emails',
        'phones',
        'organization',
        'title',
        'location',
        'notes',
        'tags',
        'linkedin_url',
      ])
      .select(sql<number>`case when photo is null then 0 else 1 end`.as('has_photo'))
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      isSelf: Number(r.is_self) === 1,
      displayName: r.display_name,
      givenName: r.given_name,
      familyName: r.family_name,
      emails: fromJsonList(r.emails),
      phones: fromJsonList(r.phones),
      organization: r.organization,
      title: r.title,
      location: r.location,
      notes: r.notes,
      tags: fromJsonList(r.tags),
      linkedinUrl: r.linkedin_url,
      hasPhoto: Number(r.has_photo) === 1,
    }));
  }

  /**
   * Which of `among` are tied to `personId`: asked of these people only, since a large
   * workspace's host is tied to everyone (two million ties read to check a few updates).
   */
  async tiedTo(personId: string, among: readonly string[]): Promise<Set<PersonId>> {
    const tied = new Set<PersonId>();
    for (const batch of batches(among, 2)) {
      const rows = await this.scope
        .selectFrom('ties')
        .select(['a_id', 'b_id'])
        .where((eb) =>
          eb.or([
            eb.and([eb('a_id', '=', personId), eb('b_id', 'in', batch)]),
            eb.and([eb('b_id', '=', personId), eb('a_id', 'in', batch)]),
          ]),
        )
        .execute();
      for (const r of rows) tied.add(r.a_id === personId ? r.b_id : r.a_id);
    }
    return tied;
  }

  /** The revertible columns of these people as stored, by id. */
  async snapshot(
    ids: readonly string[],
  ): Promise<Map<PersonId, Record<RevertibleColumn, unknown>>> {
    const out = new Map<PersonId, Record<RevertibleColumn, unknown>>();
    for (const batch of batches(ids, 1)) {
      const rows = await this.scope
        .selectFrom('people')
        .select(['id', ...REVERTIBLE_COLUMNS])
        .where('id', 'in', batch)
        .execute();
      for (const { id, ...columns } of rows) out.set(id, columns);
    }
    return out;
  }

  /** Records people the batch updated, with their columns before and their stamp after. */
  async recordUpdated(
    batchId: string,
    updates: ReadonlyArray<{
      readonly personId: PersonId;
      readonly previous: Readonly<Record<string, unknown>>;
      readonly stamp: string;
    }>,
  ): Promise<void> {
    const rows: Array<OwnedRow<'import_changes'>> = updates.map((u) => ({
      batch_id: batchId,
      person_id: u.personId,
      kind: 'updated',
      previous: JSON.stringify(u.previous),
      stamp: u.stamp,
    }));
    await this.scope.bulkInsert('import_changes', rows);
  }

  /** Records the ties with the host the batch added to people it did not create. */
  async recordTies(batchId: string, hostId: string, personIds: readonly string[]): Promise<void> {
    for (const batch of batches(personIds, 2)) {
      const ties = await this.scope
        .selectFrom('ties')
        .select(['a_id', 'b_id', 'updated_at'])
        .where((w) =>
          w.or([
            w.and([w('a_id', '=', hostId), w('b_id', 'in', batch)]),
            w.and([w('b_id', '=', hostId), w('a_id', 'in', batch)]),
          ]),
        )
        .execute();
      await this.scope.bulkInsert(
        'import_changes',
        ties.map((t) => ({
          batch_id: batchId,
          person_id: t.a_id === hostId ? t.b_id : t.a_id,
          kind: 'tie',
          previous: null,
          stamp: t.updated_at,
        })),
      );
    }
  }

  async changes(batchId: string): Promise<ImportChange[]> {
    const rows = await this.scope
      .selectFrom('import_changes')
      .select(['person_id', 'kind', 'previous', 'stamp'])
      .where('batch_id', '=', batchId)
      .execute();
    return rows.map((r) => ({
      personId: r.person_id,
      kind: r.kind as ImportChangeKind,
      previous: r.previous ? (JSON.parse(r.previous) as Record<string, unknown>) : null,
      stamp: r.stamp,
    }));
  }

  /**
   * What changed since the batch: people it created or updated that were edited since (their
   * `updated_at` moved, by the host, a merge or a later import), people it created who were
   * since met at a moment or tied to someone other than the host, and ties it added that the
   * host has since changed.
   */
  async changedSince(batchId: string, hostId: string): Promise<ChangedSince> {
    const updated = await this.scope
      .selectFrom('import_changes as c')
      .innerJoin('people as p', (join) =>
        join.onRef('p.workspace_id', '=', 'c.workspace_id').onRef('p.id', '=', 'c.person_id'),
      )
      .select('p.display_name')
      .where('c.batch_id', '=', batchId)
      .where('c.kind', '=', 'updated')
      .whereRef('p.updated_at', '<>', 'c.stamp')
      .orderBy('p.sort_key')
      .execute();
    const created = await this.scope
      .selectFrom('people')
      .select('display_name')
      .where('import_batch_id', '=', batchId)
      .whereRef('updated_at', '<>', 'created_at')
      .orderBy('sort_key')
      .execute();
    const edited = [...created, ...updated];
    const createdIds = this.scope
      .selectFrom('people')
      .select('id')
      .where('import_batch_id', '=', batchId);
    const attended = await this.scope
      .selectFrom('moment_attendees as a')
      .innerJoin('people as p', (join) =>
        join.onRef('p.workspace_id', '=', 'a.workspace_id').onRef('p.id', '=', 'a.person_id'),
      )
      .select('p.display_name')
      .where('p.import_batch_id', '=', batchId)
      .execute();
    const tied = await this.scope
      .selectFrom('ties')
      .select(['a_id', 'b_id'])
      .where((eb) => eb.or([eb('a_id', 'in', createdIds), eb('b_id', 'in', createdIds)]))
      .where((eb) =>
        eb.not(
          eb.and([
            eb('source', '=', 'imported'),
            eb('created_at', '=', eb.ref('updated_at')),
            eb.or([eb('a_id', '=', hostId), eb('b_id', '=', hostId)]),
          ]),
        ),
      )
      .execute();
    const retied = await this.scope
      .selectFrom('import_changes as c')
      .innerJoin('ties as t', (join) =>
        join
          .onRef('t.workspace_id', '=', 'c.workspace_id')
          .on((eb) =>
            eb.or([
              eb.and([eb('t.a_id', '=', hostId), eb('t.b_id', '=', eb.ref('c.person_id'))]),
              eb.and([eb('t.b_id', '=', hostId), eb('t.a_id', '=', eb.ref('c.person_id'))]),
            ]),
          ),
      )
      .select('c.person_id')
      .where('c.batch_id', '=', batchId)
      .where('c.kind', '=', 'tie')
      .whereRef('t.updated_at', '<>', 'c.stamp')
      .execute();
    const names = [...new Set([...edited, ...attended].map((r) => r.display_name))];
    return {
      count: edited.length + attended.length + tied.length + retied.length,
      names: names.slice(0, 3),
    };
  }

  /** Puts an updated person's columns back as they were before the batch. */
  async revert(personId: string, previous: Readonly<Record<string, unknown>>): Promise<void> {
    const set: Record<string, string | null> = {};
    for (const column of REVERTIBLE_COLUMNS) {
      if (column in previous) set[column] = (previous[column] as string | null) ?? null;
    }
    if (Object.keys(set).length === 0) return;
    await this.scope
      .updateTable('people')
      .set(set as Updateable<PersonTable>)
      .where('id', '=', personId)
      .execute();
  }

  /** Removes the ties with the host the batch added to people it did not create. */
  async removeTies(hostId: string, personIds: readonly string[]) {
    for (const batch of batches(personIds, 2)) {
      await this.scope
        .deleteFrom('ties')
        .where('source', '=', 'imported')
        .where((eb) =>
          eb.or([
            eb.and([eb('a_id', '=', hostId), eb('b_id', 'in', batch)]),
            eb.and([eb('b_id', '=', hostId), eb('a_id', 'in', batch)]),
          ]),
        )
        .execute();
    }
  }

  /** Deletes the people the batch created (their ties and search terms go with them). */
  async removeCreated(batchId: string): Promise<number> {
    const result = await this.scope
      .deleteFrom('people')
      .where('import_batch_id', '=', batchId)
      .where('is_self', '=', 0)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
