/** The engine's answers as the API shows them: who should meet, reach, circles, the map. */
import { z } from 'zod';
import { Id } from './common.contract';

export const PairParts = z.object({
  complementarity: z.number(),
  commonGround: z.number(),
  warmth: z.number(),
  novelty: z.number(),
  freshness: z.number(),
  goals: z.number(),
});

/** One reason in structured form; `kind` says which (ask-offer, mutual-contacts, …). */
export const PairReason = z.object({ kind: z.string() }).catchall(z.unknown());

export const PersonRef = z.object({ id: z.string(), displayName: z.string() });

const IntroductionLetter = z.string().meta({
  description:
    'The reasons addressed to the two people, for an introduction email (empty when none fit)',
});

export const Suggestion = z
  .object({
    person: PersonRef.extend({ organization: z.string().nullable(), title: z.string().nullable() }),
    value: z.number().meta({ description: 'Pair value in [0, 1]' }),
    parts: PairParts,
    reasons: z.array(PairReason),
    sentence: z.string().meta({ description: 'The reasons in one plain sentence' }),
    letter: IntroductionLetter,
  })
  .meta({ id: 'Suggestion' });
export type Suggestion = z.infer<typeof Suggestion>;

export const Suggestions = z
  .object({
    person: PersonRef,
    suggestions: z.array(Suggestion),
    reason: z.string().nullable().meta({ description: 'Why the list is empty or short, in words' }),
  })
  .meta({ id: 'Suggestions' });
export type Suggestions = z.infer<typeof Suggestions>;

export const Introduction = z
  .object({
    people: z.tuple([PersonRef, PersonRef]),
    value: z.number(),
    parts: PairParts,
    reasons: z.array(PairReason),
    sentence: z.string(),
    letter: IntroductionLetter,
  })
  .meta({ id: 'Introduction' });
export type Introduction = z.infer<typeof Introduction>;

export const Introductions = z
  .object({ introductions: z.array(Introduction), reason: z.string().nullable() })
  .meta({ id: 'Introductions' });
export type Introductions = z.infer<typeof Introductions>;

export const ReachEntry = z
  .object({
    person: PersonRef.extend({ organization: z.string().nullable(), title: z.string().nullable() }),
    rank: z.number().nullable().meta({
      description:
        'Place by reach, 1 the best connected; null when they have no tie to anyone but you (the explanation says so)',
    }),
    score: z.number().meta({ description: 'Reach from 0 to 1' }),
    parts: z.object({
      pagerank: z.number(),
      brokerage: z.number(),
      circles: z.number(),
      stature: z.number().nullable(),
    }),
    circlesSpanned: z.number(),
    bridges: z
      .array(z.string())
      .meta({ description: 'Names of the circles their ties lead into most' }),
    contactsWhoKnow: z.number(),
    explanation: z.string(),
  })
  .meta({ id: 'ReachEntry' });
export type ReachEntry = z.infer<typeof ReachEntry>;

export const ReachList = z
  .object({
    people: z.array(ReachEntry),
    total: z.number().meta({ description: 'People ranked' }),
    unranked: z
      .number()
      .meta({ description: 'People not ranked: they have no tie to anyone but you yet' }),
    betweenness: z.object({
      samples: z.number(),
      errorBound: z
        .number()
        .meta({ description: 'Bound on the error of each normalised estimate' }),
    }),
  })
  .meta({ id: 'ReachList' });
export type ReachList = z.infer<typeof ReachList>;

export const Door = z.object({ person: PersonRef, newPeople: z.number(), onlyThrough: z.number() });

export const ReachThrough = z
  .object({ direct: z.number(), reachable: z.number(), doors: z.array(Door) })
  .meta({ id: 'ReachThrough' });
export type ReachThrough = z.infer<typeof ReachThrough>;

export const Circle = z
  .object({
    id: z
      .number()
      .meta({ description: 'The circle number in this computation (0 is the largest)' }),
    name: z.string(),
    namedByHost: z.boolean(),
    size: z.number(),
    labels: z.array(z.object({ kind: z.string(), value: z.string(), share: z.number() })),
    sample: z.array(PersonRef).meta({ description: 'A few of its best-connected people' }),
  })
  .meta({ id: 'Circle' });
export type Circle = z.infer<typeof Circle>;

export const Circles = z
  .object({ circles: z.array(Circle), modularity: z.number() })
  .meta({ id: 'Circles' });
export type Circles = z.infer<typeof Circles>;

export const CircleRename = z
  .object({ name: z.string().trim().min(1).max(100) })
  .meta({ id: 'CircleRename' });
/**
 * A circle's number in the path: digits, read as a number. (`z.coerce.number()` would document it
 * as an optional integer-or-null, which no path parameter may be.)
 */
export const CircleParam = z.object({
  workspaceId: Id,
  circle: z.string().regex(/^\d+$/, 'must be a circle number (0, 1, 2, …)').transform(Number),
});

export const SuggestionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export const ReachQuery = z.object({ top: z.coerce.number().int().min(1).max(1000).default(50) });

export const MapQuery = z.object({
  limit: z.coerce.number().int().min(10).max(20_000).default(5000),
});

/** The network map: people (the best-connected first when the network is larger than `limit`). */
export const NetworkMap = z
  .object({
    nodes: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        circle: z.number(),
        size: z.number().meta({ description: 'Reach score in [0, 1]' }),
        isSelf: z.boolean(),
      }),
    ),
    edges: z.array(
      z
        .tuple([z.number(), z.number(), z.number()])
        .meta({ description: '[source index, target index, weight]' }),
    ),
    circles: z.array(z.object({ id: z.number(), name: z.string(), size: z.number() })),
    total: z.object({ people: z.number(), ties: z.number() }),
  })
  .meta({ id: 'NetworkMap' });
export type NetworkMap = z.infer<typeof NetworkMap>;
