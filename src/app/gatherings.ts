/**
 * Gatherings: plan a table as a draft, change its details, pick its guests by hand, lock or
 * remove them, and delete it. Every write is one transaction that checks the guest list against
 * the seats first, so a refused change leaves the gathering as it was.
 */
import { conflict, invalidInput } from '../domain/errors';
import {
  checkGathering,
  checkGuestList,
  type Gathering,
  type GatheringDraft,
  type GatheringGuest,
  invitedSeats,
  isDraft,
  localStart,
} from '../domain/gathering';
import type { WorkspaceRepositories } from '../store/store';
import type { AppContext } from './context';
import { type Access, requireEditor } from './workspaces';

/** A guest as the host sets them: the person, and optionally why and whether locked. */
export interface GuestInput {
  readonly personId: string;
  readonly reasons?: readonly string[] | undefined;
  readonly locked?: boolean | undefined;
  readonly source?: GatheringGuest['source'] | undefined;
}

export interface GatheringInput extends GatheringDraft {
  /** The guest list to save with it (a composed table, or people picked by hand). */
  readonly guests?: readonly GuestInput[] | undefined;
}

const toGuest = (g: GuestInput): GatheringGuest => ({
  personId: g.personId,
  reasons: (g.reasons ?? []).map((r) => r.trim()).filter((r) => r.length > 0),
  locked: g.locked ?? false,
  source: g.source ?? 'picked',
});

/**
 * Checks a guest list inside the transaction that saves it: everyone a person of this
 * workspace, nobody twice, not the host, and no more guests than the seats not kept for
 * plus-ones.
 */
const checkedGuests = async (
  repos: WorkspaceRepositories,
  gathering: Pick<Gathering, 'seats' | 'plusOneSeats'>,
  guests: readonly GuestInput[],
): Promise<GatheringGuest[]> => {
  const found = new Set(
    (await repos.people.findMany(guests.map((g) => g.personId))).map((p) => p.id),
  );
  const missing = guests.flatMap((g, i) =>
    found.has(g.personId)
      ? []
      : [{ field: `guests.${i}.personId`, reason: 'no such person in this workspace' }],
  );
  if (missing.length > 0) throw invalidInput('A guest is not in this network', missing);
  const host = await repos.people.findSelf();
  checkGuestList(gathering, guests, host?.id ?? null);
  return guests.map(toGuest);
};

/** A gathering as clients see it: each guest with their name, and the seats worked out. */
export const gatheringView = async (ctx: AppContext, access: Access, gathering: Gathering) => {
  const people = await ctx.store
    .in(access.workspaceId)
    .people.findMany(gathering.guests.map((g) => g.personId));
  const byId = new Map(people.map((p) => [p.id, p]));
  const { workspaceId: _ws, ...rest } = gathering;
  return {
    ...rest,
    invitedSeats: invitedSeats(gathering),
    localStart: gathering.startsAt ? localStart(gathering.startsAt, gathering.timeZone) : null,
    guests: gathering.guests.map((g) => {
      const p = byId.get(g.personId);
      return {
        ...g,
        person: {
          id: g.personId,
          displayName: p?.displayName ?? '',
          organization: p?.organization ?? null,
          title: p?.title ?? null,
        },
      };
    }),
  };
};

export type GatheringView = Awaited<ReturnType<typeof gatheringView>>;

/** Creates a draft gathering, with its guest list when given, in one transaction. */
export const createGathering = async (
  ctx: AppContext,
  access: Access,
  input: GatheringInput,
): Promise<GatheringView> => {
  requireEditor(access);
  const fields = checkGathering(input);
  const created = await ctx.store
    .in(access.workspaceId)
    .transaction(async (repos) =>
      repos.gatherings.create(fields, await checkedGuests(repos, fields, input.guests ?? [])),
    );
  return gatheringView(ctx, access, created);
};

export const getGathering = async (ctx: AppContext, access: Access, id: string) =>
  gatheringView(ctx, access, await ctx.store.in(access.workspaceId).gatherings.require(id));

export const listGatherings = async (ctx: AppContext, access: Access, limit: number) => {
  const list = await ctx.store.in(access.workspaceId).gatherings.list(limit);
  return Promise.all(list.map((g) => gatheringView(ctx, access, g)));
};

/** A draft, or `conflict`: once invitations are out, changes go through the hosting steps. */
export const requireDraft = (gathering: Gathering): Gathering => {
  if (!isDraft(gathering)) {
    throw conflict(
      `This gathering is ${gathering.state.replace('_', ' ')}; only a draft changes here`,
    );
  }
  return gathering;
};

/**
 * Replaces a draft's details (the fields not given keep their value). The guest list must still
 * fit: fewer seats than guests is refused, naming both.
 */
export const updateGathering = async (
  ctx: AppContext,
  access: Access,
  id: string,
  changes: Partial<GatheringDraft>,
): Promise<GatheringView> => {
  requireEditor(access);
  const updated = await ctx.store.in(access.workspaceId).transaction(async (repos) => {
    const current = requireDraft(await repos.gatherings.require(id));
    const plusOnes = changes.plusOnes ?? current.plusOnes;
    const fields = checkGathering({
      format: changes.format ?? current.format,
      title: changes.title === undefined ? current.title : changes.title,
      startsAt: changes.startsAt === undefined ? current.startsAt : changes.startsAt,
      timeZone: changes.timeZone ?? current.timeZone,
      place: changes.place === undefined ? current.place : changes.place,
      seats: changes.seats ?? current.seats,
      plusOnes,
      // A change of seats or of plus-ones takes the default share again unless one is given.
      plusOneSeats:
        changes.plusOneSeats ??
        (changes.seats === undefined && changes.plusOnes === undefined
          ? current.plusOneSeats
          : undefined),
      purpose: changes.purpose === undefined ? current.purpose : changes.purpose,
      note: changes.note === undefined ? current.note : changes.note,
    });
    const room = invitedSeats(fields);
    if (current.guests.length > room) {
      throw invalidInput('The guest list does not fit the new seats', [
        {
          field: 'seats',
          reason: `${current.guests.length} guests are on the list but only ${room} seats would be theirs; remove guests first`,
        },
      ]);
    }
    return repos.gatherings.update(id, fields);
  });
  return gatheringView(ctx, access, updated);
};

/** Sets a draft's guest list: picked by hand, locked, removed or reordered, all at once. */
export const setGuests = async (
  ctx: AppContext,
  access: Access,
  id: string,
  guests: readonly GuestInput[],
): Promise<GatheringView> => {
  requireEditor(access);
  const saved = await ctx.store.in(access.workspaceId).transaction(async (repos) => {
    const current = requireDraft(await repos.gatherings.require(id));
    return repos.gatherings.replaceGuests(id, await checkedGuests(repos, current, guests));
  });
  return gatheringView(ctx, access, saved);
};

export const deleteGathering = async (ctx: AppContext, access: Access, id: string) => {
  requireEditor(access);
  await ctx.store.in(access.workspaceId).gatherings.remove(id);
};
