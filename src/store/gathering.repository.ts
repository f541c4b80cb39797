/** Gatherings of one workspace and their guest lists. */

import type { Selectable } from 'kysely';
import { notFound } from '../domain/errors';
import type { Format } from '../domain/format';
import type {
  Gathering,
  GatheringFields,
  GatheringGuest,
  GatheringState,
  GuestSource,
} from '../domain/gathering';
import { newId } from './ids';
import { fromJsonList, toJsonList, withinWorkspace } from './rows';
import type { GatheringGuestTable, GatheringTable } from './schema';
import type { WorkspaceScope } from './workspace-scope';

/** A person on another gathering's list, with when that gathering starts. */
export interface GuestElsewhere {
  readonly gatheringId: string;
  readonly title: string;
  readonly personId: string;
  readonly startsAt: string;
  readonly timeZone: string;
}

/** A person and a date (YYYY-MM-DD). */
export interface DatedPerson {
  readonly personId: string;
  readonly on: string;
}

const COLUMNS = [
  'workspace_id',
  'id',
  'format',
  'title',
  'starts_at',
  'time_zone',
  'place',
  'seats',
  'plus_ones',
  'plus_one_seats',
  'purpose',
  'note',
  'state',
  'created_at',
  'updated_at',
] as const;

const GUEST_COLUMNS = ['gathering_id', 'person_id', 'reasons', 'locked', 'source'] as const;

type GuestRow = Pick<Selectable<GatheringGuestTable>, (typeof GUEST_COLUMNS)[number]>;

const toGuest = (row: GuestRow): GatheringGuest => ({
  personId: row.person_id,
  reasons: fromJsonList(row.reasons),
  locked: Number(row.locked) === 1,
  source: row.source as GuestSource,
});

const toGathering = (
  row: Selectable<GatheringTable>,
  guests: readonly GatheringGuest[],
): Gathering => ({
  id: row.id,
  workspaceId: row.workspace_id,
  format: row.format as Format,
  title: row.title,
  startsAt: row.starts_at,
  timeZone: row.time_zone,
  place: row.place,
  seats: Number(row.seats),
  plusOnes: Number(row.plus_ones) === 1,
  plusOneSeats: Number(row.plus_one_seats),
  purpose: row.purpose,
  note: row.note,
  state: row.state as GatheringState,
  guests,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const fieldRow = (fields: GatheringFields) => ({
  format: fields.format,
  title: fields.title,
  starts_at: fields.startsAt,
  time_zone: fields.timeZone,
  place: fields.place,
  seats: fields.seats,
  plus_ones: fields.plusOnes ? 1 : 0,
  plus_one_seats: fields.plusOneSeats,
  purpose: fields.purpose,
  note: fields.note,
});

export class GatheringRepository {
  constructor(
    private readonly scope: WorkspaceScope,
    private readonly now: () => string,
  ) {}

  /** Creates a draft gathering with its guest list (guests must be people of the workspace). */
  async create(
    fields: GatheringFields,
    guests: readonly GatheringGuest[] = [],
  ): Promise<Gathering> {
    const now = this.now();
    const id = newId();
    await this.scope
      .insertInto('gatherings', {
        id,
        ...fieldRow(fields),
        state: 'draft',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await this.insertGuests(id, guests);
    return this.require(id);
  }

  async find(id: string): Promise<Gathering | null> {
    const row = await this.scope
      .selectFrom('gatherings')
      .select(COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const guests = await this.guestsOf([id]);
    return toGathering(row, guests.get(id) ?? []);
  }

  async require(id: string): Promise<Gathering> {
    const found = await this.find(id);
    if (!found) throw notFound('Gathering');
    return found;
  }

  /** The workspace's gatherings, the soonest first and those without a date last. */
  async list(limit: number): Promise<Gathering[]> {
    const rows = await this.scope
      .selectFrom('gatherings')
      .select(COLUMNS)
      .orderBy((eb) => eb.case().when('starts_at', 'is', null).then(1).else(0).end())
      .orderBy('starts_at')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    const guests = await this.guestsOf(rows.map((r) => r.id));
    return rows.map((row) => toGathering(row, guests.get(row.id) ?? []));
  }

  /** Replaces a gathering's details; the guest list stays. */
  async update(id: string, fields: GatheringFields): Promise<Gathering> {
    const result = await this.scope
      .updateTable('gatherings')
      .set({ ...fieldRow(fields), updated_at: this.now() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('Gathering');
    return this.require(id);
  }

  /** Replaces the guest list, in the order given. Run it in a transaction with what checked it. */
  async replaceGuests(id: string, guests: readonly GatheringGuest[]): Promise<Gathering> {
    const result = await this.scope
      .updateTable('gatherings')
      .set({ updated_at: this.now() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('Gathering');
    await this.scope.deleteFrom('gathering_guests').where('gathering_id', '=', id).execute();
    await this.insertGuests(id, guests);
    return this.require(id);
  }

  async remove(id: string): Promise<void> {
    const result = await this.scope
      .deleteFrom('gatherings')
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('Gathering');
  }

  /**
   * The guests of gatherings starting between two instants (ISO, inclusive), cancelled ones and
   * `except` left out: who is already invited somewhere around a day.
   */
  async guestsBetween(from: string, to: string, except: string | null): Promise<GuestElsewhere[]> {
    let query = this.scope
      .selectFrom('gathering_guests as g')
      .innerJoin('gatherings as m', (join) =>
        join.on(this.scope.owns('m')).onRef('m.id', '=', 'g.gathering_id'),
      )
      .select(['m.id', 'm.title', 'm.starts_at', 'm.time_zone', 'g.person_id'])
      .where('m.starts_at', '>=', from)
      .where('m.starts_at', '<=', to)
      .where('m.state', '!=', 'cancelled');
    if (except) query = query.where('m.id', '!=', except);
    const rows = await query.execute();
    return rows.map((r) => ({
      gatheringId: r.id,
      title: r.title,
      personId: r.person_id,
      startsAt: r.starts_at ?? '',
      timeZone: r.time_zone,
    }));
  }

  /**
   * For each person who sat at one of the host's tables (a hosted moment), the latest date:
   * recent guests count less when the next table is composed.
   */
  async lastHostedTables(): Promise<DatedPerson[]> {
    const rows = await this.scope
      .selectFrom('moment_attendees as a')
      .innerJoin('moments as m', (join) =>
        join.on(this.scope.owns('m')).onRef('m.id', '=', 'a.moment_id'),
      )
      .select((eb) => ['a.person_id', eb.fn.max('m.occurred_on').as('on')])
      .where('m.context', '=', 'hosted')
      .groupBy('a.person_id')
      .execute();
    return rows.map((r) => ({ personId: r.person_id, on: String(r.on) }));
  }

  /** Each person's last recorded contact with the host, where there is one: quiet ties. */
  async lastContacts(): Promise<DatedPerson[]> {
    const rows = await this.scope
      .selectFrom('people')
      .select(['id', 'last_contact_on'])
      .where('last_contact_on', 'is not', null)
      .execute();
    return rows.map((r) => ({ personId: r.id, on: r.last_contact_on ?? '' }));
  }

  private async insertGuests(
    gatheringId: string,
    guests: readonly GatheringGuest[],
  ): Promise<void> {
    if (guests.length === 0) return;
    await withinWorkspace('Guest', () =>
      this.scope
        .insertInto(
          'gathering_guests',
          guests.map((g, position) => ({
            gathering_id: gatheringId,
            person_id: g.personId,
            position,
            reasons: toJsonList(g.reasons),
            locked: g.locked ? 1 : 0,
            source: g.source,
          })),
        )
        .execute(),
    );
  }

  private async guestsOf(gatheringIds: readonly string[]): Promise<Map<string, GatheringGuest[]>> {
    const out = new Map<string, GatheringGuest[]>();
    if (gatheringIds.length === 0) return out;
    const rows = await this.scope
      .selectFrom('gathering_guests')
      .select(GUEST_COLUMNS)
      .where('gathering_id', 'in', gatheringIds)
      .orderBy('gathering_id')
      .orderBy('position')
      .execute();
    for (const row of rows) {
      const list = out.get(row.gathering_id) ?? [];
      list.push(toGuest(row));
      out.set(row.gathering_id, list);
    }
    return out;
  }
}
