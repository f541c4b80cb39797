/** People: add, edit, remove, list and search, and what a person's page shows. */
import { invalidInput } from '../domain/errors';
import { type Person, type PersonDraft, sortKey } from '../domain/person';
import { normalizePhone } from '../interchange/phone';
import type { PeopleCursor } from '../store/person.repository';
import type { AppContext } from './context';
import { isGoal } from './goals';
import { writeNetwork } from './network-write';
import { type Access, requireEditor } from './workspaces';

export interface PeoplePage {
  readonly items: Person[];
  readonly nextCursor: string | null;
}

const encodeCursor = (person: Person): string =>
  Buffer.from(JSON.stringify([sortKey(person.displayName), person.id])).toString('base64url');

const decodeCursor = (cursor: string): PeopleCursor => {
  try {
    const [sortKey, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof sortKey === 'string' && typeof id === 'string') return { sortKey, id };
  } catch {
    // fall through to the error below
  }
  throw invalidInput('The cursor is not one this server gave out', [
    { field: 'cursor', reason: 'unrecognised' },
  ]);
};

/**
 * One page of people in name order; with `q`, the people matching it (search returns one page:
 * it is for finding someone, not for browsing).
 */
export const listPeople = async (
  ctx: AppContext,
  access: Access,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<PeoplePage> => {
  const people = ctx.store.in(access.workspaceId).people;
  if (query.q?.trim()) {
    return {
      items: await people.search(query.q, query.limit),
      nextCursor: null,
    };
  }
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const items = await people.list({ after, limit: query.limit + 1 });
  const more = items.length > query.limit;
  const page = more ? items.slice(0, query.limit) : items;
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: more && last ? encodeCursor(last) : null,
  };
};

const checkIntroducer = async (ctx: AppContext, access: Access, draft: PersonDraft) => {
  if (draft.introducedById) {
    const introducer = await ctx.store.in(access.workspaceId).people.find(draft.introducedById);
    if (!introducer) {
      throw invalidInput('The introducer is not in this network', [
        { field: 'introducedById', reason: 'no such person in this workspace' },
      ]);
    }
  }
};

/**
 * The draft with its phones stored as imports store them: E.164 where the number says its
 * country (`+49 30 1234567` → `+49301234567`), else as typed. A phone without digits is refused.
 */
const withPhones = (draft: PersonDraft): PersonDraft => {
  if (!draft.phones) return draft;
  const phones = draft.phones.flatMap((typed, index) => {
    if (!typed.trim()) return [];
    const normalised = normalizePhone(typed);
    if (normalised === null) {
      throw invalidInput(`"${typed.trim()}" is not a phone number`, [
        { field: `phones.${index}`, reason: 'has no digits' },
      ]);
    }
    return [normalised.startsWith('+') ? normalised : typed.trim()];
  });
  return { ...draft, phones };
};

/** How the host knows a person they add: their tie to the host. */
export interface TieToYou {
  readonly strength: number;
  readonly since?: string | null | undefined;
}

/**
 * Adds a person by hand; with `tieToYou`, ties them to the host in the same transaction, so
 * their page knows how they reach the rest of the network from the start.
 */
export const createPerson = async (
  ctx: AppContext,
  access: Access,
  input: PersonDraft,
  tieToYou?: TieToYou | null,
) => {
  requireEditor(access);
  const draft = withPhones(input);
  await checkIntroducer(ctx, access, draft);
  const ws = access.workspaceId;
  const { person, hostId, counted } = await ctx.store.in(ws).transaction(async (repos) => {
    const person = await repos.people.create({ ...draft, source: 'manual' });
    if (!tieToYou) return { person, hostId: null, counted: await repos.changes.bump() };
    const host = await repos.people.findSelf();
    if (!host) throw invalidInput('This workspace has no host person to tie them to');
    await repos.ties.create({
      aId: host.id,
      bId: person.id,
      strength: tieToYou.strength,
      since: tieToYou.since ?? null,
      source: 'recorded',
    });
    return { person, hostId: host.id, counted: await repos.changes.bump() };
  });
  // The write's count goes with its last change, so the cache knows the write is absorbed whole.
  await ctx.network.changed(ws, { kind: 'person-added', person }, hostId ? undefined : counted);
  if (hostId)
    await ctx.network.changed(ws, { kind: 'tie-set', aId: hostId, bId: person.id }, counted);
  return person;
};

/** One person, and whether the host wants to grow closer to them. */
export const getPerson = async (ctx: AppContext, access: Access, id: string) => {
  const [person, goal] = await Promise.all([
    ctx.store.in(access.workspaceId).people.require(id),
    isGoal(ctx, access, id),
  ]);
  return { ...person, isGoal: goal };
};

export const updatePerson = async (
  ctx: AppContext,
  access: Access,
  id: string,
  input: PersonDraft,
) => {
  requireEditor(access);
  const changes = withPhones(input);
  await checkIntroducer(ctx, access, changes);
  return writeNetwork(
    ctx,
    access.workspaceId,
    (repos) => repos.people.update(id, changes),
    (person) => ({ kind: 'person-changed', person }),
  );
};

export const deletePerson = async (ctx: AppContext, access: Access, id: string) => {
  requireEditor(access);
  const person = await ctx.store.in(access.workspaceId).people.require(id);
  if (person.isSelf) throw invalidInput('You cannot delete yourself from your own network');
  await writeNetwork(
    ctx,
    access.workspaceId,
    (repos) => repos.people.remove(id),
    () => ({ kind: 'rebuild' }),
  );
};

export const tiesOfPerson = async (ctx: AppContext, access: Access, id: string) => {
  await ctx.store.in(access.workspaceId).people.require(id);
  return ctx.store.in(access.workspaceId).ties.ofPerson(id);
};

export const timelineOfPerson = async (ctx: AppContext, access: Access, id: string) => {
  await ctx.store.in(access.workspaceId).people.require(id);
  return ctx.store.in(access.workspaceId).moments.ofPerson(id);
};

export const workspaceStats = async (ctx: AppContext, access: Access) => {
  const [people, ties, moments] = await Promise.all([
    ctx.store.in(access.workspaceId).people.count(),
    ctx.store.in(access.workspaceId).ties.count(),
    ctx.store.in(access.workspaceId).moments.count(),
  ]);
  return { people, ties, moments };
};
