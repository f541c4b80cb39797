/**
 * Suggestions: who a person should meet (`suggestFor`), and the introductions most worth making
 * across the workspace (`introductionsToMake`), each with pair value's reasons.
 *
 * Candidate generation never walks all n people. For one person it takes
 * - everyone two steps away (the structural scan of structural.ts, with resource allocation
 *   for each), and
 * - the people the inverted index of the model pairs with them: offerers of their ask terms,
 *   askers of their offer terms, people sharing their interest and tag terms — rarest terms
 *   first, within a budget of posting entries.
 * Phase 1 estimates each candidate cheaply (idf overlap from the postings, RA from the scan,
 * ask/offer signatures for people reached only through the graph). Phase 2 keeps the best few
 * per signal — complementarity, interests, warmth — and by an estimated total (same parts and
 * weights as pair value, computed for the best few hundred by profile match and by RA). Phase 3
 * values that shortlist in full with `pairScore` and explains only the people returned.
 *
 * The workspace-wide list runs phases 1–2 for every person with small budgets (asks looking for
 * offers only: each ask–offer pair is found from its asker's side; a bounded scan through
 * contacts of at most `maxMiddleDegree` ties, its RA scaled up to the share of contacts
 * followed), pools the shortlists, values the best pairs of the pool in full (8,000 or more),
 * and picks greedily under the cap per person.
 */
import { degreeOf } from './graph';
import { type EngineModel, FACT, FACT_STRIDE, pairKey, TERM_ROLE } from './model';
import {
  DEFAULTS,
  explainPair,
  type PairScore,
  type PairValue,
  type PairValueOptions,
  type PairValueOverrides,
  type PairValueWeights,
  pairScore,
  resolvePairValueOptions,
} from './pair-value';

const NONE: readonly number[] = [];

interface Pair {
  readonly i: number;
  readonly j: number;
}

/** One suggested person or pair, with pair value's parts and reasons. */
export interface Suggestion extends PairValue {
  /** The suggested person (for `suggestFor`); `j` for introductions. */
  readonly person: number;
  readonly id: string;
  readonly name: string;
}

/** The answer of `suggestFor`. */
export interface SuggestionsResult {
  readonly person: number;
  readonly suggestions: readonly Suggestion[];
  /** Why the list is empty (or short), in host words; null when it is full. */
  readonly reason: string | null;
  /** How many candidates were considered (for diagnostics). */
  readonly candidates: number;
}

export interface SuggestOptions {
  /** How many people to return. */
  readonly limit: number;
  /** Pair-value overrides (weights and the rest). */
  readonly pairValue: PairValueOverrides;
  /** Candidates kept per signal for the full pair value (at least 2 × limit). */
  readonly shortlist: number;
  /**
   * Inverted-index posting entries visited for ask and offer terms (a quarter more for
   * interest and tag terms).
   */
  readonly postingBudget: number;
  /** People never to suggest, besides the person, the host and those already tied. */
  readonly exclude: Iterable<number>;
}

export const SUGGEST_DEFAULTS: SuggestOptions = {
  limit: 10,
  pairValue: {},
  shortlist: 24,
  postingBudget: 6_000,
  exclude: [],
};

/** One introduction to make: a pair with its value and reasons. */
export interface Introduction extends PairValue {
  readonly names: readonly [string, string];
  readonly ids: readonly [string, string];
}

export interface IntroductionsResult {
  readonly introductions: readonly Introduction[];
  readonly reason: string | null;
  /**
   * Candidate pairs generated (a pair found from both sides counts twice) and pairs valued in
   * full (for diagnostics).
   */
  readonly candidates: number;
  readonly evaluated: number;
}

export interface IntroductionOptions {
  readonly limit: number;
  /** At most this many introductions per person. */
  readonly perPerson: number;
  /** Pairs already introduced, never proposed again. */
  readonly introduced: Iterable<readonly [number, number]>;
  readonly pairValue: PairValueOverrides;
  /** Candidates kept per signal per person in the workspace-wide pass. */
  readonly perPersonCandidates: number;
  /** Posting entries visited per person (for their ask terms; a quarter more for interests). */
  readonly postingBudget: number;
  /** Two-step visits per person in the structural scan. */
  readonly maxVisits: number;
  /** Contacts with more ties than this are not followed in the scan (their RA share is small). */
  readonly maxMiddleDegree: number;
}

export const INTRODUCTION_DEFAULTS: IntroductionOptions = {
  limit: 20,
  perPerson: 2,
  introduced: [],
  pairValue: {},
  perPersonCandidates: 2,
  postingBudget: 64,
  maxVisits: 100,
  maxMiddleDegree: 100,
};

// ---------------------------------------------------------------------------------------------
// Scratch state per model (dense arrays reused across calls; the model itself stays plain data).

interface Scratch {
  /** excluded[x] === epoch marks x as excluded in the current call. */
  readonly excluded: Int32Array;
  /** seen[x] === epoch marks x as a profile candidate in the current call. */
  readonly seen: Int32Array;
  readonly complement: Float64Array;
  readonly ground: Float64Array;
  readonly profileCandidates: Int32Array;
  readonly total: Float64Array;
  /** Reused shortlists: by complementarity, common ground, warmth and the cheap total. */
  readonly tops: readonly [TopK, TopK, TopK, TopK];
  /** Pre-selections that get the cheap total: by profile match, and by RA among the reached. */
  readonly pools: readonly [TopK, TopK];
  readonly estimator: Estimator;
  epoch: number;
}

const scratches = new WeakMap<EngineModel, Scratch>();

const scratchOf = (model: EngineModel): Scratch => {
  let scratch = scratches.get(model);
  if (!scratch) {
    const n = model.n;
    scratch = {
      excluded: new Int32Array(n),
      seen: new Int32Array(n),
      complement: new Float64Array(n),
      ground: new Float64Array(n),
      profileCandidates: new Int32Array(n),
      total: new Float64Array(n),
      tops: [new TopK(0), new TopK(0), new TopK(0), new TopK(0)],
      pools: [new TopK(0), new TopK(0)],
      estimator: new Estimator(),
      epoch: 0,
    };
    scratches.set(model, scratch);
  }
  scratch.epoch++;
  return scratch;
};

// ---------------------------------------------------------------------------------------------
// A bounded selection of the best k by score (ties: lower index first), deterministic.

class TopK {
  private scores: Float64Array;
  private items: Int32Array;
  private size = 0;
  private k: number;

  constructor(k: number) {
    this.k = k;
    this.scores = new Float64Array(Math.max(1, k));
    this.items = new Int32Array(Math.max(1, k));
  }

  /** Empties the selection and sets its size (buffers are kept when large enough). */
  reset(k: number): this {
    this.k = k;
    this.size = 0;
    if (this.scores.length < k) {
      this.scores = new Float64Array(k);
      this.items = new Int32Array(k);
    }
    return this;
  }

  /** Whether (score, item) beats (s2, i2): higher score, then lower index. */
  private static better(score: number, item: number, s2: number, i2: number): boolean {
    return score > s2 || (score === s2 && item < i2);
  }

  push(score: number, item: number): void {
    if (this.k <= 0 || !(score > 0)) return;
    const { scores, items } = this;
    if (this.size < this.k) {
      let at = this.size++;
      // Sift up in a min-heap (the worst kept at the root).
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!TopK.better(scores[parent]!, items[parent]!, score, item)) break;
        scores[at] = scores[parent]!;
        items[at] = items[parent]!;
        at = parent;
      }
      scores[at] = score;
      items[at] = item;
      return;
    }
    if (!TopK.better(score, item, scores[0]!, items[0]!)) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) break;
      const right = left + 1;
      let worst = left;
      if (
        right < this.size &&
        TopK.better(scores[left]!, items[left]!, scores[right]!, items[right]!)
      )
        worst = right;
      if (!TopK.better(score, item, scores[worst]!, items[worst]!)) break;
      scores[at] = scores[worst]!;
      items[at] = items[worst]!;
      at = worst;
    }
    scores[at] = score;
    items[at] = item;
  }

  /** Calls `visit` on each kept item, in no particular order. */
  forEach(visit: (item: number) => void): void {
    for (let at = 0; at < this.size; at++) visit(this.items[at]!);
  }

  /** The kept items, in no particular order. */
  values(): number[] {
    return Array.from(this.items.subarray(0, this.size));
  }
}

// ---------------------------------------------------------------------------------------------
// Candidate generation for one person.

/** Number of set bits of a 32-bit integer. */
const popcount = (value: number): number => {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
};

interface CandidateBudget {
  readonly postingBudget: number;
  readonly maxVisits?: number;
  readonly maxMiddleDegree?: number;
  readonly shortlist: number;
  /**
   * How many of the profile candidates (by estimated complementarity and interests) and of the
   * people reached (by RA) get the cheap total; the rest compete on their single signal only.
   */
  readonly pool: number;
  /**
   * Open only the offerers of the person's ask terms, not the askers of their offer terms: in
   * the workspace-wide pass every ask–offer pair is found from its asker's side anyway.
   */
  readonly askerSideOnly: boolean;
}

/**
 * Cheap estimates for shortlisting (the full pair value decides): complement[x] and ground[x]
 * are valid where seen[x] === epoch (else 0), ra[x] for everyone (0 when not reached). Views
 * of scratch arrays, valid until the next call on the model.
 */
interface Estimates {
  readonly epoch: number;
  readonly seen: Int32Array;
  readonly complement: Float64Array;
  readonly ground: Float64Array;
  readonly ra: Float64Array;
  /** The cheap total of each shortlisted person (valid for the shortlist only). */
  readonly total: Float64Array;
}

/**
 * Cheap estimates of pair value for one person against candidates: the same parts and weights,
 * with complementarity and interests estimated (postings or signatures), warmth from a possibly
 * partial scan, and r/(r + scale) in place of 1 − e^(−r/scale) (same shape, cheaper; it only
 * ranks the shortlist). Reset per person; one instance per model's scratch.
 */
class Estimator {
  private facts: Int32Array = new Int32Array(FACT_STRIDE);
  private signatureBits: Uint8Array = new Uint8Array(1);
  private goals: Uint8Array = new Uint8Array(1);
  private w: PairValueWeights = DEFAULTS.weights;
  private options: PairValueOptions = DEFAULTS;
  private raScale = 1;
  private warmthScale = DEFAULTS.warmthScale;
  private circle = -1;
  private goal = 0;
  private organization = -1;
  private industry = -1;
  private place = -1;
  private ask0 = 0;
  private ask1 = 0;
  private offer0 = 0;
  private offer1 = 0;
  private bits = 0;

  reset(model: EngineModel, person: number, options: PairValueOptions, raScale: number): this {
    const facts = model.facts;
    const at = person * FACT_STRIDE;
    this.facts = facts;
    this.signatureBits = model.signatureBits;
    this.goals = model.goals;
    this.options = options;
    this.w = normalisedWeights(options);
    this.raScale = raScale;
    this.warmthScale = options.warmthScale > 0 ? options.warmthScale : DEFAULTS.warmthScale;
    this.circle = facts[at + FACT.circle]!;
    this.goal = model.goals[person]!;
    this.organization = facts[at + FACT.organization]!;
    this.industry = facts[at + FACT.industry]!;
    this.place = facts[at + FACT.place]!;
    this.ask0 = facts[at + FACT.ask0]!;
    this.ask1 = facts[at + FACT.ask1]!;
    this.offer0 = facts[at + FACT.offer0]!;
    this.offer1 = facts[at + FACT.offer1]!;
    this.bits = model.signatureBits[person]!;
    return this;
  }

  /** Complementarity estimated from ask and offer signatures, in [0, 1]. */
  signatureMatch(x: number): number {
    if (this.bits === 0) return 0;
    const facts = this.facts;
    const at = x * FACT_STRIDE;
    const m0 = this.ask0 & facts[at + FACT.offer0]!;
    const m1 = this.ask1 & facts[at + FACT.offer1]!;
    const m2 = this.offer0 & facts[at + FACT.ask0]!;
    const m3 = this.offer1 & facts[at + FACT.ask1]!;
    if ((m0 | m1 | m2 | m3) === 0) return 0;
    const shared = popcount(m0) + popcount(m1) + popcount(m2) + popcount(m3);
    return Math.min(1, shared / Math.sqrt(this.bits * this.signatureBits[x]!));
  }

  /** The estimated value of the pair with x, from estimated c (complement), g (interests), r (RA). */
  total(x: number, c: number, g: number, r: number): number {
    const facts = this.facts;
    const at = x * FACT_STRIDE;
    const { w, options } = this;
    const cg = options.commonGround;
    const circle = facts[at + FACT.circle]!;
    const known = this.circle >= 0 && circle >= 0;
    const sameCircle = known && this.circle === circle;
    const novelty = known
      ? sameCircle
        ? options.sameCircleNovelty
        : 1
      : options.unknownCircleNovelty;
    let miss = 1 - cg.interests * g;
    if (this.organization >= 0 && this.organization === facts[at + FACT.organization])
      miss *= 1 - cg.organization;
    if (this.industry >= 0 && this.industry === facts[at + FACT.industry]) miss *= 1 - cg.industry;
    if (this.place >= 0 && this.place === facts[at + FACT.place]) miss *= 1 - cg.location;
    if (sameCircle) miss *= 1 - cg.circle;
    const rs = r * this.raScale;
    return (
      w.complementarity * c +
      w.commonGround * (1 - miss) +
      w.warmth * (rs > 0 ? rs / (rs + this.warmthScale) : 0) +
      w.novelty * novelty +
      w.freshness +
      w.goals * ((this.goal + this.goals[x]!) / 2)
    );
  }
}

/** Weights normalised to sum 1 (all 0 when every weight is 0). */
const normalisedWeights = (options: PairValueOptions): PairValueWeights => {
  const w = options.weights;
  const clean = (x: number): number => (x > 0 && Number.isFinite(x) ? x : 0);
  const total =
    clean(w.complementarity) +
    clean(w.commonGround) +
    clean(w.warmth) +
    clean(w.novelty) +
    clean(w.freshness) +
    clean(w.goals);
  const f = total > 0 ? 1 / total : 0;
  return {
    complementarity: clean(w.complementarity) * f,
    commonGround: clean(w.commonGround) * f,
    warmth: clean(w.warmth) * f,
    novelty: clean(w.novelty) * f,
    freshness: clean(w.freshness) * f,
    goals: clean(w.goals) * f,
  };
};

/**
 * The shortlisted candidates of one person: the union of the best by complementarity, common
 * ground, warmth and the cheap total. Excluded: the person, the host, people already tied to the
 * person, and `exclude`.
 */
const shortlistFor = (
  model: EngineModel,
  person: number,
  budget: CandidateBudget,
  options: PairValueOptions,
  exclude: Iterable<number>,
): { shortlist: number[]; considered: number; estimates: Estimates } => {
  const { graph, index } = model;
  const scratch = scratchOf(model);
  const { epoch, excluded, seen, complement, ground, profileCandidates } = scratch;
  const { exchangeNorm, groundNorm } = model;
  excluded[person] = epoch;
  if (model.self !== null) excluded[model.self] = epoch;
  for (let a = graph.offsets[person]!; a < graph.offsets[person + 1]!; a++)
    excluded[graph.neighbors[a]!] = epoch;
  for (const x of exclude) if (x >= 0 && x < model.n) excluded[x] = epoch;

  // Phase 1: profile candidates through the inverted index: ask and offer terms first, then
  // interest and tag terms (a quarter of the budget), each rarest first. A list longer than what
  // is left of the budget is read from a deterministic offset, so that capped lists do not
  // always favour low indices.
  let profileCount = 0;
  const { personOffsets, personTerms, personRoles } = index;
  const from = personOffsets[person]!;
  const to = personOffsets[person + 1]!;
  const exchangeBudget = budget.postingBudget;
  const budgets = [exchangeBudget, Math.ceil(exchangeBudget / 4)];
  for (let pass = 0; pass < 2; pass++) {
    let left = budgets[pass]!;
    for (let e = from; e < to && left > 0; e++) {
      const role = personRoles[e]!;
      const isGround = role === TERM_ROLE.findsInterested;
      if (isGround !== (pass === 1)) continue;
      if (budget.askerSideOnly && role === TERM_ROLE.findsAskers) continue;
      const term = personTerms[e]!;
      const postings =
        role === TERM_ROLE.findsOfferers
          ? index.offerers
          : role === TERM_ROLE.findsAskers
            ? index.askers
            : index.interested;
      const start = postings.offsets[term]!;
      const length = postings.offsets[term + 1]! - start;
      if (length === 0) continue;
      const take = Math.min(length, left);
      left -= take;
      const offset = take < length ? ((person * 2_654_435_761 + term) >>> 0) % length : 0;
      const weight = index.idf[term]! * index.idf[term]!;
      const target = isGround ? ground : complement;
      for (let k = 0; k < take; k++) {
        let at = offset + k;
        if (at >= length) at -= length;
        const x = postings.people[start + at]!;
        if (excluded[x] === epoch) continue;
        if (seen[x] !== epoch) {
          seen[x] = epoch;
          complement[x] = 0;
          ground[x] = 0;
          profileCandidates[profileCount++] = x;
        }
        target[x]! += weight;
      }
    }
  }
  // Normalise the accumulated idf² into cosine-like estimates in [0, 1].
  const myExchange = exchangeNorm[person]!;
  const myGround = groundNorm[person]!;
  for (let p = 0; p < profileCount; p++) {
    const x = profileCandidates[p]!;
    const exchange = myExchange * exchangeNorm[x]!;
    complement[x] = exchange > 0 ? Math.min(1, complement[x]! / exchange) : 0;
    const shared = myGround * groundNorm[x]!;
    ground[x] = shared > 0 ? Math.min(1, ground[x]! / shared) : 0;
  }

  // Phase 2: structural candidates, two steps away.
  const scan = model.scanner.scan(person, {
    maxVisits: budget.maxVisits,
    maxMiddleDegree: budget.maxMiddleDegree,
    raOnly: true,
  });
  const ra = scan.ra;
  // With a visit budget only some of the person's contacts were followed: scale RA up to
  // estimate the full value (1 when the scan was complete).
  const raScale = scan.middlesVisited > 0 ? degreeOf(graph, person) / scan.middlesVisited : 1;

  // Phase 3: shortlists per signal and by the cheap total.
  const k = budget.shortlist;
  const [byComplement, byGround, byWarmth, byTotal] = scratch.tops;
  for (const top of scratch.tops) top.reset(k);
  const estimator = scratch.estimator.reset(model, person, options, raScale);
  const [byProfile, byReach] = scratch.pools;
  byProfile.reset(budget.pool);
  byReach.reset(budget.pool);
  const wc = options.weights.complementarity;
  const wg = options.weights.commonGround * options.commonGround.interests;
  let considered = profileCount;
  for (let p = 0; p < profileCount; p++) {
    const x = profileCandidates[p]!;
    const c = complement[x]!;
    const g = ground[x]!;
    byComplement.push(c, x);
    byGround.push(g, x);
    byProfile.push(wc * c + wg * g, x);
  }
  for (let q = 0; q < scan.reachedCount; q++) {
    const x = scan.reached[q]!;
    if (excluded[x] === epoch) continue;
    const r = ra[x]!;
    byWarmth.push(r, x);
    if (seen[x] === epoch) continue; // ranked with its profile estimates
    considered++;
    byReach.push(r, x);
  }
  byProfile.forEach((x) => {
    byTotal.push(estimator.total(x, complement[x]!, ground[x]!, ra[x]!), x);
  });
  byReach.forEach((x) => {
    byTotal.push(estimator.total(x, estimator.signatureMatch(x), 0, ra[x]!), x);
  });
  // The cheap total of every shortlisted person, for the workspace-wide pool.
  const total = scratch.total;
  // The union, deduplicated with the `excluded` stamps (these people are done for this call).
  const shortlist: number[] = [];
  const collect = (x: number): void => {
    if (excluded[x] === epoch) return;
    excluded[x] = epoch;
    shortlist.push(x);
    total[x] =
      seen[x] === epoch
        ? estimator.total(x, complement[x]!, ground[x]!, ra[x]!)
        : estimator.total(x, estimator.signatureMatch(x), 0, ra[x]!);
  };
  for (const top of scratch.tops) top.forEach(collect);
  shortlist.sort((a, b) => a - b);
  return {
    shortlist,
    considered,
    estimates: { epoch, seen, complement, ground, ra, total },
  };
};
// ---------------------------------------------------------------------------------------------
// Public API.

const sanitizeCount = (value: number, fallback: number, max: number): number => {
  if (!Number.isFinite(value)) return fallback;
  return Math.max(0, Math.min(max, Math.floor(value)));
};

const nameOf = (model: EngineModel, i: number): string => model.profiles[i]?.name ?? `#${i}`;

const byValue = (a: PairScore & Pair, b: PairScore & Pair): number =>
  b.value - a.value ||
  Math.min(a.i, a.j) - Math.min(b.i, b.j) ||
  Math.max(a.i, a.j) - Math.max(b.i, b.j);

/**
 * The people `person` should meet, best first, with reasons: never the person, the host, or
 * anyone already tied to the person. An empty list comes with the reason.
 */
export const suggestFor = (
  model: EngineModel,
  person: number,
  options: Partial<SuggestOptions> = {},
): SuggestionsResult => {
  const o = { ...SUGGEST_DEFAULTS, ...options };
  const limit = sanitizeCount(o.limit, SUGGEST_DEFAULTS.limit, 1_000);
  const empty = (reason: string, candidates = 0): SuggestionsResult => ({
    person,
    suggestions: [],
    reason,
    candidates,
  });
  if (model.n === 0) return empty('The network is empty.');
  if (!Number.isInteger(person) || person < 0 || person >= model.n)
    return empty(`There is no person #${person} in this network.`);
  if (limit === 0) return empty('No suggestions were asked for (limit 0).');
  const hostIsOther = model.self !== null && model.self !== person;
  const others = model.n - 1 - (hostIsOther ? 1 : 0);
  if (others <= 0) return empty('Nobody else is in the network yet.');
  const name = nameOf(model, person);
  const me = model.profiles[person]!;
  const hasText = me.asks.length + me.offers.length + me.interests.length + me.tags.length > 0;
  const ties = degreeOf(model.graph, person);
  const tiedOthers = ties - (hostIsOther && isTiedToSelf(model, person) ? 1 : 0);
  if (tiedOthers >= others) return empty(`${name} already knows everyone in the network.`);

  const pv = resolvePairValueOptions(o.pairValue);
  const shortlistSize = Math.max(
    2 * limit,
    sanitizeCount(o.shortlist, SUGGEST_DEFAULTS.shortlist, 10_000),
  );
  const { shortlist, considered } = shortlistFor(
    model,
    person,
    {
      postingBudget: sanitizeCount(o.postingBudget, SUGGEST_DEFAULTS.postingBudget, 10_000_000),
      shortlist: shortlistSize,
      pool: Math.max(256, 4 * shortlistSize),
      askerSideOnly: false,
    },
    pv,
    o.exclude,
  );
  const valued = shortlist
    .map((x) => ({ i: person, j: x, ...pairScore(model, person, x, pv) }))
    .filter((v) => v.value > 0)
    .sort(byValue)
    .slice(0, limit)
    .map((v) => explainPair(model, person, v.j, v, pv));
  if (valued.length === 0) {
    if (ties === 0 && !hasText)
      return empty(
        `${name} has no ties and nothing recorded about what they ask for, offer or like, so there is nothing to match on yet.`,
        considered,
      );
    return empty(
      `Nobody shares a contact, a need or an interest with ${name} beyond the people they already know.`,
      considered,
    );
  }
  const suggestions = valued.map((v) => ({
    ...v,
    person: v.j,
    id: model.graph.ids[v.j] ?? String(v.j),
    name: nameOf(model, v.j),
  }));
  return {
    person,
    suggestions,
    reason:
      suggestions.length < limit
        ? `Only ${suggestions.length === 1 ? 'one person has' : `${suggestions.length} people have`} a reason to meet ${name}.`
        : null,
    candidates: considered,
  };
};

const isTiedToSelf = (model: EngineModel, person: number): boolean => {
  const self = model.self;
  if (self === null) return false;
  const { offsets, neighbors } = model.graph;
  for (let a = offsets[person]!; a < offsets[person + 1]!; a++)
    if (neighbors[a] === self) return true;
  return false;
};

/**
 * The introductions most worth making across the workspace: the best pairs by pair value, at
 * most `perPerson` per person, never the host, never a tied or already-introduced pair.
 */
export const introductionsToMake = (
  model: EngineModel,
  options: Partial<IntroductionOptions> = {},
): IntroductionsResult => {
  const o = { ...INTRODUCTION_DEFAULTS, ...options };
  const limit = sanitizeCount(o.limit, INTRODUCTION_DEFAULTS.limit, 100_000);
  const perPerson = sanitizeCount(o.perPerson, INTRODUCTION_DEFAULTS.perPerson, 1_000);
  const empty = (reason: string, candidates = 0, evaluated = 0): IntroductionsResult => ({
    introductions: [],
    reason,
    candidates,
    evaluated,
  });
  const people = model.n - (model.self !== null ? 1 : 0);
  if (model.n === 0) return empty('The network is empty.');
  if (people < 2) return empty('An introduction needs two people besides you.');
  if (limit === 0 || perPerson === 0) return empty('No introductions were asked for (limit 0).');
  const introduced = new Set<number>();
  for (const [a, b] of o.introduced) introduced.add(pairKey(a, b));
  const pv = resolvePairValueOptions(o.pairValue);

  // Phase 1: a few candidate pairs per person, with a cheap estimate each. A pair found from
  // both sides is in the pool twice; phase 2 values it once.
  const keys: number[] = [];
  const estimates: number[] = [];
  const budget: CandidateBudget = {
    postingBudget: sanitizeCount(o.postingBudget, INTRODUCTION_DEFAULTS.postingBudget, 1e7),
    maxVisits: sanitizeCount(o.maxVisits, INTRODUCTION_DEFAULTS.maxVisits, 1e9),
    maxMiddleDegree: sanitizeCount(o.maxMiddleDegree, INTRODUCTION_DEFAULTS.maxMiddleDegree, 1e9),
    shortlist: Math.max(1, sanitizeCount(o.perPersonCandidates, 4, 1_000)),
    pool: 12,
    askerSideOnly: true,
  };
  let skippedIntroduced = 0;
  for (let i = 0; i < model.n; i++) {
    if (i === model.self) continue;
    const { shortlist, estimates: est } = shortlistFor(model, i, budget, pv, NONE);
    for (const j of shortlist) {
      const key = pairKey(i, j);
      if (introduced.size > 0 && introduced.has(key)) {
        skippedIntroduced++;
        continue;
      }
      keys.push(key);
      estimates.push(est.total[j]!);
    }
  }
  if (keys.length === 0)
    return empty(
      skippedIntroduced > 0
        ? 'Every pair with a reason to meet has already been introduced.'
        : 'No two people share a contact, a need or an interest yet: add ties, asks, offers or interests.',
    );
  const poolKeys = Float64Array.from(keys);
  const poolEstimates = Float64Array.from(estimates);

  // Phase 2: full pair values for the best of the pool (by estimate), picked greedily with the
  // cap per person; if the cap leaves the list short, the rest of the pool follows in order.
  const chunk = Math.max(8_000, limit * perPerson * 50);
  const first = new TopK(chunk);
  for (let p = 0; p < poolKeys.length; p++) first.push(poolEstimates[p]! + 1, p);
  const firstSet = first.values();
  const batches: number[][] = [firstSet];
  const valued: Array<PairScore & { i: number; j: number }> = [];
  const chosen: Array<PairScore & { i: number; j: number }> = [];
  let evaluated = 0;
  const valuedKeys = new Set<number>();
  for (let b = 0; b < batches.length && chosen.length < limit; b++) {
    for (const p of batches[b]!) {
      const key = poolKeys[p]!;
      if (valuedKeys.has(key)) continue;
      valuedKeys.add(key);
      const i = Math.floor(key / 67_108_864);
      const j = key - i * 67_108_864;
      const score = pairScore(model, i, j, pv);
      evaluated++;
      if (score.value > 0 && score.parts.novelty > 0) valued.push({ i, j, ...score });
    }
    valued.sort(byValue);
    chosen.length = 0;
    const count = new Map<number, number>();
    for (const v of valued) {
      if (chosen.length >= limit) break;
      const ci = count.get(v.i) ?? 0;
      const cj = count.get(v.j) ?? 0;
      if (ci >= perPerson || cj >= perPerson) continue;
      count.set(v.i, ci + 1);
      count.set(v.j, cj + 1);
      chosen.push(v);
    }
    if (b === 0 && chosen.length < limit && firstSet.length < poolKeys.length) {
      const done = new Set(firstSet);
      const rest = Array.from({ length: poolKeys.length }, (_, p) => p)
        .filter((p) => !done.has(p))
        .sort((x, y) => poolEstimates[y]! - poolEstimates[x]! || x - y);
      for (let s = 0; s < rest.length; s += chunk) batches.push(rest.slice(s, s + chunk));
    }
  }
  const introductions = chosen.map((v) => ({
    ...explainPair(model, v.i, v.j, v, pv),
    names: [nameOf(model, v.i), nameOf(model, v.j)] as const,
    ids: [model.graph.ids[v.i] ?? String(v.i), model.graph.ids[v.j] ?? String(v.j)] as const,
  }));
  return {
    introductions,
    reason:
      introductions.length === 0
        ? 'Every pair with a reason to meet is already tied or introduced.'
        : introductions.length < limit
          ? introductions.length === 1
            ? 'Only one introduction has a reason behind it.'
            : `Only ${introductions.length} introductions have a reason behind them.`
          : null,
    candidates: poolKeys.length,
    evaluated,
  };
};
