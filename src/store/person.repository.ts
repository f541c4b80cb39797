/** People of one workspace, with the search index kept beside them. */

import type { Kysely, Selectable } from 'kysely';
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
import type { BulkWriter } from './bulk';
import { newId } from './ids';
import { batches, fromJsonList, toJsonList } from './rows';
import type { Database, PersonTable } from './schema';

/** Where a people list continues: the sort key and id of the last person on the previous page. */
export interface PeopleCursor {
  readonly sortKey: string;
  readonly id: string;
}

/** What a contact card says about someone beyond the person's fields (kept for export). */
export interface PersonProfiles {
  readonly relatedNames?: ReadonlyArray<{
    readonly name: string;
    readonly relation: string | null;
  }>;
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
  'given_name',
  'family_name',
  'emails',
  'phones',
  'organization',
  'title',
  'location',
  'tags',
  'interests',
  'asks',
  'offers',
  'notes',
  'stature',
  'how_we_met',
  'how_we_met_moment_id',
  'introduced_by_id',
  'source',
  'last_contact_on',
  'linkedin_url',
  'photo',
  'created_at',
  'updated_at',
] as const;

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
  givenName: row.given_name,
  familyName: row.family_name,
  emails: fromJsonList(row.emails),
  phones: fromJsonList(row.phones),
  organization: row.organization,
  title: row.title,
  location: row.location,
  tags: fromJsonList(row.tags),
  interests: fromJsonList(row.interests),
  asks: fromJsonList(row.asks),
  offers: fromJsonList(row.offers),
  notes: row.notes,
  stature: row.stature === null ? null : Number(row.stature),
  howWeMet: row.how_we_met,
  howWeMetMomentId: row.how_we_met_moment_id,
  introducedById: row.introduced_by_id,
  source: row.source as PersonSource,
  lastContactOn: row.last_contact_on,
  linkedinUrl: row.linkedin_url,
  photo: parsePhoto(row.photo),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const blank = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

const toRow = (workspaceId: string, person: NewPerson, now: string): PersonTable => {
  const displayName = deriveDisplayName(person);
  return {
    workspace_id: workspaceId,
    id: person.id ?? newId(),
    is_self: person.isSelf ? 1 : 0,
    display_name: displayName,
    sort_key: sortKey(displayName),
    given_name: blank(person.givenName),
    family_name: blank(person.familyName),
    emails: toJsonList(tidyList(person.emails)),
    phones: toJsonList(tidyList(person.phones)),
    organization: blank(person.organization),
    title: blank(person.title),
    location: blank(person.location),
    tags: toJsonList(tidyList(person.tags)),
    interests: toJsonList(tidyList(person.interests)),
    asks: toJsonList(tidyList(person.asks)),
    offers: toJsonList(tidyList(person.offers)),
    notes: blank(person.notes),
    stature: person.stature ?? null,
    how_we_met: blank(person.howWeMet),
    how_we_met_moment_id: person.howWeMetMomentId ?? null,
    introduced_by_id: person.introducedById ?? null,
    source: person.source ?? 'manual',
    last_contact_on: person.lastContactOn ?? null,
    created_at: now,
    updated_at: now,
    linkedin_url: blank(person.linkedinUrl),
    photo: person.photo ? JSON.stringify(person.photo) : null,
    profiles:
      person.profiles?.relatedNames?.length || person.profiles?.socialProfiles?.length
        ? JSON.stringify(person.profiles)
        : null,
    import_batch_id: person.importBatchId ?? null,
  };
};

const termsOf = (row: PersonTable) =>
  searchTerms({
    displayName: row.display_name,
    givenName: row.given_name,
    familyName: row.family_name,
    emails: fromJsonList(row.emails),
    organization: row.organization,
    tags: fromJsonList(row.tags),
  }).map((term) => ({ workspace_id: row.workspace_id, term, person_id: row.id }));

/** The highest code point: `term < prefix + MAX` bounds a prefix range in byte order. */
const PREFIX_END = '\u{10FFFF}';

export class PersonRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
    private readonly bulk: BulkWriter,
  ) {}

  async create(workspaceId: string, person: NewPerson): Promise<Person> {
    const [id] = await this.createMany(workspaceId, [person]);
    return this.require(workspaceId, id as string);
  }

  /** Inserts people and their search terms in batches; returns their ids in input order. */
  async createMany(workspaceId: string, people: readonly NewPerson[]): Promise<string[]> {
    const now = this.now();
    const rows = people.map((p) => toRow(workspaceId, p, now));
    await this.bulk.insert('people', rows);
    await this.bulk.insert('person_search', rows.flatMap(termsOf));
    return rows.map((r) => r.id);
  }

  async find(workspaceId: string, id: string): Promise<Person | undefined> {
    const row = await this.db
      .selectFrom('people')
      .select(COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toPerson(row) : undefined;
  }

  /** The person, or a `not_found` error (also for another workspace's id). */
  async require(workspaceId: string, id: string): Promise<Person> {
    const person = await this.find(workspaceId, id);
    if (!person) throw notFound('Person');
    return person;
  }

  async findMany(workspaceId: string, ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    const out: Person[] = [];
    for (const batch of batches(ids, 1)) {
      const rows = await this.db
        .selectFrom('people')
        .select(COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', batch)
        .execute();
      out.push(...rows.map(toPerson));
    }
    return out;
  }

  async findSelf(workspaceId: string): Promise<Person | undefined> {
    const row = await this.db
      .selectFrom('people')
      .select(COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('is_self', '=', 1)
      .executeTakeFirst();
    return row ? toPerson(row) : undefined;
  }

  /** Replaces the fields given in `changes`; the display name is re-derived when names change. */
  async update(workspaceId: string, id: string, changes: PersonDraft): Promise<Person> {
    const current = await this.require(workspaceId, id);
    const merged: NewPerson = { ...current, ...changes, id, isSelf: current.isSelf };
    const displayName =
      changes.displayName !== undefined ||
      changes.givenName !== undefined ||
      changes.familyName !== undefined
        ? deriveDisplayName({ ...merged, displayName: changes.displayName ?? null })
        : current.displayName;
    const row = toRow(workspaceId, { ...merged, displayName }, this.now());
    // What only an import or a restore writes (profiles, batch) is not the host's to change here.
    const {
      workspace_id: _w,
      id: _i,
      created_at: _c,
      is_self: _s,
      profiles: _p,
      import_batch_id: _b,
      ...fields
    } = row;
    await this.db
      .updateTable('people')
      .set({ ...fields, last_contact_on: current.lastContactOn })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
    await this.db
      .deleteFrom('person_search')
      .where('workspace_id', '=', workspaceId)
      .where('person_id', '=', id)
      .execute();
    const terms = termsOf(row);
    if (terms.length > 0) await this.db.insertInto('person_search').values(terms).execute();
    return this.require(workspaceId, id);
  }

  /**
   * Rebuilds the search terms of these people from their stored rows: after writes that set
   * columns directly (an undone import, a restored backup).
   */
  async reindex(workspaceId: string, ids: readonly string[]): Promise<void> {
    for (const batch of batches(ids, 1)) {
      const rows = await this.db
        .selectFrom('people')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', batch)
        .execute();
      await this.db
        .deleteFrom('person_search')
        .where('workspace_id', '=', workspaceId)
        .where('person_id', 'in', batch)
        .execute();
      await this.bulk.insert('person_search', rows.flatMap(termsOf));
    }
  }

  /** Deletes a person; their ties, attendances and search terms go with them (cascade). */
  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.db
      .deleteFrom('people')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('is_self', '=', 0)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('Person');
  }

  /** One page of people in name order, continuing after `cursor`. */
  async list(
    workspaceId: string,
    page: { readonly after?: PeopleCursor | undefined; readonly limit: number },
  ): Promise<Person[]> {
    let query = this.db
      .selectFrom('people')
      .select(COLUMNS)
      .where('workspace_id', '=', workspaceId);
    const after = page.after;
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('sort_key', '>', after.sortKey),
          eb.and([eb('sort_key', '=', after.sortKey), eb('id', '>', after.id)]),
        ]),
      );
    }
    const rows = await query.orderBy('sort_key').orderBy('id').limit(page.limit).execute();
    return rows.map(toPerson);
  }

  /**
   * People matching every word of `text` as a prefix of one of their search terms (a name,
   * email, organisation or tag word), ignoring case and diacritics, in name order.
   */
  async search(workspaceId: string, text: string, limit: number): Promise<Person[]> {
    // An email is searched whole; anything else word by word.
    const prefixes = text.includes('@')
      ? [fold(text).trim()]
      : [...new Set(words(text))].slice(0, 6);
    if (prefixes.length === 0) return [];
    let query = this.db
      .selectFrom('people')
      .select(COLUMNS)
      .where('workspace_id', '=', workspaceId);
    for (const prefix of prefixes) {
      query = query.where('id', 'in', (eb) =>
        eb
          .selectFrom('person_search')
          .select('person_id')
          .where('workspace_id', '=', workspaceId)
          .where('term', '>=', prefix)
          .where('term', '<', prefix + PREFIX_END),
      );
    }
    const rows = await query.orderBy('sort_key').orderBy('id').limit(limit).execute();
    return rows.map(toPerson);
  }

  /** Finds people by exact folded display name (for attendee matching in the CLI). */
  async findByName(workspaceId: string, name: string): Promise<Person[]> {
    const rows = await this.db
      .selectFrom('people')
      .select(COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('sort_key', '=', fold(name).trim())
      .limit(10)
      .execute();
    return rows.map(toPerson);
  }

  /** Records the moment where the host first met these people. */
  async linkHowWeMet(workspaceId: string, ids: readonly string[], momentId: string): Promise<void> {
    for (const batch of batches(ids, 1)) {
      await this.db
        .updateTable('people')
        .set({ how_we_met_moment_id: momentId })
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', batch)
        .execute();
    }
  }

  /** Moves the last-contact date forward (never back) for each person. */
  async touchLastContact(workspaceId: string, ids: readonly string[], on: string): Promise<void> {
    for (const batch of batches(ids, 1)) {
      await this.db
        .updateTable('people')
        .set({ last_contact_on: on })
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', batch)
        .where((eb) => eb.or([eb('last_contact_on', 'is', null), eb('last_contact_on', '<', on)]))
        .execute();
    }
  }

  async count(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Every person of the workspace (for the engine and exports), in name order. */
  async all(workspaceId: string): Promise<Person[]> {
    const rows = await this.db
      .selectFrom('people')
      .select(COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .orderBy('sort_key')
      .orderBy('id')
      .execute();
    return rows.map(toPerson);
  }
}
