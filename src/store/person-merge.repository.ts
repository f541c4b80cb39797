/**
 * The moves a merge of two people makes in the rows that name a person: ties re-pointed,
 * attendances moved, introducers re-pointed. The use case decides what to fold; this only
 * moves rows, inside the caller's transaction.
 */
import type { Kysely } from 'kysely';
import type { AttendeeMark } from '../domain/moment';
import { orderPair } from '../domain/tie';
import type { Database } from './schema';

export interface Attendance {
  readonly momentId: string;
  readonly mark: AttendeeMark;
}

export class PersonMergeRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
  ) {}

  /** Moves one end of a tie to another person, keeping the pair ordered. */
  async repointTie(workspaceId: string, tieId: string, x: string, y: string): Promise<void> {
    const [a, b] = orderPair(x, y);
    await this.db
      .updateTable('ties')
      .set({ a_id: a, b_id: b, updated_at: this.now() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', tieId)
      .execute();
  }

  async attendancesOf(workspaceId: string, personId: string): Promise<Attendance[]> {
    const rows = await this.db
      .selectFrom('moment_attendees')
      .select(['moment_id', 'mark'])
      .where('workspace_id', '=', workspaceId)
      .where('person_id', '=', personId)
      .execute();
    return rows.map((r) => ({ momentId: r.moment_id, mark: r.mark as AttendeeMark }));
  }

  async setMark(
    workspaceId: string,
    momentId: string,
    personId: string,
    mark: AttendeeMark,
  ): Promise<void> {
    await this.db
      .updateTable('moment_attendees')
      .set({ mark })
      .where('workspace_id', '=', workspaceId)
      .where('moment_id', '=', momentId)
      .where('person_id', '=', personId)
      .execute();
  }

  /**
   * Moves every attendance of `fromId` to `toId`; where both attended the same moment, the
   * attendance of `fromId` is dropped (the caller has already kept the stronger mark). Returns
   * how many attendances moved.
   */
  async moveAttendances(workspaceId: string, fromId: string, toId: string): Promise<number> {
    await this.db
      .deleteFrom('moment_attendees')
      .where('workspace_id', '=', workspaceId)
      .where('person_id', '=', fromId)
      .where('moment_id', 'in', (eb) =>
        eb
          .selectFrom('moment_attendees as mine')
          .select('mine.moment_id')
          .where('mine.workspace_id', '=', workspaceId)
          .where('mine.person_id', '=', toId),
      )
      .execute();
    const moved = await this.db
      .updateTable('moment_attendees')
      .set({ person_id: toId })
      .where('workspace_id', '=', workspaceId)
      .where('person_id', '=', fromId)
      .executeTakeFirst();
    return Number(moved.numUpdatedRows);
  }

  /** People introduced by `fromId` are now introduced by `toId` (never by themselves). */
  async repointIntroducer(workspaceId: string, fromId: string, toId: string): Promise<void> {
    await this.db
      .updateTable('people')
      .set({ introduced_by_id: null })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', toId)
      .where('introduced_by_id', '=', fromId)
      .execute();
    await this.db
      .updateTable('people')
      .set({ introduced_by_id: toId })
      .where('workspace_id', '=', workspaceId)
      .where('introduced_by_id', '=', fromId)
      .execute();
  }
}
