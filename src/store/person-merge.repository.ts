/**
 * The moves a merge of two people makes in the rows that name a person: ties re-pointed,
 * attendances moved, introducers re-pointed. The use case decides what to fold; this only
 * moves rows, inside the caller's transaction.
 */
import type { AttendeeMark } from '../domain/moment';
import { orderPair } from '../domain/tie';
import type { WorkspaceScope } from './workspace-scope';

export interface Attendance {
  readonly momentId: string;
  readonly mark: AttendeeMark;
}

export class PersonMergeRepository {
  constructor(
    private readonly scope: WorkspaceScope,
    private readonly now: () => string,
  ) {}

  /** Moves one end of a tie to another person, keeping the pair ordered. */
  async repointTie(tieId: string, x: string, y: string): Promise<void> {
    const [a, b] = orderPair(x, y);
    await this.scope
      .updateTable('ties')
      .set({ a_id: a, b_id: b, updated_at: this.now() })
      .where('id', '=', tieId)
      .execute();
  }

  async attendancesOf(personId: string): Promise<Attendance[]> {
    const rows = await this.scope
      .selectFrom('moment_attendees')
      .select(['moment_id', 'mark'])
      .where('person_id', '=', personId)
      .execute();
    return rows.map((r) => ({ momentId: r.moment_id, mark: r.mark as AttendeeMark }));
  }

  async setMark(momentId: string, personId: string, mark: AttendeeMark): Promise<void> {
    await this.scope
      .updateTable('moment_attendees')
      .set({ mark })
      .where('moment_id', '=', momentId)
      .where('person_id', '=', personId)
      .execute();
  }

  /**
   * Moves every attendance of `fromId` to `toId`; where both attended the same moment, the
   * attendance of `fromId` is dropped (the caller has already kept the stronger mark). Returns
   * how many attendances moved.
   */
  async moveAttendances(fromId: string, toId: string): Promise<number> {
    await this.scope
      .deleteFrom('moment_attendees')
      .where('person_id', '=', fromId)
      .where(
        'moment_id',
        'in',
        this.scope
          .selectFrom('moment_attendees as mine')
          .select('mine.moment_id')
          .where('mine.person_id', '=', toId),
      )
      .execute();
    const moved = await this.scope
      .updateTable('moment_attendees')
      .set({ person_id: toId })
      .where('person_id', '=', fromId)
      .executeTakeFirst();
    return Number(moved.numUpdatedRows);
  }

  /** People introduced by `fromId` are now introduced by `toId` (never by themselves). */
  async repointIntroducer(fromId: string, toId: string): Promise<void> {
    await this.scope
      .updateTable('people')
      .set({ introduced_by_id: null })
      .where('id', '=', toId)
      .where('introduced_by_id', '=', fromId)
      .execute();
    await this.scope
      .updateTable('people')
      .set({ introduced_by_id: toId })
      .where('introduced_by_id', '=', fromId)
      .execute();
  }
}
