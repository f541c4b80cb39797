/** People as the API reads and writes them. */
import { z } from 'zod';
import { STATURE_MAX, STATURE_MIN } from '../domain/person';
import { DEFAULT_TIE_STRENGTH, TIE_STRENGTH_MAX, TIE_STRENGTH_MIN } from '../domain/tie';
import { Id, IsoDate, longText, pageOf, shortText } from './common.contract';

const list = (max = 50, length = 300) => z.array(z.string().trim().max(length)).max(max);

/** A web site as typed: an http(s) address, with an optional label (`blog`, `work`). */
const WebsiteInput = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be a web address (http or https)' }).max(500),
  label: shortText(100).nullable().default(null),
});

/** Someone named on the card, as typed, and how they relate (`spouse`, `assistant`). */
const RelatedNameInput = z.object({
  name: shortText(200).min(1, 'a related person needs a name'),
  relation: shortText(100).nullable().default(null),
});

const DATE_KINDS = ['birthday', 'anniversary', 'other'] as const;

/** A birthday, an anniversary or another date: `YYYY-MM-DD`, or `--MM-DD` without a year. */
const DateInput = z.object({
  kind: z.enum(DATE_KINDS),
  date: z
    .string()
    .regex(/^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD or --MM-DD'),
  label: shortText(100).nullable().default(null),
});

/** A web site of a person, as stored (imports keep any address a card gave). */
export const PersonWebsite = z
  .object({ url: z.string(), label: z.string().nullable() })
  .meta({ id: 'PersonWebsite' });

/** Someone a contact card names, not necessarily a person in the network. */
export const RelatedName = z
  .object({ name: z.string(), relation: z.string().nullable() })
  .meta({ id: 'RelatedName' });

/** A date to remember: `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
export const PersonDate = z
  .object({ kind: z.enum(DATE_KINDS), date: z.string(), label: z.string().nullable() })
  .meta({ id: 'PersonDate' });

/** How a card types one email or phone (`cell`, `work`, `pref`) and its custom label. */
export const ContactLabel = z
  .object({ types: z.array(z.string()), label: z.string().nullable() })
  .meta({ id: 'ContactLabel' });

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
    websites: z.array(WebsiteInput).max(20).optional(),
    relatedNames: z.array(RelatedNameInput).max(50).optional(),
    dates: z.array(DateInput).max(20).optional(),
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
    contactLabels: z.record(z.string(), ContactLabel),
    websites: z.array(PersonWebsite),
    relatedNames: z.array(RelatedName),
    dates: z.array(PersonDate),
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
