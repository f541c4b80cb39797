/**
 * Pair value v(i, j): how worthwhile it is for two people to meet, with the reasons a host
 * understands (DESIGN.md, "Engine"). Six parts, each in [0, 1], combined by the weights of
 * `DEFAULTS` (overridable per call) into a value in [0, 1]:
 *
 * - complementarity: what one asks for and the other offers, both directions. Each ask is
 *   matched to the other's best offer by the idf-weighted cosine of their terms (so a rare
 *   shared word such as "seed" counts more than a common one, and identical labels score 1);
 *   several met asks combine as 1 − Π(1 − match).
 * - commonGround: shared interests and tags (idf-weighted cosine), organisation, industry,
 *   place and circle, combined as 1 − Π(1 − weight·match).
 * - warmth: resource allocation over their common contacts (the structural score's two-step
 *   part; see structural.ts), 1 − exp(−RA / warmthScale), the host left out; 1 when they are
 *   already tied. Up to `maxMutualContacts` contacts are named, strongest ties first. The
 *   score's three-step term and prior are left out on purpose: they rank how likely a tie is
 *   (link prediction), while warmth is what a host can name ("they both know Carla"), and it
 *   costs one merge of two rows, so every view gives a pair the same value.
 * - novelty: 0 when already tied; else 1 across two circles (bridging a structural hole),
 *   `sameCircleNovelty` inside one circle (closing a triangle), `unknownCircleNovelty` when a
 *   circle is unknown.
 * - freshness: 0 when they already sat together at the host's table, else 1.
 * - goals: the share of the two the host wants to grow closer to (0, ½ or 1).
 */
import type { EngineWeights } from '../domain/engine-weights';
import { fold } from '../domain/text';
import { type CompactGraph, degreeOf, hasTie } from './graph';
import { type EngineModel, type Phrase, type ProfileTerms, pairKey } from './model';

/**
 * Weights of the six parts; they need not sum to 1 (the value is normalised by their sum). The
 * parts are named once, with the words a host reads, in domain/engine-weights.ts.
 */
export type PairValueWeights = EngineWeights;

/** Weights of the common-ground signals inside `commonGround`. */
export interface CommonGroundWeights {
  readonly interests: number;
  readonly organization: number;
  readonly industry: number;
  readonly location: number;
  readonly circle: number;
}

export interface PairValueOptions {
  readonly weights: PairValueWeights;
  readonly commonGround: CommonGroundWeights;
  /** RA (host left out) at which warmth reaches 1 − 1/e ≈ 0.63. */
  readonly warmthScale: number;
  readonly sameCircleNovelty: number;
  readonly unknownCircleNovelty: number;
  /** How many mutual contacts the reasons name. */
  readonly maxMutualContacts: number;
  /** An ask/offer match below this cosine is not given as a reason (it still counts). */
  readonly minMatch: number;
}

/**
 * The default weights: what people ask and offer matters most, then warmth (a warm
 * introduction lands), common ground, then bridging, freshness and the host's goals.
 */
export const DEFAULTS: PairValueOptions = {
  weights: {
    complementarity: 0.35,
    commonGround: 0.15,
    warmth: 0.2,
    novelty: 0.1,
    freshness: 0.1,
    goals: 0.1,
  },
  commonGround: { interests: 0.7, organization: 0.5, industry: 0.4, location: 0.3, circle: 0.3 },
  warmthScale: 0.5,
  sameCircleNovelty: 0.4,
  unknownCircleNovelty: 0.7,
  maxMutualContacts: 3,
  minMatch: 0.1,
};

/** Per-call overrides: any field, and any single weight. */
export type PairValueOverrides = Partial<
  Omit<PairValueOptions, 'weights' | 'commonGround'> & {
    weights: Partial<PairValueWeights>;
    commonGround: Partial<CommonGroundWeights>;
  }
>;

/** Resolves per-call overrides against `DEFAULTS`. */
export const resolvePairValueOptions = (overrides: PairValueOverrides = {}): PairValueOptions => ({
  ...DEFAULTS,
  ...overrides,
  weights: { ...DEFAULTS.weights, ...overrides.weights },
  commonGround: { ...DEFAULTS.commonGround, ...overrides.commonGround },
});

/** Why a pair is worth (or less worth) introducing, as structured data. */
export type Reason =
  | {
      readonly kind: 'ask-offer';
      /** The person who asks and the one who offers (graph indices). */
      readonly asker: number;
      readonly helper: number;
      readonly ask: string;
      readonly offer: string;
      /** Shared words, readable. */
      readonly words: readonly string[];
      readonly match: number;
      /**
       * The helper asks for the same thing in the same words, and the asker offers it: one
       * reason, said once ("Ana and Ben both look for and offer Spanish practice").
       */
      readonly mutual: boolean;
    }
  | { readonly kind: 'shared-interests'; readonly interests: readonly string[] }
  | { readonly kind: 'same-organization'; readonly organization: string }
  | { readonly kind: 'same-industry'; readonly industry: string }
  | { readonly kind: 'same-place'; readonly location: string }
  | {
      readonly kind: 'mutual-contacts';
      /** The named contacts (graph indices), strongest ties first. */
      readonly people: readonly number[];
      readonly names: readonly string[];
      /** All common contacts, the host left out. */
      readonly total: number;
    }
  | { readonly kind: 'already-tied' }
  | {
      readonly kind: 'different-circles';
      readonly circles: readonly [number, number];
      readonly names: readonly [string | null, string | null];
    }
  | { readonly kind: 'same-circle'; readonly circle: number; readonly name: string | null }
  | { readonly kind: 'met-at-your-table' }
  | { readonly kind: 'host-goal'; readonly people: readonly number[] };

export interface PairValueParts {
  readonly complementarity: number;
  readonly commonGround: number;
  readonly warmth: number;
  readonly novelty: number;
  readonly freshness: number;
  readonly goals: number;
}

export interface PairValue {
  readonly i: number;
  readonly j: number;
  /** Σ weight·part / Σ weight, in [0, 1]. */
  readonly value: number;
  readonly parts: PairValueParts;
  readonly reasons: readonly Reason[];
  /** The reasons in one plain sentence for the host. */
  readonly sentence: string;
}

// ---------------------------------------------------------------------------------------------
// Text matching.

/** Σ idf(t)² over the terms two ascending term sets share. */
const sharedWeight = (a: Int32Array, b: Int32Array, idf: Float64Array): number => {
  let x = 0;
  let y = 0;
  let dot = 0;
  while (x < a.length && y < b.length) {
    const s = a[x]!;
    const t = b[y]!;
    if (s === t) {
      dot += idf[s]! * idf[s]!;
      x++;
      y++;
    } else if (s < t) x++;
    else y++;
  }
  return dot;
};

/** The terms two ascending term sets share. */
const sharedTerms = (a: Int32Array, b: Int32Array): number[] => {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  while (x < a.length && y < b.length) {
    const s = a[x]!;
    const t = b[y]!;
    if (s === t) {
      out.push(s);
      x++;
      y++;
    } else if (s < t) x++;
    else y++;
  }
  return out;
};

/** idf-weighted cosine of two phrases; identical labels match 1. */
const phraseMatch = (ask: Phrase, offer: Phrase, idf: Float64Array): number => {
  if (ask.label !== '' && ask.label === offer.label) return 1;
  if (ask.norm === 0 || offer.norm === 0) return 0;
  return Math.min(1, sharedWeight(ask.terms, offer.terms, idf) / (ask.norm * offer.norm));
};

/** How well `helper`'s offers meet `asker`'s asks: 1 − Π over asks of (1 − best match). */
const directionScore = (asker: ProfileTerms, helper: ProfileTerms, idf: Float64Array): number => {
  let miss = 1;
  for (const ask of asker.asks) {
    let top = 0;
    for (const offer of helper.offers) {
      const match = phraseMatch(ask, offer, idf);
      if (match > top) top = match;
    }
    miss *= 1 - top;
  }
  return 1 - miss;
};

interface AskOfferMatch {
  readonly asker: number;
  readonly helper: number;
  readonly ask: Phrase;
  readonly offer: Phrase;
  readonly match: number;
}

/** Each ask of `asker` with its best offer of `helper` (first best on ties). */
const directionMatches = (model: EngineModel, asker: number, helper: number): AskOfferMatch[] => {
  const out: AskOfferMatch[] = [];
  const a = model.profiles[asker]!;
  const h = model.profiles[helper]!;
  for (const ask of a.asks) {
    let best: AskOfferMatch | null = null;
    for (const offer of h.offers) {
      const match = phraseMatch(ask, offer, model.index.idf);
      if (match > (best?.match ?? 0)) best = { asker, helper, ask, offer, match };
    }
    if (best) out.push(best);
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// Structure.

/** RA over the common contacts of i and j, the host left out. */
const mutualRa = (graph: CompactGraph, i: number, j: number, self: number | null): number => {
  const { offsets, neighbors } = graph;
  let a = offsets[i]!;
  let b = offsets[j]!;
  const aEnd = offsets[i + 1]!;
  const bEnd = offsets[j + 1]!;
  let ra = 0;
  while (a < aEnd && b < bEnd) {
    const x = neighbors[a]!;
    const y = neighbors[b]!;
    if (x === y) {
      if (x !== self) ra += 1 / degreeOf(graph, x);
      a++;
      b++;
    } else if (x < y) a++;
    else b++;
  }
  return ra;
};

/**
 * Common contacts of i and j (the host left out): how many, and the strongest few by the weaker
 * of the two ties (ties broken by index, so the choice is deterministic).
 */
const mutualContacts = (
  graph: CompactGraph,
  i: number,
  j: number,
  self: number | null,
  limit: number,
): { total: number; named: number[] } => {
  const { offsets, neighbors, weights } = graph;
  let a = offsets[i]!;
  let b = offsets[j]!;
  const aEnd = offsets[i + 1]!;
  const bEnd = offsets[j + 1]!;
  const found: Array<[number, number]> = [];
  while (a < aEnd && b < bEnd) {
    const x = neighbors[a]!;
    const y = neighbors[b]!;
    if (x === y) {
      if (x !== self) found.push([x, Math.min(weights[a]!, weights[b]!)]);
      a++;
      b++;
    } else if (x < y) a++;
    else b++;
  }
  found.sort((p, q) => q[1] - p[1] || p[0] - q[0]);
  return { total: found.length, named: found.slice(0, Math.max(0, limit)).map(([x]) => x) };
};

// ---------------------------------------------------------------------------------------------
// Sentence.

const PREDICATE_STARTS = new Set(
  (
    'can could will would has is are knows invests leads advises offers helps mentors runs ' +
    'builds teaches sells hires funds manages writes designs codes organises organizes coaches ' +
    'connects introduces owns works makes provides consults lends sponsors hosts needs wants ' +
    'seeks plans hopes buys speaks trains reviews recruits supports creates edits publishes ' +
    'grows backs sits chairs volunteers opens shares plays translates does gives fixes repairs ' +
    'drives cooks bakes photographs negotiates mediates tutors interprets drafts pitches ' +
    'represents researches analyses analyzes lectures guides facilitates operates moderates ' +
    'curates automates educates evaluates coordinates specialises specializes simplifies ' +
    'optimises optimizes loves enjoys likes'
  ).split(' '),
);

const ARTICLES = new Set(['a', 'an', 'the']);

/** Lower-cases the first letter unless the first word looks like an acronym ("CTO"). */
const sentenceCase = (text: string): string => {
  const first = text.split(/\s+/)[0] ?? '';
  if (first.length > 1 && first === first.toUpperCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
};

const looksLikeRole = (word: string): boolean => /(er|or|ist|ant|ent|ian)$/.test(word);

/** "Ana is raising a seed round", "Ana needs a CTO", "Ana is looking for seed funding". */
export const askClause = (name: string, ask: string): string => {
  const text = sentenceCase(ask.trim());
  const first = (text.split(/\s+/)[0] ?? '').toLowerCase();
  if (first.endsWith('ing')) return `${name} is ${text}`;
  if (PREDICATE_STARTS.has(first)) return `${name} ${text}`;
  return `${name} is looking for ${text}`;
};

/** "Ben invests in seed-stage climate companies", "Ben is an angel investor", "Ben offers …". */
export const offerClause = (name: string, offer: string): string => {
  const text = sentenceCase(offer.trim());
  const parts = text.split(/\s+/);
  const first = (parts[0] ?? '').toLowerCase();
  if (first.endsWith('ing')) return `${name} is ${text}`;
  if (PREDICATE_STARTS.has(first)) return `${name} ${text}`;
  if (ARTICLES.has(first)) return `${name} is ${text}`;
  if (parts.slice(0, 3).some((w) => looksLikeRole(w.toLowerCase()))) {
    const article = /^[aeiou]/i.test(text) ? 'an' : 'a';
    return `${name} is ${article} ${text}`;
  }
  return `${name} offers ${text}`;
};

/**
 * Two people who each ask for what the other offers, in the same words: "Ana and Ben both look
 * for and offer Spanish practice", "Ana and Ben both look for a CTO and both offer intros".
 */
export const mutualClause = (a: string, b: string, ask: string, offer: string): string => {
  const asked = sentenceCase(ask.trim());
  const offered = sentenceCase(offer.trim());
  return fold(asked) === fold(offered)
    ? `${a} and ${b} both look for and offer ${asked}`
    : `${a} and ${b} both look for ${asked} and both offer ${offered}`;
};

/** "Carla", "Carla and Dev", "Carla, Dev and Eli", "Carla, Dev and 4 others". */
export const listNames = (names: readonly string[], total = names.length): string => {
  const rest = total - names.length;
  const items = rest > 0 ? [...names, `${rest} other${rest === 1 ? '' : 's'}`] : [...names];
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
};

const circleLabel = (name: string | null, circle: number): string => name ?? `circle ${circle + 1}`;

/** The reasons in one plain sentence, in the order a host reads them. */
export const sentenceOf = (model: EngineModel, reasons: readonly Reason[]): string => {
  const name = (i: number): string => model.profiles[i]?.name ?? `#${i}`;
  const clauses: string[] = [];
  for (const reason of reasons) {
    switch (reason.kind) {
      case 'ask-offer':
        clauses.push(
          reason.mutual
            ? mutualClause(name(reason.asker), name(reason.helper), reason.ask, reason.offer)
            : `${askClause(name(reason.asker), reason.ask)} and ${offerClause(name(reason.helper), reason.offer)}`,
        );
        break;
      case 'shared-interests':
        clauses.push(`they share ${listNames(reason.interests)}`);
        break;
      case 'same-organization':
        clauses.push(`both are at ${reason.organization}`);
        break;
      case 'same-industry':
        clauses.push(`both work in ${reason.industry}`);
        break;
      case 'same-place':
        clauses.push(`both are in ${reason.location}`);
        break;
      case 'mutual-contacts':
        clauses.push(`they both know ${listNames(reason.names, reason.total)}`);
        break;
      case 'already-tied':
        clauses.push('they already know each other');
        break;
      case 'different-circles':
        clauses.push(
          `they are in different circles of yours (${circleLabel(reason.names[0], reason.circles[0])}, ${circleLabel(reason.names[1], reason.circles[1])})`,
        );
        break;
      case 'same-circle':
        clauses.push(
          `they are in the same circle of yours (${circleLabel(reason.name, reason.circle)})`,
        );
        break;
      case 'met-at-your-table':
        clauses.push('they have already met at your table');
        break;
      case 'host-goal':
        clauses.push(
          reason.people.length === 2
            ? 'you want to grow closer to both'
            : `you want to grow closer to ${name(reason.people[0] ?? -1)}`,
        );
        break;
    }
  }
  if (clauses.length === 0) return 'Nothing recorded connects them yet.';
  const text = clauses.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};

// ---------------------------------------------------------------------------------------------
// Pair value.

const clamp01 = (x: number): number => (x > 0 ? Math.min(x, 1) : 0);

/** A pair's value and parts without the reasons (the fast path for ranking). */
export interface PairScore {
  readonly value: number;
  readonly parts: PairValueParts;
}

const ZERO_PARTS: PairValueParts = {
  complementarity: 0,
  commonGround: 0,
  warmth: 0,
  novelty: 0,
  freshness: 0,
  goals: 0,
};

/**
 * Value and parts of i and j meeting, with options already resolved; i ≠ j, both in range (the
 * caller checks). Same numbers as `pairValue`, without building reasons.
 */
export const pairScore = (
  model: EngineModel,
  i: number,
  j: number,
  options: PairValueOptions,
): PairScore => {
  const { graph, index } = model;
  const pi = model.profiles[i]!;
  const pj = model.profiles[j]!;
  const idf = index.idf;
  const complementarity = clamp01(
    1 - (1 - directionScore(pi, pj, idf)) * (1 - directionScore(pj, pi, idf)),
  );

  const cg = options.commonGround;
  let groundMiss = 1;
  if (pi.groundNorm > 0 && pj.groundNorm > 0) {
    const match = Math.min(
      1,
      sharedWeight(pi.groundTerms, pj.groundTerms, idf) / (pi.groundNorm * pj.groundNorm),
    );
    groundMiss *= 1 - clamp01(cg.interests * match);
  }
  if (pi.organizationKey && pi.organizationKey === pj.organizationKey)
    groundMiss *= 1 - clamp01(cg.organization);
  if (pi.industryKey && pi.industryKey === pj.industryKey) groundMiss *= 1 - clamp01(cg.industry);
  if (pi.locationKey && pi.locationKey === pj.locationKey) groundMiss *= 1 - clamp01(cg.location);
  const ci = model.communityOf[i]!;
  const cj = model.communityOf[j]!;
  if (ci >= 0 && ci === cj) groundMiss *= 1 - clamp01(cg.circle);
  const commonGround = clamp01(1 - groundMiss);

  const tied = hasTie(graph, i, j);
  const scale = options.warmthScale > 0 ? options.warmthScale : DEFAULTS.warmthScale;
  const warmth = tied ? 1 : clamp01(1 - Math.exp(-mutualRa(graph, i, j, model.self) / scale));

  let novelty: number;
  if (tied) novelty = 0;
  else if (ci >= 0 && cj >= 0) novelty = ci !== cj ? 1 : clamp01(options.sameCircleNovelty);
  else novelty = clamp01(options.unknownCircleNovelty);

  const freshness = model.met.has(pairKey(i, j)) ? 0 : 1;
  const goals = (model.goals[i]! + model.goals[j]!) / 2;
  const parts: PairValueParts = {
    complementarity,
    commonGround,
    warmth,
    novelty,
    freshness,
    goals,
  };
  return { value: combine(parts, options.weights), parts };
};

/**
 * The reasons as the host would put them to the two people in an introduction email: "you
 * both know Carla and Dev", "you move in different circles of mine". What only the host needs
 * (circle names, the host's goals, that they already met) is left out; empty when nothing is
 * left.
 */
export const letterOf = (model: EngineModel, reasons: readonly Reason[]): string => {
  const name = (i: number): string => model.profiles[i]?.name ?? '';
  const clauses: string[] = [];
  for (const reason of reasons) {
    if (reason.kind === 'ask-offer')
      clauses.push(
        reason.mutual
          ? mutualClause(name(reason.asker), name(reason.helper), reason.ask, reason.offer)
          : `${askClause(name(reason.asker), reason.ask)} and ${offerClause(name(reason.helper), reason.offer)}`,
      );
    else if (reason.kind === 'shared-interests')
      clauses.push(`you share ${listNames(reason.interests)}`);
    else if (reason.kind === 'same-organization')
      clauses.push(`you are both at ${reason.organization}`);
    else if (reason.kind === 'same-industry') clauses.push(`you both work in ${reason.industry}`);
    else if (reason.kind === 'same-place') clauses.push(`you are both in ${reason.location}`);
    else if (reason.kind === 'mutual-contacts')
      clauses.push(`you both know ${listNames(reason.names, reason.total)}`);
    else if (reason.kind === 'different-circles')
      clauses.push('you move in different circles of mine');
  }
  if (clauses.length === 0) return '';
  const text = clauses.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};

/** Two matches that say the same thing from each side: each asks what the other offers. */
const isMirror = (a: AskOfferMatch, b: AskOfferMatch): boolean =>
  a.asker === b.helper &&
  fold(a.ask.text) === fold(b.ask.text) &&
  fold(a.offer.text) === fold(b.offer.text);

/** The two strongest ask–offer matches of a pair, a mirror image folded into its original. */
const strongestMatches = (
  model: EngineModel,
  i: number,
  j: number,
  minMatch: number,
): Array<{ match: AskOfferMatch; mutual: boolean }> => {
  const ranked = [...directionMatches(model, i, j), ...directionMatches(model, j, i)]
    .filter((m) => m.match >= minMatch)
    .sort((p, q) => q.match - p.match || p.asker - q.asker);
  const kept: Array<{ match: AskOfferMatch; mutual: boolean }> = [];
  for (const m of ranked) {
    if (kept.length === 2) break;
    const mirrored = kept.find((k) => isMirror(k.match, m));
    if (mirrored) mirrored.mutual = true;
    else kept.push({ match: m, mutual: false });
  }
  return kept;
};

/** The reasons behind a pair's parts, in the order the sentence reads them. */
const reasonsOf = (
  model: EngineModel,
  i: number,
  j: number,
  options: PairValueOptions,
): Reason[] => {
  const { graph, index } = model;
  const pi = model.profiles[i]!;
  const pj = model.profiles[j]!;
  const reasons: Reason[] = [];
  for (const { match: m, mutual } of strongestMatches(model, i, j, options.minMatch))
    reasons.push({
      kind: 'ask-offer',
      asker: m.asker,
      helper: m.helper,
      ask: m.ask.text,
      offer: m.offer.text,
      words: sharedTerms(m.ask.terms, m.offer.terms).map((t) => index.display[t] ?? ''),
      match: m.match,
      mutual,
    });
  const shared = new Set(sharedTerms(pi.groundTerms, pj.groundTerms));
  if (shared.size > 0) {
    const labels: string[] = [];
    for (const p of [...pi.interests, ...pi.tags])
      if (p.terms.some((t) => shared.has(t)) && !labels.includes(p.text)) labels.push(p.text);
    if (labels.length > 0)
      reasons.push({ kind: 'shared-interests', interests: labels.slice(0, 3) });
  }
  if (pi.organizationKey && pi.organizationKey === pj.organizationKey)
    reasons.push({ kind: 'same-organization', organization: pi.organization ?? '' });
  if (pi.industryKey && pi.industryKey === pj.industryKey)
    reasons.push({ kind: 'same-industry', industry: pi.industry ?? '' });
  if (pi.locationKey && pi.locationKey === pj.locationKey)
    reasons.push({ kind: 'same-place', location: pi.location ?? '' });
  const tied = hasTie(graph, i, j);
  if (tied) reasons.push({ kind: 'already-tied' });
  const mutual = mutualContacts(graph, i, j, model.self, options.maxMutualContacts);
  if (mutual.total > 0)
    reasons.push({
      kind: 'mutual-contacts',
      people: mutual.named,
      names: mutual.named.map((x) => model.profiles[x]?.name ?? `#${x}`),
      total: mutual.total,
    });
  const ci = model.communityOf[i]!;
  const cj = model.communityOf[j]!;
  if (!tied && ci >= 0 && cj >= 0 && ci !== cj)
    reasons.push({
      kind: 'different-circles',
      circles: [ci, cj],
      names: [model.circleNames[ci] ?? null, model.circleNames[cj] ?? null],
    });
  else if (!tied && ci >= 0 && ci === cj)
    reasons.push({ kind: 'same-circle', circle: ci, name: model.circleNames[ci] ?? null });
  if (model.met.has(pairKey(i, j))) reasons.push({ kind: 'met-at-your-table' });
  const goalPeople = [i, j].filter((x) => model.goals[x] === 1);
  if (goalPeople.length > 0) reasons.push({ kind: 'host-goal', people: goalPeople });
  return reasons;
};

/** Adds reasons and the sentence to a scored pair. */
export const explainPair = (
  model: EngineModel,
  i: number,
  j: number,
  score: PairScore,
  options: PairValueOptions,
): PairValue => {
  const reasons = reasonsOf(model, i, j, options);
  return { i, j, ...score, reasons, sentence: sentenceOf(model, reasons) };
};

/** The value of i and j meeting, with parts, structured reasons and a sentence. */
export const pairValue = (
  model: EngineModel,
  i: number,
  j: number,
  overrides: PairValueOverrides = {},
): PairValue => {
  const inRange = (x: number): boolean => Number.isInteger(x) && x >= 0 && x < model.n;
  if (!inRange(i) || !inRange(j) || i === j)
    return {
      i,
      j,
      value: 0,
      parts: ZERO_PARTS,
      reasons: [],
      sentence:
        i === j && inRange(i)
          ? 'The same person twice: there is no pair to value.'
          : 'Unknown person.',
    };
  const options = resolvePairValueOptions(overrides);
  return explainPair(model, i, j, pairScore(model, i, j, options), options);
};

const PART_KEYS: ReadonlyArray<keyof PairValueParts> = [
  'complementarity',
  'commonGround',
  'warmth',
  'novelty',
  'freshness',
  'goals',
];

/** Σ weight·part / Σ weight over non-negative weights; 0 when every weight is 0. */
export const combine = (parts: PairValueParts, weights: PairValueWeights): number => {
  let sum = 0;
  let total = 0;
  for (const key of PART_KEYS) {
    const w = weights[key] > 0 && Number.isFinite(weights[key]) ? weights[key] : 0;
    sum += w * parts[key];
    total += w;
  }
  return total > 0 ? clamp01(sum / total) : 0;
};
