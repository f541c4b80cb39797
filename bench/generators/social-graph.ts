/**
 * A seeded social-like network for the engine benchmarks: heavy-tailed degrees, circles of
 * heavy-tailed sizes, most ties inside a circle, and a few planted brokers who belong to two
 * circles at once.
 *
 * Method: a degree-corrected planted-partition model in the spirit of the LFR benchmark
 * (Lancichinetti, Fortunato & Radicchi, "Benchmark graphs for testing community detection
 * algorithms", Phys. Rev. E 78, 2008), drawn edge by edge: one end ∝ expected degree, the other
 * ∝ expected degree inside the first end's circle (share 1 − mixing) or anywhere (share
 * mixing). Duplicate ties and self-ties are redrawn until exactly `ties` distinct ties exist.
 */
import { createRng, type Rng } from '../../src/domain/random';
import { type CompactGraph, fromIndexEdges } from '../../src/engine/graph';

export interface SocialGraphOptions {
  readonly people: number;
  readonly ties: number;
  readonly seed: number;
  /** Share of ties drawn across circles. */
  readonly mixing: number;
  /** Exponent of the expected-degree power law. */
  readonly degreeExponent: number;
  /** Exponent of the circle-size power law. */
  readonly circleExponent: number;
  readonly minCircle: number;
  readonly maxCircle: number;
  /** Share of people planted as brokers between two circles. */
  readonly brokerShare: number;
}

export const DEFAULTS: Omit<SocialGraphOptions, 'people' | 'ties'> = {
  seed: 42,
  mixing: 0.15,
  degreeExponent: 2.5,
  circleExponent: 2,
  minCircle: 8,
  maxCircle: 400,
  brokerShare: 0.01,
};

export interface SocialGraph {
  readonly graph: CompactGraph;
  /** The ties as index pairs and weights (each once), for peers and edge-list files. */
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly weights: Float64Array;
  /** The planted circle of each person (a broker's first circle). */
  readonly circle: Int32Array;
  /** The planted brokers. */
  readonly brokers: Int32Array;
}

/** A draw from a power law on [min, max] with density ∝ x^-exponent. */
const powerLaw = (rng: Rng, min: number, max: number, exponent: number): number => {
  const a = 1 - exponent;
  const lo = min ** a;
  const hi = max ** a;
  return (lo + (hi - lo) * rng()) ** (1 / a);
};

/** Index of the first cumulative value > target in cumulative[start, end). */
const search = (cumulative: Float64Array, start: number, end: number, target: number): number => {
  let lo = start;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};

export const generateSocialGraph = (
  options: Partial<SocialGraphOptions> & Pick<SocialGraphOptions, 'people' | 'ties'>,
): SocialGraph => {
  const o = { ...DEFAULTS, ...options };
  const n = o.people;
  const rng = createRng(o.seed);
  const maxTies = (n * (n - 1)) / 2;
  const m = Math.min(o.ties, Math.floor(maxTies * 0.5));

  // Phase 1: circles of power-law sizes covering everyone.
  const circle = new Int32Array(n);
  const maxCircle = Math.max(o.minCircle, Math.min(o.maxCircle, Math.ceil(n / 4)));
  let person = 0;
  let circles = 0;
  while (person < n) {
    const size = Math.round(powerLaw(rng, o.minCircle, maxCircle, o.circleExponent));
    for (let k = 0; k < size && person < n; k++) circle[person++] = circles;
    circles++;
  }
  // Shuffle people across circles so index order says nothing about circles.
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const swap = circle[i]!;
    circle[i] = circle[j]!;
    circle[j] = swap;
  }

  // Phase 2: expected degrees, a power law with mean 2m / n, capped.
  const mean = (2 * m) / Math.max(1, n);
  const minDegree = Math.max(1, (mean * (o.degreeExponent - 2)) / (o.degreeExponent - 1));
  const cap = Math.min(n - 1, Math.max(mean * 2, Math.sqrt(2 * m) * 3));
  const expected = new Float64Array(n);
  for (let i = 0; i < n; i++)
    expected[i] = Math.min(cap, powerLaw(rng, minDegree, cap * 4, o.degreeExponent));

  // Phase 3: brokers also belong to a second circle.
  const brokerCount = Math.min(n, Math.round(n * o.brokerShare));
  const brokers = new Int32Array(brokerCount);
  const second = new Int32Array(n).fill(-1);
  for (let b = 0; b < brokerCount; b++) {
    const who = Math.floor(rng() * n);
    brokers[b] = who;
    if (circles > 1) {
      let other = Math.floor(rng() * circles);
      if (other === circle[who]) other = (other + 1) % circles;
      second[who] = other;
    }
    expected[who] = Math.max(expected[who]!, mean * 2);
  }

  // Phase 4: per-circle member lists with cumulative expected degrees, and a global one.
  const memberCount = new Int32Array(circles + 1);
  for (let i = 0; i < n; i++) {
    memberCount[circle[i]! + 1]!++;
    if (second[i]! >= 0) memberCount[second[i]! + 1]!++;
  }
  for (let c = 0; c < circles; c++) memberCount[c + 1]! += memberCount[c]!;
  const start = memberCount.slice();
  const members = new Int32Array(memberCount[circles]!);
  const cursor = memberCount.slice(0, circles);
  const place = (c: number, i: number): void => {
    members[cursor[c]!++] = i;
  };
  for (let i = 0; i < n; i++) {
    place(circle[i]!, i);
    if (second[i]! >= 0) place(second[i]!, i);
  }
  const memberCumulative = new Float64Array(members.length);
  for (let c = 0; c < circles; c++) {
    let acc = 0;
    for (let k = start[c]!; k < start[c + 1]!; k++) {
      acc += expected[members[k]!]!;
      memberCumulative[k] = acc;
    }
  }
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += expected[i]!;
    cumulative[i] = total;
  }

  // Phase 5: draw distinct ties.
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const weights = new Float64Array(m);
  const seen = new Set<number>();
  let count = 0;
  let attempts = 0;
  while (count < m && attempts < m * 50) {
    attempts++;
    const u = search(cumulative, 0, n, rng() * total);
    let v: number;
    if (rng() < o.mixing) v = search(cumulative, 0, n, rng() * total);
    else {
      const c = second[u]! >= 0 && rng() < 0.5 ? second[u]! : circle[u]!;
      const from = start[c]!;
      const to = start[c + 1]!;
      v = members[search(memberCumulative, from, to, rng() * memberCumulative[to - 1]!)]!;
    }
    if (u === v) continue;
    const key = u < v ? u * n + v : v * n + u;
    if (seen.has(key)) continue;
    seen.add(key);
    src[count] = u;
    dst[count] = v;
    // Tie strength in (0, 1], most ties weak.
    weights[count] = Math.round((0.1 + 0.9 * rng() ** 2) * 100) / 100;
    count++;
  }
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const indexOf = new Map<string, number>();
  for (const [i, id] of ids.entries()) indexOf.set(id, i);
  const s = src.subarray(0, count);
  const d = dst.subarray(0, count);
  const w = weights.subarray(0, count);
  return {
    graph: fromIndexEdges(ids, indexOf, s, d, w),
    src: s,
    dst: d,
    weights: w,
    circle,
    brokers,
  };
};
