/**
 * Plants the ties of the demo network, in phases that each spend a share of the tie budget:
 *
 * 1. the host's ties: a few hundred, mostly into the host's own circles, with some brokers;
 * 2. broker ties: each planted broker reaches into their own circle and three to five others;
 * 3. circle ties: preferential attachment inside each circle (Barabási & Albert, "Emergence
 *    of scaling in random networks", Science 1999), with a small uniform share so newcomers
 *    are not ignored: a power-law degree tail inside every community;
 * 4. bridge ties: sparse random ties between circles, likelier between related scenes
 *    (founders and investors) than unrelated ones;
 * 5. a top-up (after the moments have added theirs) that brings the count to exactly the
 *    number asked for, falling back to a scan of all pairs only when the network is dense.
 *
 * Ties live in typed arrays (`TieSet`) keyed by a `PairIndex`, so a million ties cost no
 * per-tie objects until the end.
 */
import { type Rng, randomInt } from '../domain/random';
import type { CircleTemplate } from './circle-templates';
import { type CircleInstance, type CircleLayout, shuffleInPlace } from './circles';
import { COMPLEMENT_PAIRS } from './complements';
import { PairIndex } from './pair-index';

const DAYS_PER_YEAR = 365;

/** Undirected ties by person index, with strength and "days ago" since-date. */
export class TieSet {
  readonly lows: Int32Array;
  readonly highs: Int32Array;
  readonly strength: Uint8Array;
  /** Days before today each tie started. */
  readonly sinceAgo: Int32Array;
  readonly degree: Int32Array;
  private readonly index: PairIndex;
  private filled = 0;

  constructor(
    readonly people: number,
    readonly capacity: number,
  ) {
    this.lows = new Int32Array(capacity);
    this.highs = new Int32Array(capacity);
    this.strength = new Uint8Array(capacity);
    this.sinceAgo = new Int32Array(capacity);
    this.degree = new Int32Array(people);
    this.index = new PairIndex(capacity);
  }

  get count(): number {
    return this.filled;
  }

  get remaining(): number {
    return this.capacity - this.filled;
  }

  /** The index of the tie between u and v, or -1. */
  find(u: number, v: number): number {
    return this.index.get(u, v);
  }

  /** Adds the tie unless it is a self-tie, already present, or the budget is spent. */
  add(u: number, v: number, strength: number, sinceAgo: number): boolean {
    if (u === v || this.filled >= this.capacity) return false;
    const i = this.filled;
    if (!this.index.add(u, v, i)) return false;
    this.lows[i] = Math.min(u, v);
    this.highs[i] = Math.max(u, v);
    this.strength[i] = strength;
    this.sinceAgo[i] = sinceAgo;
    this.degree[u]!++;
    this.degree[v]!++;
    this.filled++;
    return true;
  }
}

/** How the tie budget is split between the phases. */
export interface TieBudget {
  /** The host's ties in all. */
  readonly host: number;
  /** The part of `host` left for moments: people the host met at a wedding or a mixer. */
  readonly hostFromMoments: number;
  readonly perBroker: number;
  readonly circles: number;
  readonly bridges: number;
  /** The most ties moments may add (people who met at the same wedding). */
  readonly moments: number;
}

export const planTieBudget = (people: number, ties: number, brokers: number): TieBudget => {
  const others = Math.max(0, people - 1);
  const host = Math.min(others, Math.round(30 * people ** 0.3), Math.floor(0.15 * ties));
  const meanDegree = people > 0 ? (2 * ties) / people : 0;
  const perBroker =
    brokers > 0
      ? Math.min(
          others,
          Math.max(12, Math.round(5 * meanDegree)),
          Math.floor((0.12 * ties) / brokers),
        )
      : 0;
  const rest = Math.max(0, ties - host - perBroker * brokers);
  const moments = Math.floor(0.12 * rest);
  const circles = Math.round(0.86 * (rest - moments));
  return {
    host,
    hostFromMoments: Math.floor(0.35 * host),
    perBroker,
    circles,
    bridges: rest - moments - circles,
    moments,
  };
};

/** Strength 1–5, mostly 2, raised for close-knit circles. */
const drawStrength = (rng: Rng, closeness = 0): number => {
  const r = rng();
  const base = r < 0.25 ? 1 : r < 0.6 ? 2 : r < 0.82 ? 3 : r < 0.94 ? 4 : 5;
  return Math.min(5, base + closeness);
};

/** Days ago within [fromYears, toYears] years back, at least one day. */
const drawSince = (rng: Rng, fromYears: number, toYears: number): number =>
  1 + Math.floor((fromYears + rng() * (toYears - fromYears)) * DAYS_PER_YEAR);

const sinceIn = (rng: Rng, template: CircleTemplate): number =>
  drawSince(rng, template.sinceYears[0], template.sinceYears[1]);

/** Picks an index with probability proportional to `cumulative[i] - cumulative[i-1]`. */
const pickCumulative = (
  rng: Rng,
  cumulative: Float64Array,
  from = 0,
  to = cumulative.length,
): number => {
  const base = from > 0 ? cumulative[from - 1]! : 0;
  const x = base + rng() * (cumulative[to - 1]! - base);
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};

const randomMember = (rng: Rng, circle: CircleInstance): number =>
  circle.members[randomInt(rng, circle.members.length)]!;

/** Phase 1: the host (person 0), tied to half the brokers and mostly to their home circles. */
export const plantHostTies = (
  rng: Rng,
  ties: TieSet,
  layout: CircleLayout,
  brokers: readonly number[],
  target: number,
): void => {
  const { circles, home } = layout;
  const n = ties.people;
  for (let i = 0; i < brokers.length && ties.degree[0]! < target; i += 2) {
    ties.add(0, brokers[i]!, 3 + randomInt(rng, 3), drawSince(rng, 1, 15));
  }
  const homeWeights = new Float64Array(home.length);
  let acc = 0;
  for (const [i, c] of home.entries()) {
    acc += Math.sqrt(circles[c]!.members.length);
    homeWeights[i] = acc;
  }
  const limit = 20 * target + 100;
  for (let attempt = 0; attempt < limit && ties.degree[0]! < target; attempt++) {
    if (acc > 0 && rng() < 0.65) {
      const circle = circles[home[pickCumulative(rng, homeWeights)]!]!;
      const u = randomMember(rng, circle);
      ties.add(0, u, 2 + randomInt(rng, 4), sinceIn(rng, circle.template));
    } else {
      ties.add(0, 1 + randomInt(rng, n - 1), 1 + randomInt(rng, 4), drawSince(rng, 0, 20));
    }
  }
  for (let u = 1; u < n && ties.degree[0]! < target; u++) {
    ties.add(0, u, 1 + randomInt(rng, 4), drawSince(rng, 0, 20));
  }
};

/** A broker and the circles they reach into: their own first. */
export interface BrokerReach {
  readonly person: number;
  readonly circles: readonly number[];
}

/**
 * Chooses about 1% of people (at least 3) as brokers, each reaching into their own circle and
 * three to five others (fewer when the network has fewer circles).
 */
export const chooseBrokers = (rng: Rng, layout: CircleLayout): BrokerReach[] => {
  const { circles, circleOf } = layout;
  const people = circleOf.length;
  const others = people - 1;
  if (others < 3 || circles.length === 0) return [];
  const count = Math.min(others, Math.max(3, Math.round(people / 100)));
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(1 + randomInt(rng, others));
  const brokers = [...chosen].sort((a, b) => a - b);
  return brokers.map((person) => {
    const own = circleOf[person]!;
    const candidates = circles.map((c) => c.index).filter((c) => c !== own);
    const reach = Math.min(candidates.length, 3 + randomInt(rng, 3));
    // Weighted draw without replacement: bigger scenes are likelier.
    const picked: number[] = [];
    const pool = [...candidates];
    while (picked.length < reach) {
      let total = 0;
      for (const c of pool) total += Math.sqrt(circles[c]!.members.length);
      let x = rng() * total;
      let at = 0;
      for (; at < pool.length - 1; at++) {
        x -= Math.sqrt(circles[pool[at]!]!.members.length);
        if (x < 0) break;
      }
      picked.push(pool[at]!);
      pool.splice(at, 1);
    }
    return { person, circles: [own, ...picked] };
  });
};

/** Phase 2: each broker's ties, three in ten into their own circle, the rest spread evenly. */
export const plantBrokerTies = (
  rng: Rng,
  ties: TieSet,
  layout: CircleLayout,
  brokers: readonly BrokerReach[],
  perBroker: number,
): void => {
  for (const { person, circles } of brokers) {
    const own = circles[0]!;
    const away = circles.slice(1);
    for (let j = 0; j < perBroker; j++) {
      const c = away.length === 0 || j % 10 < 3 ? own : away[j % away.length]!;
      const circle = layout.circles[c]!;
      for (let tries = 0; tries < 4; tries++) {
        const v = randomMember(rng, circle);
        if (ties.add(person, v, 2 + randomInt(rng, 4), drawSince(rng, 0, 12))) break;
      }
    }
  }
};

/** Share of attachments that pick any earlier member rather than one in proportion to degree. */
const UNIFORM_SHARE = 0.15;

/** Phase 3: preferential attachment inside each circle, the budget split by size. */
export const plantCircleTies = (
  rng: Rng,
  ties: TieSet,
  layout: CircleLayout,
  budget: number,
): void => {
  const targets = splitByCircle(layout.circles, budget);
  let longest = 0;
  for (const [c, circle] of layout.circles.entries()) {
    longest = Math.max(longest, circle.members.length + 2 * targets[c]!);
  }
  const repeated = new Int32Array(longest);
  for (const [c, circle] of layout.circles.entries()) {
    attach(rng, ties, circle, targets[c]!, repeated);
  }
};

/** Water-filling: ties in proportion to size (more for close circles), at most half the pairs. */
const splitByCircle = (circles: readonly CircleInstance[], budget: number): number[] => {
  const caps = circles.map((c) => {
    const s = c.members.length;
    return Math.floor((s * (s - 1)) / 4);
  });
  const weights = circles.map((c) => c.members.length * (1 + 0.5 * c.template.closeness));
  const targets = circles.map(() => 0);
  let left = budget;
  let open = circles.map((_, c) => c).filter((c) => caps[c]! > 0);
  while (left > 0 && open.length > 0) {
    const total = open.reduce((s, c) => s + weights[c]!, 0);
    let given = 0;
    for (const c of open) {
      const share = Math.min(caps[c]! - targets[c]!, Math.round((left * weights[c]!) / total));
      targets[c] = targets[c]! + share;
      given += share;
    }
    if (given === 0) {
      // Rounding left a remainder too small to share: give it to the largest open circle.
      const c = open.reduce((best, x) => (weights[x]! > weights[best]! ? x : best));
      const share = Math.min(left, caps[c]! - targets[c]!);
      targets[c] = targets[c]! + share;
      given = share;
    }
    left -= given;
    open = open.filter((c) => targets[c]! < caps[c]!);
  }
  return targets;
};

/** Barabási–Albert growth over the circle's members in random order, `target` ties in all. */
const attach = (
  rng: Rng,
  ties: TieSet,
  circle: CircleInstance,
  target: number,
  repeated: Int32Array,
): void => {
  const size = circle.members.length;
  if (size < 2 || target <= 0) return;
  const { template } = circle;
  const order = shuffleInPlace(rng, Int32Array.from(circle.members));
  // `repeated` lists each arrived member once plus once per tie: a draw from it is a draw in
  // proportion to degree + 1.
  let length = 0;
  let added = 0;
  repeated[length++] = order[0]!;
  for (let t = 1; t < size; t++) {
    const u = order[t]!;
    const want = (target - added) / (size - t);
    let k = Math.floor(want);
    if (rng() < want - k) k++;
    if (k > t) k = t;
    let got = 0;
    for (let tries = 0; got < k && tries < 3 * k + 6; tries++) {
      const v =
        rng() < UNIFORM_SHARE ? order[randomInt(rng, t)]! : repeated[randomInt(rng, length)]!;
      if (ties.add(u, v, drawStrength(rng, template.closeness), sinceIn(rng, template))) {
        repeated[length++] = v;
        got++;
      }
    }
    for (let j = 0; j <= got; j++) repeated[length++] = u;
    added += got;
  }
};

/** Phase 4: sparse ties between circles, three times likelier between related scenes. */
export const plantBridgeTies = (
  rng: Rng,
  ties: TieSet,
  layout: CircleLayout,
  budget: number,
): void => {
  const { circles, circleOf } = layout;
  const count = circles.length;
  const n = ties.people;
  if (count < 2 || budget <= 0) return;
  // One running total over all rows, so row i is the slice [i·count, (i+1)·count).
  const rows = new Float64Array(count * count);
  let acc = 0;
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < count; j++) {
      if (i !== j) {
        const related = areRelated(circles[i]!.template, circles[j]!.template) ? 3 : 1;
        acc += related * Math.sqrt(circles[j]!.members.length);
      }
      rows[i * count + j] = acc;
    }
  }
  const goal = ties.count + budget;
  const limit = 3 * budget + 100;
  for (let attempt = 0; attempt < limit && ties.count < goal; attempt++) {
    const u = 1 + randomInt(rng, n - 1);
    const from = circleOf[u]!;
    const to = pickCumulative(rng, rows, from * count, from * count + count) - from * count;
    const circle = circles[to]!;
    if (circle.members.length === 0) continue;
    ties.add(u, randomMember(rng, circle), 1 + randomInt(rng, 3), drawSince(rng, 0, 15));
  }
};

/** Two scenes are related when one asks what the other offers, or they are the same scene. */
const areRelated = (x: CircleTemplate, y: CircleTemplate): boolean =>
  x.key === y.key ||
  COMPLEMENT_PAIRS.some(
    (pair) =>
      (pair.askers.includes(x.key) && pair.offerers.includes(y.key)) ||
      (pair.askers.includes(y.key) && pair.offerers.includes(x.key)),
  );

/** Failures in a row after which a random phase gives way to the next. */
const GIVE_UP_AFTER = 2000;

/** Phase 5: fills the budget exactly, inside circles first, then anywhere, then by a scan. */
export const topUpTies = (rng: Rng, ties: TieSet, layout: CircleLayout): void => {
  const { circles, circleOf } = layout;
  const n = ties.people;
  if (n < 2) return;
  let misses = 0;
  while (ties.remaining > 0 && misses < GIVE_UP_AFTER && n > 2) {
    const u = 1 + randomInt(rng, n - 1);
    const circle = circles[circleOf[u]!]!;
    const added = ties.add(
      u,
      randomMember(rng, circle),
      drawStrength(rng, circle.template.closeness),
      sinceIn(rng, circle.template),
    );
    misses = added ? 0 : misses + 1;
  }
  misses = 0;
  while (ties.remaining > 0 && misses < GIVE_UP_AFTER) {
    const added = ties.add(
      randomInt(rng, n),
      randomInt(rng, n),
      drawStrength(rng),
      drawSince(rng, 0, 15),
    );
    misses = added ? 0 : misses + 1;
  }
  // Only a dense request gets here: every remaining pair is a candidate, in order.
  for (let a = 0; a < n && ties.remaining > 0; a++) {
    for (let b = a + 1; b < n && ties.remaining > 0; b++) {
      ties.add(a, b, drawStrength(rng), drawSince(rng, 0, 15));
    }
  }
};
