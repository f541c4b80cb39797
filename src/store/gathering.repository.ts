/** Gatherings of one workspace and their guest lists. */

import type { Kysely, Selectable } from 'kysely';
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
import type { Database, GatheringGuestTable, GatheringTable } from './schema';

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
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
  ) {}

  /** Creates a draft gathering with its guest list (guests must be people of the workspace). */
  async create(
    workspaceId: string,
    fields: GatheringFields,
    guests: readonly GatheringGuest[] = [],
  ): Promise<Gathering> {
    const now = this.now();
    const id = newId();
    await this.db
      .insertInto('gatherings')
      .values({
        workspace_id: workspaceId,
        id,
        ...fieldRow(fields),
        state: 'draft',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await this.insertGuests(workspaceId, id, guests);
    return this.require(workspaceId, id);
  }

  async find(workspaceId: string, id: string): Promise<Gathering | null> {
    const row = await this.db
      .selectFrom('gatherings')
      .select(COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const guests = await this.guestsOf(workspaceId, [id]);
    return toGathering(row, guests.get(id) ?? []);
  }

  async require(workspaceId: string, id: string): Promise<Gathering> {
    const found = await this.find(workspaceId, id);
    if (!found) throw notFound('Gathering');
    return found;
  }

  /** The workspace's gatherings, the soonest first and those without a date last. */
  async list(workspaceId: string, limit: number): Promise<Gathering[]> {
    const rows = await this.db
      .selectFrom('gatherings')
      .select(COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .orderBy((eb) => eb.case().when('starts_at', 'is', null).then(1).else(0).end())
      .orderBy('starts_at')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    const guests = await this.guestsOf(
      workspaceId,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toGathering(row, guests.get(row.id) ?? []));
  }

  /** Replaces a gathering's details; the guest list stays. */
  async update(workspaceId: string, id: string, fields: GatheringFields): Promise<Gathering> {
    const result = await this.db
      .updateTable('gatherings')
      .set({ ...fieldRow(fields), updated_at: this.now() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('Gathering');
    return this.require(workspaceId, id);
  }

  /** Replaces the guest list, in the order given. Run it in a transaction with what checked it. */
  async replaceGuests(
    workspaceId: string,
    id: string,
    guests: readonly GatheringGuest[],
  ): Promise<Gathering> {
    const result = await this.db
      .updateTable('gatherings')
      .set({ updated_at: this.now() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('Gathering');
    await this.db
      .deleteFrom('gathering_guests')
      .where('workspace_id', '=', workspaceId)
      .where('gathering_id', '=', id)
      .execute();
    await this.insertGuests(workspaceId, id, guests);
    return this.require(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.db
      .deleteFrom('gatherings')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('Gathering');
  }

  /**
   * The guests of gatherings starting between two instants (ISO, inclusive), cancelled ones and
   * `except` left out: who is already invited somewhere around a day.
   */
  async guestsBetween(
    workspaceId: string,
    from: string,
    to: string,
    except: string | null,
  ): Promise<GuestElsewhere[]> {
    let query = this.db
      .selectFrom('gathering_guests as g')
      .innerJoin('gatherings as m', (join) =>
        join.onRef('m.workspace_id', '=', 'g.workspace_id').onRef('m.id', '=', 'g.gathering_id'),
      )
      .select(['m.id', 'm.title', 'm.starts_at', 'm.time_zone', 'g.person_id'])
      .where('g.workspace_id', '=', workspaceId)
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
  async lastHostedTables(workspaceId: string): Promise<DatedPerson[]> {
    const rows = await this.db
      .selectFrom('moment_attendees as a')
      .innerJoin('moments as m', (join) =>
        join.onRef('m.workspace_id', '=', 'a.workspace_id').onRef('m.id', '=', 'a.moment_id'),
      )
      .select((eb) => ['a.person_id', eb.fn.max('m.occurred_on').as('on')])
      .where('a.workspace_id', '=', workspaceId)
      .where('m.context', '=', 'hosted')
      .groupBy('a.person_id')
      .execute();
    return rows.map((r) => ({ personId: r.person_id, on: String(r.on) }));
  }

  /** Each person's last recorded contact with the host, where there is one: quiet ties. */
  async lastContacts(workspaceId: string): Promise<DatedPerson[]> {
    const rows = await this.db
      .selectFrom('people')
      .select(['id', 'last_contact_on'])
      .where('workspace_id', '=', workspaceId)
      .where('last_contact_on', 'is not', null)
      .execute();
    return rows.map((r) => ({ personId: r.id, on: r.last_contact_on ?? '' }));
  }

  private async insertGuests(
    workspaceId: string,
    gatheringId: string,
    guests: readonly GatheringGuest[],
  ): Promise<void> {
    if (guests.length === 0) return;
    await withinWorkspace('Guest', () =>
      this.db
        .insertInto('gathering_guests')
        .values(
          guests.map((g, position) => ({
            workspace_id: workspaceId,
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

  private async guestsOf(
    workspaceId: string,
    gatheringIds: readonly string[],
  ): Promise<Map<string, GatheringGuest[]>> {
    const out = new Map<string, GatheringGuest[]>();
    if (gatheringIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('gathering_guests')
      .select(GUEST_COLUMNS)
      .where('workspace_id', '=', workspaceId)
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
