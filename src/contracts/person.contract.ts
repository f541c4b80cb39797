/** People as the API reads and writes them. */
import { z } from 'zod';
import { STATURE_MAX, STATURE_MIN } from '../domain/person';
import { DEFAULT_TIE_STRENGTH, TIE_STRENGTH_MAX, TIE_STRENGTH_MIN } from '../domain/tie';
import { Id, IsoDate, longText, pageOf, shortText } from './common.contract';

const list = (max = 50, length = 300) => z.array(z.string().trim().max(length)).max(max);

export const PersonInput = z
  .object({
    displayName: shortText().nullish(),
    givenName: shortText().nullish(),
    familyName: shortText().nullish(),
    emails: z.array(z.email('must be an email address')).max(20).optional(),
    phones: list(20, 50).optional(),
    organization: shortText().nullish(),
    title: shortText().nullish(),
    location: shortText().nullish(),
    tags: list(100, 100).optional(),
    interests: list().optional(),
    asks: list().optional(),
    offers: list().optional(),
    notes: longText.nullish(),
    stature: z.number().int().min(STATURE_MIN).max(STATURE_MAX).nullish(),
    howWeMet: shortText(1000).nullish(),
    introducedById: Id.nullish(),
    linkedinUrl: z.url().max(500).nullish(),
  })
  .meta({ id: 'PersonInput' });
export type PersonInput = z.infer<typeof PersonInput>;

/** How the host knows someone they add by hand: the tie between the two of them. */
export const TieToYou = z
  .object({
    strength: z
      .number()
      .int()
      .min(TIE_STRENGTH_MIN)
      .max(TIE_STRENGTH_MAX)
      .default(DEFAULT_TIE_STRENGTH),
    since: IsoDate.nullish(),
  })
  .meta({ id: 'TieToYou' });

/**
 * A new person needs some way to be named. With `tieToYou`, they are tied to the host in the
 * same write (someone you add is usually someone you know); without it, they stand alone.
 */
export const PersonCreate = PersonInput.extend({ tieToYou: TieToYou.nullish() })
  .refine(
    (p) =>
      !!(p.displayName?.trim() || p.givenName?.trim() || p.familyName?.trim() || p.emails?.length),
    { message: 'a person needs a name or an email', path: ['displayName'] },
  )
  .meta({ id: 'PersonCreate' });

/** A picture from a contact card: inline base64 bytes, or a link. */
export const PersonPhoto = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('inline'), mediaType: z.string(), base64: z.string() }),
    z.object({ kind: z.literal('url'), url: z.string() }),
  ])
  .meta({ id: 'PersonPhoto' });

export const Person = z
  .object({
    id: z.string(),
    isSelf: z.boolean(),
    displayName: z.string(),
    givenName: z.string().nullable(),
    familyName: z.string().nullable(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    organization: z.string().nullable(),
    title: z.string().nullable(),
    location: z.string().nullable(),
    tags: z.array(z.string()),
    interests: z.array(z.string()),
    asks: z.array(z.string()),
    offers: z.array(z.string()),
    notes: z.string().nullable(),
    stature: z.number().nullable(),
    howWeMet: z.string().nullable(),
    howWeMetMomentId: z.string().nullable(),
    introducedById: z.string().nullable(),
    source: z.string(),
    lastContactOn: z.string().nullable(),
    linkedinUrl: z.string().nullable(),
    photo: PersonPhoto.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    isGoal: z
      .boolean()
      .optional()
      .meta({ description: 'You want to grow closer to them (given when one person is read)' }),
  })
  .meta({ id: 'Person' });

/** Marking someone as a person you want to grow closer to (one of your goals), or not. */
export const GoalSet = z.object({ goal: z.boolean() }).meta({ id: 'GoalSet' });
export const Goal = z.object({ personId: z.string(), goal: z.boolean() }).meta({ id: 'Goal' });
export type Person = z.infer<typeof Person>;

export const PeopleQuery = z.object({
  q: z.string().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const PeoplePage = pageOf(Person).meta({ id: 'PeoplePage' });
export type PeoplePage = z.infer<typeof PeoplePage>;

export { IsoDate };
