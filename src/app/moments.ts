/**
 * Logging a moment: who was there, whom the host met or reconnected with. One transaction
 * creates any new people, the moment, the ties it implies and the new last-contact dates.
 */
import { invalidInput } from '../domain/errors';
import {
  type AttendeeMark,
  contactedAt,
  contextOf,
  defaultTitle,
  type MomentKind,
  tiesFromMoment,
} from '../domain/moment';
import { DEFAULT_TIE_STRENGTH } from '../domain/tie';
import type { AppContext } from './context';
import { type Access, requireEditor } from './workspaces';

export type AttendeeInput =
  | { readonly personId: string; readonly mark: AttendeeMark }
  | { readonly newPerson: { readonly displayName: string }; readonly mark: AttendeeMark };

export interface MomentInput {
  readonly kind: MomentKind;
  readonly title?: string | undefined;
  readonly occurredOn: string;
  readonly place?: string | null | undefined;
  readonly notes?: string | null | undefined;
  readonly attendees: readonly AttendeeInput[];
}

export const logMoment = async (ctx: AppContext, access: Access, input: MomentInput) => {
  requireEditor(access);
  const ws = access.workspaceId;
  const title = input.title?.trim() || defaultTitle(input.kind);
  const logged = await ctx.store.in(access.workspaceId).transaction(async (repos) => {
    const host = await repos.people.findSelf();
    if (!host) throw invalidInput('This workspace has no host person');

    // Phase 1: the people, existing (checked to be in this workspace) or created on the spot.
    const newcomers = input.attendees.flatMap((a, i) => ('newPerson' in a ? [{ a, i }] : []));
    const createdIds = await repos.people.createMany(
      newcomers.map(({ a }) => ({
        displayName: 'newPerson' in a ? a.newPerson.displayName : '',
        source: 'moment' as const,
        howWeMet: title,
      })),
    );
    const ids = input.attendees.map((a) => ('personId' in a ? a.personId : ''));
    newcomers.forEach(({ i }, k) => {
      ids[i] = createdIds[k] as string;
    });
    const known = new Set((await repos.people.findMany(ids)).map((p) => p.id));
    const missing = ids.findIndex((id) => !known.has(id));
    if (missing >= 0) {
      throw invalidInput('An attendee is not in this network', [
        { field: `attendees.${missing}.personId`, reason: 'no such person in this workspace' },
      ]);
    }
    const attendees = [
      ...new Map(input.attendees.map((a, i) => [ids[i] as string, a.mark])).entries(),
    ]
      .filter(([id]) => id !== host.id)
      .map(([personId, mark]) => ({ personId, mark }));

    // Phase 2: the moment, the ties it implies and the contact dates it moves.
    const moment = await repos.moments.create({
      context: contextOf(input.kind),
      kind: input.kind,
      title,
      occurredOn: input.occurredOn,
      place: input.place ?? null,
      notes: input.notes ?? null,
      attendees,
    });
    await repos.people.linkHowWeMet(createdIds, moment.id);
    const tiesAdded = await repos.ties.ensure(
      tiesFromMoment(host.id, attendees).map(([aId, bId]) => ({
        aId,
        bId,
        strength: DEFAULT_TIE_STRENGTH,
        source: 'moment' as const,
        since: input.occurredOn,
      })),
    );
    await repos.people.touchLastContact(contactedAt(attendees), input.occurredOn);
    return { moment, createdPeople: createdIds.length, tiesAdded };
  });
  await ctx.network.changed(ws, {
    kind: 'moment-changed',
    attendeeIds: logged.moment.attendees.map((a) => a.personId),
  });
  return logged;
};

/** A moment with each attendee's name, for display. */
export const momentWithNames = async (ctx: AppContext, access: Access, momentId: string) => {
  const moment = await ctx.store.in(access.workspaceId).moments.require(momentId);
  return withNames(ctx, access, moment);
};

const withNames = async <
  M extends { attendees: readonly { personId: string; mark: AttendeeMark }[] },
>(
  ctx: AppContext,
  access: Access,
  moment: M,
) => {
  const people = await ctx.store
    .in(access.workspaceId)
    .people.findMany(moment.attendees.map((a) => a.personId));
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  return {
    ...moment,
    attendees: moment.attendees.map((a) => ({ ...a, displayName: names.get(a.personId) ?? '' })),
  };
};

export const listMoments = async (ctx: AppContext, access: Access, limit: number) => {
  const moments = await ctx.store.in(access.workspaceId).moments.list(limit);
  return Promise.all(moments.map((m) => withNames(ctx, access, m)));
};

export const deleteMoment = async (ctx: AppContext, access: Access, id: string) => {
  requireEditor(access);
  const moment = await ctx.store.in(access.workspaceId).moments.require(id);
  await ctx.store.in(access.workspaceId).moments.remove(id);
  await ctx.network.changed(access.workspaceId, {
    kind: 'moment-changed',
    attendeeIds: moment.attendees.map((a) => a.personId),
  });
};
