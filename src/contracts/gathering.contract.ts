/** Gatherings, composing their table, seating and series, as the API reads and writes them. */
import { z } from 'zod';
import { FORMATS, type Format as FormatName } from '../domain/format';
import { GATHERING_STATES, type GatheringState } from '../domain/gathering';
import { Id, longText, shortText } from './common.contract';
import { PersonRef } from './network.contract';

const Format = z.enum(FORMATS as [FormatName, ...FormatName[]]);

/** A person the host names: their id, or their name when it finds exactly one person. */
const PersonName = z.string().trim().min(1).max(200);

const Seats = z.number().int().min(1).max(100);

/** What a host sets on a gathering; seats are checked against the format's range. */
const GatheringDetails = {
  format: Format,
  title: shortText().nullish(),
  startsAt: z.string().max(40).nullish().meta({
    description:
      'When it starts: a wall-clock time in `timeZone` (2026-03-12T08:00) or an instant with its offset',
  }),
  timeZone: z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'IANA time zone, such as Europe/Berlin (default UTC)' }),
  place: shortText().nullish(),
  seats: Seats.optional().meta({
    description: "Guests besides you, plus-ones included (default: the format's largest table)",
  }),
  plusOnes: z.boolean().optional().meta({ description: 'Each guest may bring one person' }),
  plusOneSeats: z.number().int().min(0).max(100).optional().meta({
    description: 'Seats kept for whom guests bring (default: half the seats with plus-ones)',
  }),
  purpose: shortText().nullish(),
  note: longText.nullish(),
};

export const GuestInput = z.object({
  personId: Id,
  reasons: z.array(shortText(500)).max(20).optional(),
  locked: z.boolean().optional(),
  source: z.enum(['composed', 'picked']).optional(),
});

export const GatheringCreate = z
  .object({ ...GatheringDetails, guests: z.array(GuestInput).max(100).optional() })
  .meta({ id: 'GatheringCreate' });
export type GatheringCreate = z.input<typeof GatheringCreate>;

export const GatheringUpdate = z
  .object({ ...GatheringDetails, format: Format.optional() })
  .meta({ id: 'GatheringUpdate' });
export type GatheringUpdate = z.input<typeof GatheringUpdate>;

export const GuestsUpdate = z
  .object({ guests: z.array(GuestInput).max(100) })
  .meta({ id: 'GuestsUpdate' });
export type GuestsUpdate = z.input<typeof GuestsUpdate>;

const GuestPerson = PersonRef.extend({
  organization: z.string().nullable(),
  title: z.string().nullable(),
});

export const Gathering = z
  .object({
    id: z.string(),
    format: Format,
    title: z.string(),
    startsAt: z.string().nullable(),
    localStart: z
      .string()
      .nullable()
      .meta({ description: 'The start on the wall clock of timeZone' }),
    timeZone: z.string(),
    place: z.string().nullable(),
    seats: z.number(),
    plusOnes: z.boolean(),
    plusOneSeats: z.number(),
    invitedSeats: z.number().meta({ description: 'Seats for guests: seats less plusOneSeats' }),
    purpose: z.string().nullable(),
    note: z.string().nullable(),
    state: z.enum(GATHERING_STATES as [GatheringState, ...GatheringState[]]),
    guests: z.array(
      z.object({
        personId: z.string(),
        person: GuestPerson,
        reasons: z.array(z.string()),
        locked: z.boolean(),
        source: z.enum(['composed', 'picked']),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Gathering' });
export type Gathering = z.infer<typeof Gathering>;

export const GatheringsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The host's constraints on a table, people by id or name. */
const Constraints = {
  must: z.array(PersonName).max(100).optional().meta({ description: 'People who must be invited' }),
  exclude: z.array(PersonName).max(1000).optional().meta({ description: 'People not to propose' }),
  neverTogether: z
    .array(z.tuple([PersonName, PersonName]))
    .max(100)
    .optional()
    .meta({ description: 'Pairs who may never sit at the same table' }),
  maxShareFromOneCircle: z.number().gt(0).max(1).optional().meta({
    description: 'At most this share of the guests from one circle (default 0.5; 1 turns it off)',
  }),
  anchor: z.boolean().optional().meta({
    description: 'At least one well-connected anchor guest (default true)',
  }),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .meta({
      description: 'The same seed and the same request always give the same table',
    }),
};

export const ComposeRequest = z
  .object({ ...GatheringDetails, ...Constraints })
  .meta({ id: 'ComposeRequest' });
export type ComposeRequest = z.input<typeof ComposeRequest>;

export const GatheringComposeRequest = z
  .object({
    purpose: shortText().nullish(),
    ...Constraints,
    save: z.boolean().optional().meta({
      description: 'Replace the guest list with the new table, in one transaction',
    }),
  })
  .meta({ id: 'GatheringComposeRequest' });

export const Proof = z
  .union([
    z.object({ kind: z.literal('optimal') }),
    z.object({ kind: z.literal('gap'), atMost: z.number() }),
    z.object({ kind: z.literal('unproven') }),
  ])
  .meta({ id: 'Proof' });

export const StrongPair = z
  .object({ people: z.tuple([GuestPerson, GuestPerson]), value: z.number(), sentence: z.string() })
  .meta({ id: 'StrongPair' });

export const Composition = z
  .object({
    seats: z.number().meta({ description: 'Guests to propose: seats not kept for plus-ones' }),
    guests: z.array(
      z.object({
        person: GuestPerson,
        reasons: z.array(z.string()),
        ownValue: z.number(),
        contribution: z.number().meta({ description: 'What the table would lose without them' }),
        locked: z.boolean(),
      }),
    ),
    strongestPairs: z.array(StrongPair),
    value: z.number(),
    candidates: z.number().meta({ description: 'How many candidates were weighed' }),
    proof: Proof,
    proofSentence: z.string(),
  })
  .meta({ id: 'Composition' });
export type Composition = z.infer<typeof Composition>;

export const GatheringComposition = z
  .object({ composition: Composition, gathering: Gathering.nullable() })
  .meta({ id: 'GatheringComposition' });
export type GatheringComposition = z.infer<typeof GatheringComposition>;

export const ReplacementsRequest = z
  .object({
    ...GatheringDetails,
    ...Constraints,
    table: z.array(PersonName).min(1).max(100).meta({ description: 'The guests at the table now' }),
    seat: PersonName.meta({ description: 'The guest to replace' }),
    count: z.number().int().min(1).max(10).optional(),
  })
  .meta({ id: 'ReplacementsRequest' });
export type ReplacementsRequest = z.input<typeof ReplacementsRequest>;

export const ExplainRequest = z
  .object({
    ...GatheringDetails,
    ...Constraints,
    table: z.array(PersonName).min(1).max(100).meta({ description: 'The guests at the table' }),
  })
  .meta({ id: 'ExplainRequest' });
export type ExplainRequest = z.input<typeof ExplainRequest>;

export const Replacements = z
  .object({
    seat: GuestPerson,
    replacements: z.array(
      z.object({
        person: GuestPerson,
        delta: z.number().meta({ description: "Change in the table's value with them instead" }),
        reasons: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'Replacements' });
export type Replacements = z.infer<typeof Replacements>;

export const SeatingRequest = z
  .object({
    tables: z.array(z.number().int().min(1).max(100)).min(1).max(50),
    seed: z.number().int().min(0).optional(),
  })
  .meta({ id: 'SeatingRequest' });
export type SeatingRequest = z.input<typeof SeatingRequest>;

export const Seating = z
  .object({
    gatheringId: z.string(),
    tables: z.array(
      z.object({
        size: z.number(),
        people: z.array(PersonRef.extend({ isHost: z.boolean() })),
        value: z.number(),
        strongestPairs: z.array(
          z.object({
            people: z.tuple([PersonRef, PersonRef]),
            value: z.number(),
            sentence: z.string(),
          }),
        ),
      }),
    ),
    value: z.number(),
    proof: Proof,
    pairs: z
      .array(z.object({ a: z.string(), b: z.string(), value: z.number() }))
      .meta({ description: 'Every pair value among the people seated: what a move changes' }),
  })
  .meta({ id: 'Seating' });
export type Seating = z.infer<typeof Seating>;

export const SeriesRequest = z
  .object({
    pool: shortText(100).min(1).meta({ description: 'The tag of the people to draw from' }),
    size: z.number().int().min(2).max(100),
    rounds: z.number().int().min(1).max(52),
    held: z
      .array(z.array(z.array(Id)))
      .optional()
      .meta({ description: 'Rounds already held, as they happened: groups of person ids' }),
    seed: z.number().int().min(0).optional(),
  })
  .meta({ id: 'SeriesRequest' });
export type SeriesRequest = z.input<typeof SeriesRequest>;

export const Series = z
  .object({
    pool: z.string(),
    poolSize: z.number(),
    size: z.number(),
    rounds: z.array(z.array(z.array(PersonRef))),
    repeatedPairs: z.array(
      z.object({ people: z.tuple([PersonRef, PersonRef]), times: z.number() }),
    ),
    repeats: z.number(),
    repeatsAtLeast: z
      .number()
      .meta({ description: 'Fewer repeats are impossible with these numbers' }),
    value: z.number(),
  })
  .meta({ id: 'Series' });
export type Series = z.infer<typeof Series>;
