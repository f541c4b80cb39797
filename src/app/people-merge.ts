/**
 * Merging two people by hand (the duplicate an import could not be sure of): the survivor keeps
 * everything they have, fills what they lack from the other, and takes over the other's ties
 * and moments; the other is deleted. One transaction.
 *
 * Folding rules: a tie both had to the same person becomes one tie, with the stronger strength,
 * the earlier since-date and both notes; the tie between the two themselves disappears; at a
 * moment both attended, the warmer mark stays (met_new, then reconnected, then present).
 * Invitations, when they exist, follow the survivor the same way.
 */
import { invalidInput } from '../domain/errors';
import type { AttendeeMark } from '../domain/moment';
import { type Person, type PersonDraft, tidyList } from '../domain/person';
import { normalizeEmail } from '../domain/text';
import type { AppContext } from './context';
import { type Access, requireEditor } from './workspaces';

export interface MergeResult {
  readonly person: Person;
  /** Ties moved from the other person to the survivor. */
  readonly tiesMoved: number;
  /** Ties both had to the same person, folded into one. */
  readonly tiesFolded: number;
  /** Moment attendances moved to the survivor. */
  readonly momentsMoved: number;
}

const MARK_WARMTH: Readonly<Record<AttendeeMark, number>> = {
  met_new: 3,
  reconnected: 2,
  present: 1,
};

const unionBy = (a: readonly string[], b: readonly string[], key: (s: string) => string) => {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const item of b) {
    if (seen.has(key(item))) continue;
    seen.add(key(item));
    out.push(item);
  }
  return out;
};

const joinText = (a: string | null, b: string | null): string | null =>
  a && b && a.trim() !== b.trim() ? `${a}\n\n${b}` : (a ?? b);

/**
 * What the survivor gets from the other: empty fields filled, lists united, notes joined. The
 * survivor's display name stays: it is the name the host chose to keep.
 */
export const mergedFields = (survivor: Person, other: Person): PersonDraft => {
  const fill = <K extends keyof Person>(key: K): Person[K] =>
    (survivor[key] === null || survivor[key] === '' ? other[key] : survivor[key]) as Person[K];
  return {
    displayName: survivor.displayName,
    givenName: fill('givenName'),
    familyName: fill('familyName'),
    organization: fill('organization'),
    title: fill('title'),
    location: fill('location'),
    stature: fill('stature'),
    howWeMet: fill('howWeMet'),
    howWeMetMomentId: fill('howWeMetMomentId'),
    // Never introduced by themself, nor by the person who is about to disappear.
    introducedById:
      [survivor.introducedById, other.introducedById].find(
        (id) => id && id !== survivor.id && id !== other.id,
      ) ?? null,
    linkedinUrl: fill('linkedinUrl'),
    photo: fill('photo'),
    notes: joinText(survivor.notes, other.notes),
    emails: unionBy(survivor.emails, other.emails, normalizeEmail),
    phones: unionBy(survivor.phones, other.phones, (p) => p.replace(/[^\d+]/g, '')),
    tags: tidyList([...survivor.tags, ...other.tags]),
    interests: tidyList([...survivor.interests, ...other.interests]),
    asks: tidyList([...survivor.asks, ...other.asks]),
    offers: tidyList([...survivor.offers, ...other.offers]),
  };
};

/** Merges `otherId` into `survivorId` (see the module comment). */
export const mergePeople = async (
  ctx: AppContext,
  access: Access,
  survivorId: string,
  otherId: string,
): Promise<MergeResult> => {
  requireEditor(access);
  if (survivorId === otherId) {
    throw invalidInput('A person cannot be merged with themself', [
      { field: 'otherId', reason: 'must differ from the person merged into' },
    ]);
  }
  const ws = access.workspaceId;
  const result = await ctx.store.in(access.workspaceId).transaction(async (repos) => {
    const survivor = await repos.people.require(survivorId);
    const other = await repos.people.require(otherId);
    if (other.isSelf) {
      throw invalidInput('You cannot be merged into someone else: merge them into yourself', [
        { field: 'otherId', reason: 'is you' },
      ]);
    }

    // Phase 1: ties. The other's ties move to the survivor, or fold into the survivor's own.
    const mine = new Map(
      (await repos.ties.ofPerson(survivorId)).map((t) => [t.otherId, t] as const),
    );
    let tiesMoved = 0;
    let tiesFolded = 0;
    for (const tie of await repos.ties.ofPerson(otherId)) {
      if (tie.otherId === survivorId) {
        await repos.ties.remove(tie.id);
        continue;
      }
      const existing = mine.get(tie.otherId);
      if (!existing) {
        await repos.merges.repointTie(tie.id, survivorId, tie.otherId);
        tiesMoved++;
        continue;
      }
      const since =
        [existing.since, tie.since].filter((d): d is string => d !== null).sort()[0] ?? null;
      await repos.ties.update(existing.id, {
        strength: Math.max(existing.strength, tie.strength),
        since,
        notes: joinText(existing.notes, tie.notes),
      });
      await repos.ties.remove(tie.id);
      tiesFolded++;
    }

    // Phase 2: moments. Where both were there, the warmer mark stays.
    const attended = new Map(
      (await repos.merges.attendancesOf(survivorId)).map((a) => [a.momentId, a.mark]),
    );
    for (const { momentId, mark } of await repos.merges.attendancesOf(otherId)) {
      const kept = attended.get(momentId);
      if (kept && MARK_WARMTH[mark] > MARK_WARMTH[kept]) {
        await repos.merges.setMark(momentId, survivorId, mark);
      }
    }
    const momentsMoved = await repos.merges.moveAttendances(otherId, survivorId);
    await repos.merges.repointIntroducer(otherId, survivorId);

    // Phase 3: the survivor's fields, then the other goes.
    const lastContactOn =
      [survivor.lastContactOn, other.lastContactOn].filter(Boolean).sort().at(-1) ?? null;
    await repos.people.update(survivorId, mergedFields(survivor, other));
    if (lastContactOn) await repos.people.touchLastContact([survivorId], lastContactOn);
    await repos.people.remove(otherId);
    return {
      person: await repos.people.require(survivorId),
      tiesMoved,
      tiesFolded,
      momentsMoved,
    };
  });
  await ctx.network.changed(ws, { kind: 'rebuild' });
  return result;
};
