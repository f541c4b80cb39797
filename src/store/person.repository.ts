/** People of one workspace, with the search index kept beside them. */

import type { Selectable } from 'kysely';
import { notFound } from '../domain/errors';
import {
  deriveDisplayName,
  type Person,
  type PersonDraft,
  type PersonPhoto,
  type PersonSource,
  searchTerms,
  sortKey,
  tidyList,
} from '../domain/person';
import { fold, words } from '../domain/text';
import { newId } from './ids';
import { CONTACT_COLUMNS, contactFromRow, contactToRow } from './person.columns';
import { batches, fromJsonList, toJsonList } from './rows';
import type { PersonTable } from './schema';
import type { OwnedRow, WorkspaceScope } from './workspace-scope';

/** What the engine's network keeps of a person. */
export type PersonInNetwork = Pick<
  Person,
  | 'id'
  | 'isSelf'
  | 'displayName'
  | 'organization'
  | 'title'
  | 'location'
  | 'tags'
  | 'interests'
  | 'asks'
  | 'offers'
  | 'stature'
  | 'lastContactOn'
>;

/** People written per round when many are created at once. */
const WRITE_CHUNK = 5_000;

/** Where a people list continues: the sort key and id of the last person on the previous page. */
export interface PeopleCursor {
  readonly sortKey: string;
  readonly id: string;
}

/** What a contact card says about someone beyond the person's fields (kept for backups). */
export interface PersonProfiles {
  readonly socialProfiles?: ReadonlyArray<{
    readonly service: string | null;
    readonly url: string | null;
    readonly user: string | null;
  }>;
}

export interface NewPerson extends PersonDraft {
  readonly id?: string;
  readonly isSelf?: boolean;
  readonly lastContactOn?: string | null;
  readonly profiles?: PersonProfiles | null;
  /** The import batch creating this person. */
  readonly importBatchId?: string | null;
}

const COLUMNS = [
  'workspace_id',
  'id',
  'is_self',
  'display_name',
  'sort_key',
  ...CONTACT_COLUMNS,
  'interests',
  'asks',
  'offers',
  'stature',
  'how_we_met',
  'how_we_met_moment_id',
  'introduced_by_id',
  'source',
  'last_contact_on',
  'photo',
  'created_at',
  'updated_at',
] as const;

/** The same, qualified: for queries that join `people` to something with the same names. */
const PEOPLE_COLUMNS = COLUMNS.map((column) => `people.${column}` as const);

const parsePhoto = (text: string | null): PersonPhoto | null => {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as PersonPhoto;
    return value?.kind === 'inline' || value?.kind === 'url' ? value : null;
  } catch {
    return null;
  }
};

const toPerson = (row: Pick<Selectable<PersonTable>, (typeof COLUMNS)[number]>): Person => ({
  id: row.id,
  workspaceId: row.workspace_id,
  isSelf: Number(row.is_self) === 1,
  displayName: row.display_name,
  ...contactFromRow(row),
  interests: fromJsonList(row.interests),
  asks: fromJsonList(row.asks),
  offers: fromJsonList(row.offers),
  stature: row.stature === null ? null : Number(row.stature),
  howWeMet: row.how_we_met,
  howWeMetMomentId: row.how_we_met_moment_id,
  introducedById: row.introduced_by_id,
  source: row.source as PersonSource,
  lastContactOn: row.last_contact_on,
  photo: parsePhoto(row.photo),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const blank = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

type PersonRow = OwnedRow<'people'>;

const toRow = (person: NewPerson, now: string): PersonRow => {
  const displayName = deriveDisplayName(person);
  return {
    id: person.id ?? newId(),
    is_self: person.isSelf ? 1 : 0,
    display_name: displayName,
    sort_key: sortKey(displayName),
    ...contactToRow(person),
    interests: toJsonList(tidyList(person.interests)),
    asks: toJsonList(tidyList(person.asks)),
    offers: toJsonList(tidyList(person.offers)),
    stature: person.stature ?? null,
    how_we_met: blank(person.howWeMet),
    how_we_met_moment_id: person.howWeMetMomentId ?? null,
    introduced_by_id: person.introducedById ?? null,
    source: person.source ?? 'manual',
    last_contact_on: person.lastContactOn ?? null,
    created_at: now,
    updated_at: now,
    photo: person.photo ? JSON.stringify(person.photo) : null,
    profiles: person.profiles?.socialProfiles?.length ? JSON.stringify(person.profiles) : null,
    import_batch_id: person.importBatchId ?? null,
  };
};

const termsOf = (row: PersonRow): Array<OwnedRow<'person_search'>> =>
  searchTerms({
    displayName: row.display_name,
    givenName: row.given_name,
    familyName: row.family_name,
    emails: fromJsonList(row.emails),
    organization: row.organization,
    tags: fromJsonList(row.tags),
  }).map((term) => ({
    term,
    person_id: row.id,
    sort_key: row.sort_key,
  }));

/** The highest code point: `term < prefix + MAX` bounds a prefix range in byte order. */
const PREFIX_END = '\u{10FFFF}';

/**
 * From this many people written at once (a demo network, a large import, a restore), PostgreSQL's
 * statistics of `people` and `person_search` are refreshed in the writing transaction. Without
 * them (autovacuum analyses only later, or never when it is off) the planner guesses that a
 * workspace holds a handful of people, and fetches and sorts everyone after a list cursor
 * instead of reading `people_sort` in order: 50-100 ms a page at 50k people instead of 1 ms.
 */
const ANALYZE_FROM = 1000;

export class PersonRepository {
  constructor(
    private readonly scope: WorkspaceScope,
    private readonly now: () => string,
  ) {}

  async create(person: NewPerson): Promise<Person> {
    const [id] = await this.createMany([person]);
    return this.require(id as string);
  }

  /** Inserts people and their search terms in batches; returns their ids in input order. */
  async createMany(people: readonly NewPerson[]): Promise<string[]> {
    const now = this.now();
    const ids: string[] = [];
    // A few thousand rows and their search terms at a time keep a large import's memory flat.
    for (let start = 0; start < people.length; start += WRITE_CHUNK) {
      const rows = people.slice(start, start + WRITE_CHUNK).map((p) => toRow(p, now));
      await this.scope.bulkInsert('people', rows);
      await this.scope.bulkInsert('person_search', rows.flatMap(termsOf));
      for (const row of rows) ids.push(row.id);
    }
    await this.refreshStatistics(people.length);
    return ids;
  }

  async find(id: string): Promise<Person | undefined> {
    const row = await this.scope
      .selectFrom('people')
      .select(COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toPerson(row) : undefined;
  }

  /** The person, or a `not_found` error (also for another workspace's id). */
  async require(id: string): Promise<Person> {
    const person = await this.find(id);
    if (!person) throw notFound('Person');
    return person;
  }

  async findMany(ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    const out: Person[] = [];
    for (const batch of batches(ids, 1)) {
      const rows = await this.scope
        .selectFrom('people')
        .select(COLUMNS)
        .where('id', 'in', batch)
        .execute();
      out.push(...rows.map(toPerson));
    }
    return out;
  }

  async findSelf(): Promise<Person | undefined> {
    const row = await this.scope
      .selectFrom('people')
      .select(COLUMNS)
      .where('is_self', '=', 1)
      .executeTakeFirst();
    return row ? toPerson(row) : undefined;
  }

  /** Replaces the fields given in `changes`; the display name is re-derived when names change. */
  async update(id: string, changes: PersonDraft): Promise<Person> {
    const current = await this.require(id);
    const merged: NewPerson = { ...current, ...changes, id, isSelf: current.isSelf };
    const displayName =
      changes.displayName !== undefined ||
      changes.givenName !== undefined ||
      changes.familyName !== undefined
        ? deriveDisplayName({ ...merged, displayName: changes.displayName ?? null })
        : current.displayName;
    const row = toRow({ ...merged, displayName }, this.now());
    // What only an import or a restore writes (profiles, batch) is not the host's to change here.
    const {
      id: _i,
      created_at: _c,
      is_self: _s,
      profiles: _p,
      import_batch_id: _b,
      ...fields
    } = row;
    await this.scope
      .updateTable('people')
      .set({ ...fields, last_contact_on: current.lastContactOn })
      .where('id', '=', id)
      .execute();
    await this.replaceTerms([id], [row]);
    return this.require(id);
  }

  /**
   * Rebuilds the search terms of these people from their stored rows: after writes that set
   * columns directly (an undone import, a restored backup).
   */
  async reindex(ids: readonly string[]): Promise<void> {
    for (const batch of batches(ids, 1)) {
      const rows = await this.scope
        .selectFrom('people')
        .selectAll()
        .where('id', 'in', batch)
        .execute();
      await this.replaceTerms(batch, rows);
    }
    await this.refreshStatistics(ids.length);
  }

  /** Replaces the search terms of the people `ids` with those of their (new) rows. */
  private async replaceTerms(ids: readonly string[], rows: readonly PersonRow[]): Promise<void> {
    await this.scope.deleteFrom('person_search').where('person_id', 'in', ids).execute();
    await this.scope.bulkInsert('person_search', rows.flatMap(termsOf));
  }

  /**
   * After `count` people were written (see `ANALYZE_FROM`): only the columns queries select
   * people by. It sees the rows this transaction wrote.
   */
  private async refreshStatistics(count: number): Promise<void> {
    if (count < ANALYZE_FROM) return;
    await this.scope.refreshStatistics(
      'people (workspace_id, id, sort_key, is_self, import_batch_id), person_search',
    );
  }

  /** Deletes a person; their ties, attendances and search terms go with them (cascade). */
  async remove(id: string): Promise<void> {
    const result = await this.scope
      .deleteFrom('people')
      .where('id', '=', id)
      .where('is_self', '=', 0)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('Person');
  }

  /** One page of people in name order, continuing after `cursor`. */
  async list(page: {
    readonly after?: PeopleCursor | undefined;
    readonly limit: number;
  }): Promise<Person[]> {
    let query = this.scope.selectFrom('people').select(COLUMNS);
    const after = page.after;
    if (after) {
      // A row-value comparison, not `sort_key > x OR (sort_key = x AND id > y)`: PostgreSQL can
      // read it as one range of `people_sort` (`sort_key` collates "C", so the range is byte
      // order, as in SQLite) and stop after `limit` rows; the OR it could only filter or sort.
      query = query.where((eb) =>
        eb(eb.refTuple('sort_key', 'id'), '>', eb.tuple(after.sortKey, after.id)),
      );
    }
    const rows = await query.orderBy('sort_key').orderBy('id').limit(page.limit).execute();
    return rows.map(toPerson);
  }

  /**
   * People matching every word of `text` as a prefix of one of their search terms (a name,
   * email, organisation or tag word), ignoring case and diacritics, in name order.
   */
  async search(text: string, limit: number): Promise<Person[]> {
    // An email is searched whole; anything else word by word.
    const prefixes = text.includes('@')
      ? [fold(text).trim()]
      : [...new Set(words(text))].slice(0, 6);
    if (prefixes.length === 0) return [];
    // The longest prefix is likely the narrowest range: its terms are read, and their people
    // kept if they also have a term for each other word. A shorter word (a wider range) is
    // checked person by person through `person_search_person` (by person id alone: with the
    // workspace too, SQLite would scan the word's whole range for every match); a word as long
    // (a range as narrow) is read once, as a list.
    const [first, ...others] = [...prefixes].sort((a, b) => b.length - a.length) as [
      string,
      ...string[],
    ];
    let matches = this.scope
      .selectFrom('person_search')
      .select(['person_search.person_id', 'person_search.sort_key'])
      .where('person_search.term', '>=', first)
      .where('person_search.term', '<', first + PREFIX_END);
    for (const prefix of others) {
      matches = matches.where((eb) => {
        const other = eb
          .selectFrom('person_search as other')
          .select('other.person_id')
          .where('other.term', '>=', prefix)
          .where('other.term', '<', prefix + PREFIX_END);
        return prefix.length < first.length
          ? eb.exists(other.whereRef('other.person_id', '=', 'person_search.person_id'))
          : eb('person_search.person_id', 'in', other.where(this.scope.owns('other')));
      });
    }
    // The page is chosen from the term index alone (`person_search_order` holds the sort key),
    // then only its people are read, joined to it and in its order. Ordered by `people` columns
    // instead, both planners may walk all of `people_sort` looking for the page's few people.
    // This way the cost grows with the matches of the prefix, never with where they fall in name
    // order, whatever the statistics say.
    const page = matches
      .groupBy(['person_search.sort_key', 'person_search.person_id'])
      .orderBy('person_search.sort_key')
      .orderBy('person_search.person_id')
      .limit(limit)
      .as('page');
    const rows = await this.scope
      .selectFromDerived(page)
      .innerJoin('people', (join) =>
        join.on(this.scope.owns('people')).onRef('people.id', '=', 'page.person_id'),
      )
      .select(PEOPLE_COLUMNS)
      .orderBy('page.sort_key')
      .orderBy('page.person_id')
      .execute();
    return rows.map(toPerson);
  }

  /** Finds people by exact folded display name (for attendee matching in the CLI). */
  async findByName(name: string): Promise<Person[]> {
    const rows = await this.scope
      .selectFrom('people')
      .select(COLUMNS)
      .where('sort_key', '=', fold(name).trim())
      .limit(10)
      .execute();
    return rows.map(toPerson);
  }

  /** Records the moment where the host first met these people. */
  async linkHowWeMet(ids: readonly string[], momentId: string): Promise<void> {
    for (const batch of batches(ids, 1)) {
      await this.scope
        .updateTable('people')
        .set({ how_we_met_moment_id: momentId })
        .where('id', 'in', batch)
        .execute();
    }
  }

  /** Moves the last-contact date forward (never back) for each person. */
  async touchLastContact(ids: readonly string[], on: string): Promise<void> {
    for (const batch of batches(ids, 1)) {
      await this.scope
        .updateTable('people')
        .set({ last_contact_on: on })
        .where('id', 'in', batch)
        .where((eb) => eb.or([eb('last_contact_on', 'is', null), eb('last_contact_on', '<', on)]))
        .execute();
    }
  }

  /** Sets one person's last contact outright (a deleted moment can move it back). */
  async setLastContact(id: string, on: string | null): Promise<void> {
    await this.scope
      .updateTable('people')
      .set({ last_contact_on: on })
      .where('id', '=', id)
      .execute();
  }

  async count(): Promise<number> {
    const row = await this.scope
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Every person of the workspace with only what the engine reads, in name order; only those of
   * `ids` when it is given.
   */
  async inNetwork(ids?: readonly string[]): Promise<PersonInNetwork[]> {
    if (ids?.length === 0) return [];
    let query = this.scope
      .selectFrom('people')
      .select([
        'id',
        'is_self',
        'display_name',
        'organization',
        'title',
        'location',
        'tags',
        'interests',
        'asks',
        'offers',
        'stature',
        'last_contact_on',
      ]);
    if (ids) query = query.where('id', 'in', ids);
    const rows = await query.orderBy('sort_key').orderBy('id').execute();
    return rows.map((row) => ({
      id: row.id,
      isSelf: Number(row.is_self) === 1,
      displayName: row.display_name,
      organization: row.organization,
      title: row.title,
      location: row.location,
      tags: fromJsonList(row.tags),
      interests: fromJsonList(row.interests),
      asks: fromJsonList(row.asks),
      offers: fromJsonList(row.offers),
      stature: row.stature === null ? null : Number(row.stature),
      lastContactOn: row.last_contact_on,
    }));
  }

  /** Every person of the workspace (for exports), in name order. */
  async all(): Promise<Person[]> {
    const rows = await this.scope
      .selectFrom('people')
      .select(COLUMNS)
      .orderBy('sort_key')
      .orderBy('id')
      .execute();
    return rows.map(toPerson);
  }
}
