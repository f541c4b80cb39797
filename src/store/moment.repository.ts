/** Moments of one workspace and who was there. */

import type { Selectable } from 'kysely';
import { notFound } from '../domain/errors';
import type {
  AttendeeMark,
  Moment,
  MomentAttendee,
  MomentContext,
  MomentKind,
} from '../domain/moment';
import { newId } from './ids';
import { withinWorkspace } from './rows';
import type { MomentTable } from './schema';
import type { WorkspaceScope } from './workspace-scope';

export interface NewMoment {
  readonly context: MomentContext;
  readonly kind: MomentKind;
  readonly title: string;
  readonly occurredOn: string;
  readonly place?: string | null;
  readonly notes?: string | null;
  readonly attendees: readonly MomentAttendee[];
}

/** A moment on one person's timeline, with how the host encountered them there. */
export interface MomentOfPerson extends Omit<Moment, 'attendees'> {
  readonly mark: AttendeeMark;
  readonly attendeeCount: number;
}

/** How one person was at one moment, and when it was: what a moment's ties rest on. */
export interface Engagement {
  readonly momentId: string;
  readonly personId: string;
  readonly mark: AttendeeMark;
  readonly occurredOn: string;
}

/** One person at one moment, with the moment's kind and date. */
export interface Attendance {
  readonly momentId: string;
  readonly context: MomentContext;
  readonly kind: MomentKind;
  readonly occurredOn: string;
  readonly personId: string;
}

const ATTENDANCE = ['m.id', 'm.context', 'm.kind', 'm.occurred_on', 'a.person_id'] as const;

const toAttendance = (r: {
  id: string;
  context: string;
  kind: string;
  occurred_on: string;
  person_id: string;
}): Attendance => ({
  momentId: r.id,
  context: r.context as MomentContext,
  kind: r.kind as MomentKind,
  occurredOn: r.occurred_on,
  personId: r.person_id,
});

const COLUMNS = [
  'workspace_id',
  'id',
  'context',
  'kind',
  'title',
  'occurred_on',
  'place',
  'notes',
  'created_at',
] as const;

const toMoment = (row: Selectable<MomentTable>, attendees: readonly MomentAttendee[]): Moment => ({
  id: row.id,
  workspaceId: row.workspace_id,
  context: row.context as MomentContext,
  kind: row.kind as MomentKind,
  title: row.title,
  occurredOn: row.occurred_on,
  place: row.place,
  notes: row.notes,
  attendees,
  createdAt: row.created_at,
});

/** A moment's own columns, as created or changed. */
const momentColumns = (m: NewMoment) => ({
  context: m.context,
  kind: m.kind,
  title: m.title,
  occurred_on: m.occurredOn,
  place: m.place ?? null,
  notes: m.notes ?? null,
});

const attendeeRows = (momentId: string, attendees: readonly MomentAttendee[]) =>
  attendees.map((a) => ({
    moment_id: momentId,
    person_id: a.personId,
    mark: a.mark,
  }));

export class MomentRepository {
  constructor(
    private readonly scope: WorkspaceScope,
    private readonly now: () => string,
  ) {}

  async create(moment: NewMoment): Promise<Moment> {
    const [id] = await this.createMany([moment]);
    return this.require(id as string);
  }

  /** Inserts moments and their attendees in batches; returns their ids in input order. */
  async createMany(moments: readonly NewMoment[]): Promise<string[]> {
    const now = this.now();
    const rows = moments.map((m) => ({
      id: newId(),
      ...momentColumns(m),
      created_at: now,
    }));
    await this.scope.bulkInsert('moments', rows);
    const attendees = moments.flatMap((m, i) => attendeeRows(rows[i]!.id, m.attendees));
    await withinWorkspace('Attendee', () => this.scope.bulkInsert('moment_attendees', attendees));
    return rows.map((r) => r.id);
  }

  async require(id: string): Promise<Moment> {
    const row = await this.scope
      .selectFrom('moments')
      .select(COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Moment');
    const attendees = await this.scope
      .selectFrom('moment_attendees')
      .select(['person_id', 'mark'])
      .where('moment_id', '=', id)
      .execute();
    return toMoment(
      row,
      attendees.map((a) => ({ personId: a.person_id, mark: a.mark as AttendeeMark })),
    );
  }

  /** The most recent moments first. */
  async list(limit: number): Promise<Moment[]> {
    const rows = await this.scope
      .selectFrom('moments')
      .select(COLUMNS)
      .orderBy('occurred_on', 'desc')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    const attendees = await this.attendeesOf(rows.map((r) => r.id));
    return rows.map((row) => toMoment(row, attendees.get(row.id) ?? []));
  }

  /** One person's timeline: the moments they attended, most recent first. */
  async ofPerson(personId: string): Promise<MomentOfPerson[]> {
    const rows = await this.attendancesCounted()
      .select([...COLUMNS.map((c) => `m.${c}` as const), 'a.mark'])
      .where('a.person_id', '=', personId)
      .orderBy('m.occurred_on', 'desc')
      .execute();
    return rows.map(({ mark, attendee_count, ...row }) => {
      const { attendees: _a, ...moment } = toMoment(row, []);
      return { ...moment, mark: mark as AttendeeMark, attendeeCount: Number(attendee_count) };
    });
  }

  /** Replaces a moment's fields and its attendees; `not_found` when it is not in the workspace. */
  async update(id: string, moment: NewMoment): Promise<Moment> {
    const result = await this.scope
      .updateTable('moments')
      .set(momentColumns(moment))
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('Moment');
    await this.scope.deleteFrom('moment_attendees').where('moment_id', '=', id).execute();
    const attendees = attendeeRows(id, moment.attendees);
    await withinWorkspace('Attendee', () => this.scope.bulkInsert('moment_attendees', attendees));
    return this.require(id);
  }

  /** Every attendance of `personIds`, with its mark and its moment's date. */
  async engagementsOf(personIds: readonly string[]): Promise<Engagement[]> {
    if (personIds.length === 0) return [];
    const rows = await this.attendanceRows()
      .select(['m.id', 'm.occurred_on', 'a.person_id', 'a.mark'])
      .where('a.person_id', 'in', personIds)
      .execute();
    return rows.map((r) => ({
      momentId: r.id,
      personId: r.person_id,
      mark: r.mark as AttendeeMark,
      occurredOn: r.occurred_on,
    }));
  }

  async remove(id: string): Promise<void> {
    const result = await this.scope.deleteFrom('moments').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('Moment');
  }

  /**
   * The attendances of `personIds`, at every moment any of them attended, each with the moment's
   * number of attendees: what renews the ties among a few people.
   */
  async attendedBy(personIds: readonly string[]): Promise<Array<Attendance & { size: number }>> {
    if (personIds.length === 0) return [];
    const rows = await this.attendancesCounted()
      .select(ATTENDANCE)
      .where('a.person_id', 'in', personIds)
      .execute();
    return rows.map((r) => ({ ...toAttendance(r), size: Number(r.attendee_count) }));
  }

  /** Who attended which moment, of what kind and when: circle names, "already met at your table", how recent a tie is. */
  async attendances(): Promise<Attendance[]> {
    const rows = await this.attendanceRows().select(ATTENDANCE).execute();
    return rows.map(toAttendance);
  }

  /** The workspace's attendances (`a`) joined to their moments (`m`). */
  private attendanceRows() {
    return this.scope
      .selectFrom('moment_attendees as a')
      .innerJoin('moments as m', (join) =>
        join.on(this.scope.owns('m')).onRef('m.id', '=', 'a.moment_id'),
      );
  }

  /** `attendanceRows`, each with its moment's number of attendees as `attendee_count`. */
  private attendancesCounted() {
    return this.attendanceRows().select((eb) =>
      eb
        .selectFrom('moment_attendees as together')
        .select((inner) => inner.fn.countAll().as('n'))
        .whereRef('together.moment_id', '=', 'a.moment_id')
        .as('attendee_count'),
    );
  }

  async count(): Promise<number> {
    const row = await this.scope
      .selectFrom('moments')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async attendeesOf(momentIds: readonly string[]): Promise<Map<string, MomentAttendee[]>> {
    const out = new Map<string, MomentAttendee[]>();
    if (momentIds.length === 0) return out;
    const rows = await this.scope
      .selectFrom('moment_attendees')
      .select(['moment_id', 'person_id', 'mark'])
      .where('moment_id', 'in', momentIds)
      .execute();
    for (const row of rows) {
      const list = out.get(row.moment_id) ?? [];
      list.push({ personId: row.person_id, mark: row.mark as AttendeeMark });
      out.set(row.moment_id, list);
    }
    return out;
  }
}
