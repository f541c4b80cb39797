/**
 * Moments: logging one (who was there, whom the host met or reconnected with), changing it and
 * deleting it. One transaction each: logging creates any new people, the moment, the ties it
 * implies and the new last-contact dates; a change or a deletion undoes what the moment no
 * longer does, so the ties stay what logging the remaining moments would have made.
 */
import { invalidInput } from '../domain/errors';
import {
  type AttendeeMark,
  contactedAt,
  contextOf,
  defaultTitle,
  type Moment,
  type MomentAttendee,
  type MomentKind,
  tiesFromMoment,
} from '../domain/moment';
import { DEFAULT_TIE_STRENGTH, orderPair } from '../domain/tie';
import type { WorkspaceRepositories } from '../store/store';
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

/** The host, whom every moment they log is theirs. */
const requireHost = async (repos: WorkspaceRepositories) => {
  const host = await repos.people.findSelf();
  if (!host) throw invalidInput('This workspace has no host person');
  return host;
};

/**
 * The attendees as stored: people new to the network created (named after the moment), every
 * id checked to be in this workspace, each person once, the host left out (they are at every
 * moment they log).
 */
const resolveAttendees = async (
  repos: WorkspaceRepositories,
  hostId: string,
  input: readonly AttendeeInput[],
  title: string,
) => {
  const newcomers = input.flatMap((a, i) => ('newPerson' in a ? [{ a, i }] : []));
  const createdIds = await repos.people.createMany(
    newcomers.map(({ a }) => ({
      displayName: 'newPerson' in a ? a.newPerson.displayName : '',
      source: 'moment' as const,
      howWeMet: title,
    })),
  );
  const ids = input.map((a) => ('personId' in a ? a.personId : ''));
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
  const attendees: MomentAttendee[] = [
    ...new Map(input.map((a, i) => [ids[i] as string, a.mark])).entries(),
  ]
    .filter(([id]) => id !== hostId)
    .map(([personId, mark]) => ({ personId, mark }));
  return { attendees, createdIds };
};

/**
 * What a moment adds to the network once stored: the ties it implies (never weakening or
 * re-dating one that exists), the people created with it linked to it, and the contact dates
 * it moves forward. Returns how many ties were added.
 */
const growFrom = async (
  repos: WorkspaceRepositories,
  hostId: string,
  moment: Moment,
  createdIds: readonly string[],
): Promise<number> => {
  await repos.people.linkHowWeMet(createdIds, moment.id);
  const tiesAdded = await repos.ties.ensure(
    tiesFromMoment(hostId, moment.attendees).map(([aId, bId]) => ({
      aId,
      bId,
      strength: DEFAULT_TIE_STRENGTH,
      source: 'moment' as const,
      since: moment.occurredOn,
    })),
  );
  await repos.people.touchLastContact(contactedAt(moment.attendees), moment.occurredOn);
  return tiesAdded;
};

const momentRow = (input: MomentInput, attendees: readonly MomentAttendee[]) => ({
  context: contextOf(input.kind),
  kind: input.kind,
  title: input.title?.trim() || defaultTitle(input.kind),
  occurredOn: input.occurredOn,
  place: input.place ?? null,
  notes: input.notes ?? null,
  attendees,
});

const pairId = (x: string, y: string): string => orderPair(x, y).join('|');

/**
 * Undoes what a moment as it was (`before`, now deleted or changed) did to the network and no
 * other moment does: a tie it made that no moment implies any more goes, unless it has been
 * edited since (then the host owns it); a last contact dated by it moves back to the latest
 * moment that still counts (or to none). Ties recorded, imported or made otherwise stay. This
 * leaves the ties as logging the remaining moments afresh would. Returns the pairs untied.
 */
const undoMoment = async (
  repos: WorkspaceRepositories,
  hostId: string,
  before: Moment,
): Promise<Array<readonly [string, string]>> => {
  const people = [...new Set(before.attendees.map((a) => a.personId))];
  const engagements = await repos.moments.engagementsOf(people);
  const byMoment = new Map<string, MomentAttendee[]>();
  const latest = new Map<string, string>();
  for (const e of engagements) {
    byMoment.set(e.momentId, [...(byMoment.get(e.momentId) ?? []), e]);
    if (e.mark !== 'present' && e.occurredOn > (latest.get(e.personId) ?? ''))
      latest.set(e.personId, e.occurredOn);
  }
  const supported = new Set<string>();
  for (const attendees of byMoment.values())
    for (const [a, b] of tiesFromMoment(hostId, attendees)) supported.add(pairId(a, b));
  const unsupported = new Set(
    tiesFromMoment(hostId, before.attendees)
      .map(([a, b]) => pairId(a, b))
      .filter((key) => !supported.has(key)),
  );
  const untied: Array<readonly [string, string]> = [];
  for (const personId of people) {
    if (unsupported.size === 0) break;
    for (const tie of await repos.ties.ofPerson(personId)) {
      const key = pairId(tie.aId, tie.bId);
      if (!unsupported.has(key)) continue;
      unsupported.delete(key);
      if (tie.source !== 'moment' || tie.updatedAt !== tie.createdAt) continue;
      await repos.ties.remove(tie.id);
      untied.push([tie.aId, tie.bId]);
    }
  }
  for (const person of await repos.people.findMany(contactedAt(before.attendees)))
    if (person.lastContactOn === before.occurredOn)
      await repos.people.setLastContact(person.id, latest.get(person.id) ?? null);
  return untied;
};

/**
 * Tells the network what changed: the ties a moment no longer implies, then its people. The
 * change count of the write (`counted`, from the store's counter) goes with the last, so the
 * cache knows the write is absorbed whole.
 */
const absorb = async (
  ctx: AppContext,
  ws: string,
  untied: ReadonlyArray<readonly [string, string]>,
  attendeeIds: readonly string[],
  counted: number,
): Promise<void> => {
  for (const [aId, bId] of untied) await ctx.network.changed(ws, { kind: 'tie-removed', aId, bId });
  await ctx.network.changed(
    ws,
    { kind: 'moment-changed', attendeeIds: [...new Set(attendeeIds)] },
    counted,
  );
};

/** The moment's row as typed, with its attendees found or created (new people's ids too). */
const rowWithAttendees = async (
  repos: WorkspaceRepositories,
  hostId: string,
  input: MomentInput,
) => {
  const row = momentRow(input, []);
  const { attendees, createdIds } = await resolveAttendees(
    repos,
    hostId,
    input.attendees,
    row.title,
  );
  return { row: { ...row, attendees }, createdIds };
};

/** Logs a moment (see the module comment). */
export const logMoment = async (ctx: AppContext, access: Access, input: MomentInput) => {
  requireEditor(access);
  const ws = access.workspaceId;
  const logged = await ctx.store.in(ws).transaction(async (repos) => {
    const host = await requireHost(repos);
    const { row, createdIds } = await rowWithAttendees(repos, host.id, input);
    const moment = await repos.moments.create(row);
    const tiesAdded = await growFrom(repos, host.id, moment, createdIds);
    // Last: on PostgreSQL the bump holds the workspace's row until the commit.
    const counted = await repos.changes.bump();
    return { moment, createdPeople: createdIds.length, tiesAdded, counted };
  });
  const { counted, ...result } = logged;
  await absorb(
    ctx,
    ws,
    [],
    result.moment.attendees.map((a) => a.personId),
    counted,
  );
  return result;
};

/**
 * Changes a moment: its fields and who was there, as when it was logged. Ties it made that it no
 * longer implies (someone taken off, a mark lowered to "present") are undone as a deletion would.
 */
export const updateMoment = async (
  ctx: AppContext,
  access: Access,
  id: string,
  input: MomentInput,
) => {
  requireEditor(access);
  const ws = access.workspaceId;
  const changed = await ctx.store.in(ws).transaction(async (repos) => {
    const host = await requireHost(repos);
    const before = await repos.moments.require(id);
    const { row, createdIds } = await rowWithAttendees(repos, host.id, input);
    const moment = await repos.moments.update(id, row);
    await growFrom(repos, host.id, moment, createdIds);
    const untied = await undoMoment(repos, host.id, before);
    return { before, moment, untied, counted: await repos.changes.bump() };
  });
  await absorb(
    ctx,
    ws,
    changed.untied,
    [
      ...changed.before.attendees.map((a) => a.personId),
      ...changed.moment.attendees.map((a) => a.personId),
    ],
    changed.counted,
  );
  return withNames(ctx, access, changed.moment);
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
): Promise<
  Omit<M, 'attendees'> & { attendees: Array<MomentAttendee & { displayName: string }> }
> => {
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

/**
 * Deletes a moment and undoes what only it did: the ties no other moment implies and the last
 * contact dates it set (see `undoMoment`).
 */
export const deleteMoment = async (ctx: AppContext, access: Access, id: string) => {
  requireEditor(access);
  const ws = access.workspaceId;
  const { before, untied, counted } = await ctx.store.in(ws).transaction(async (repos) => {
    const host = await requireHost(repos);
    const before = await repos.moments.require(id);
    await repos.moments.remove(id);
    const untied = await undoMoment(repos, host.id, before);
    return { before, untied, counted: await repos.changes.bump() };
  });
  await absorb(
    ctx,
    ws,
    untied,
    before.attendees.map((a) => a.personId),
    counted,
  );
};
