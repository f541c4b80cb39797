/**
 * A recurring series: every round splits the pool into groups of `size`, and pairs should share
 * a group as rarely as the numbers allow (the social golfer problem), value breaking ties.
 *
 * The search follows Dotú and Van Hentenryck, "Scheduling social golfers locally" (CPAIOR
 * 2005): the cost is the number of repeated meetings, Σ over pairs of max(0, times − 1); a move
 * swaps two people of different groups in one round, chosen among people in a repeated pair,
 * best move first (ties at random), a swapped person held in place for a few steps (tabu), and
 * a random shake of a few swaps when the search stalls. A swap's change is counted from the
 * meeting matrix in O(size). Once repeats are as few as found, swaps that keep them and raise
 * the value are taken. Held rounds are never changed.
 */
import { createRng, type Rng, randomInt, shuffled } from '../../domain/random';
import type { RepeatedPair, ScheduleSeries, SeriesSchedule } from './types';

/** Group sizes as even as possible: ceil(n / size) groups, the larger ones first. */
const groupSizes = (n: number, size: number): number[] => {
  const groups = Math.ceil(n / size);
  const base = Math.floor(n / groups);
  const extra = n - base * groups;
  return Array.from({ length: groups }, (_, g) => base + (g < extra ? 1 : 0));
};

/** The search state: who is where in each round and how often each pair met. */
class Schedule {
  /** groupOf[r·n + p]: p's group in round r. */
  readonly groupOf: Int32Array;
  /** members[r][g]: the people of group g in round r. */
  readonly members: number[][][];
  /** met[a·n + b]: rounds a and b shared a group. */
  readonly met: Int32Array;
  repeats = 0;

  constructor(
    readonly n: number,
    readonly rounds: number,
  ) {
    this.groupOf = new Int32Array(n * rounds);
    this.members = [];
    this.met = new Int32Array(n * n);
  }

  setRound(r: number, groups: readonly (readonly number[])[]): void {
    this.members[r] = groups.map((g) => [...g]);
    for (const [g, people] of groups.entries())
      for (const p of people) this.groupOf[r * this.n + p] = g;
    for (const people of groups)
      for (const a of people) for (const b of people) if (a < b) this.meet(a, b, 1);
  }

  private meet(a: number, b: number, by: number): void {
    const before = this.met[a * this.n + b]!;
    const after = before + by;
    this.met[a * this.n + b] = after;
    this.met[b * this.n + a] = after;
    this.repeats += Math.max(0, after - 1) - Math.max(0, before - 1);
  }

  /** The change in repeats if p left its group in round r for group `to`, `q` leaving `to`. */
  private moveCost(r: number, p: number, q: number, to: number): number {
    const { n, met } = this;
    let delta = 0;
    for (const x of this.members[r]![this.groupOf[r * n + p]!]!)
      if (x !== p && met[p * n + x]! >= 2) delta--;
    for (const y of this.members[r]![to]!) if (y !== q && met[p * n + y]! >= 1) delta++;
    return delta;
  }

  /** The change in repeats of swapping p and q (different groups of round r). */
  swapCost(r: number, p: number, q: number): number {
    const gp = this.groupOf[r * this.n + p]!;
    const gq = this.groupOf[r * this.n + q]!;
    return this.moveCost(r, p, q, gq) + this.moveCost(r, q, p, gp);
  }

  swap(r: number, p: number, q: number): void {
    const { n } = this;
    const gp = this.groupOf[r * n + p]!;
    const gq = this.groupOf[r * n + q]!;
    const A = this.members[r]![gp]!;
    const B = this.members[r]![gq]!;
    for (const x of A) if (x !== p) this.meet(p, x, -1);
    for (const y of B) if (y !== q) this.meet(q, y, -1);
    A[A.indexOf(p)] = q;
    B[B.indexOf(q)] = p;
    this.groupOf[r * n + p] = gq;
    this.groupOf[r * n + q] = gp;
    for (const x of A) if (x !== q) this.meet(q, x, 1);
    for (const y of B) if (y !== p) this.meet(p, y, 1);
  }

  /** Whether p shares its round-r group with someone met more than once. */
  inRepeat(r: number, p: number): boolean {
    const { n, met } = this;
    for (const x of this.members[r]![this.groupOf[r * n + p]!]!)
      if (x !== p && met[p * n + x]! >= 2) return true;
    return false;
  }

  snapshot(): number[][][] {
    return this.members.map((round) => round.map((g) => [...g]));
  }
}

/**
 * One round built greedily on the meetings so far: each group starts from a random person and
 * takes, one by one, whoever has met its members least (the random order breaks ties).
 */
const greedyRound = (state: Schedule, sizes: readonly number[], rng: Rng): number[][] => {
  const { n, met } = state;
  const left = shuffled(
    rng,
    Array.from({ length: n }, (_, p) => p),
  );
  return sizes.map((size) => {
    const group = [left.shift()!];
    while (group.length < size) {
      let pick = 0;
      let fewest = Infinity;
      for (const [at, p] of left.entries()) {
        let times = 0;
        for (const x of group) times += met[p * n + x]!;
        if (times < fewest) {
          fewest = times;
          pick = at;
        }
      }
      group.push(left.splice(pick, 1)[0]!);
    }
    return group;
  });
};

/** Σ of pair weights within each group. */
const valueOfRounds = (
  rounds: readonly (readonly (readonly number[])[])[],
  weight: ((a: number, b: number) => number) | null,
): number => {
  if (!weight) return 0;
  let value = 0;
  for (const round of rounds)
    for (const group of round)
      for (let a = 0; a < group.length; a++)
        for (let b = a + 1; b < group.length; b++) value += weight(group[a]!, group[b]!);
  return value;
};

/** Fewest repeats counting alone allows: each person's partner slots beyond n − 1 repeat. */
const repeatsLowerBound = (n: number, sizes: readonly number[], rounds: number): number => {
  const partners = rounds * (Math.min(...sizes) - 1);
  return Math.ceil((n * Math.max(0, partners - (n - 1))) / 2);
};

/** Tabu search on the repeats; returns the best schedule seen. */
const searchRepeats = (
  state: Schedule,
  free: readonly number[],
  rng: Rng,
  steps: number,
  floor: number,
  outOfTime: () => boolean,
): number[][][] => {
  const { n } = state;
  let best = state.snapshot();
  let bestRepeats = state.repeats;
  const tabuUntil = new Int32Array(n * state.rounds);
  let idle = 0;
  for (let step = 1; step <= steps && bestRepeats > floor; step++) {
    if ((step & 63) === 0 && outOfTime()) break;
    let bestDelta = Infinity;
    let move: [number, number, number] | null = null;
    let ties = 0;
    for (const r of free)
      for (let p = 0; p < n; p++) {
        if (!state.inRepeat(r, p)) continue;
        for (let q = 0; q < n; q++) {
          if (state.groupOf[r * n + q] === state.groupOf[r * n + p]) continue;
          const delta = state.swapCost(r, p, q);
          const tabu = tabuUntil[r * n + p]! > step || tabuUntil[r * n + q]! > step;
          if (tabu && state.repeats + delta >= bestRepeats) continue;
          if (delta < bestDelta) {
            bestDelta = delta;
            move = [r, p, q];
            ties = 1;
          } else if (delta === bestDelta && randomInt(rng, ++ties) === 0) move = [r, p, q];
        }
      }
    if (!move) break;
    const [r, p, q] = move;
    state.swap(r, p, q);
    tabuUntil[r * n + p] = step + 4 + randomInt(rng, 10);
    tabuUntil[r * n + q] = step + 4 + randomInt(rng, 10);
    if (state.repeats < bestRepeats) {
      bestRepeats = state.repeats;
      best = state.snapshot();
      idle = 0;
    } else if (++idle > 400) {
      // Stalled: shake from the best schedule with a few random swaps.
      restore(state, best, free);
      for (let s = 0; s < 6; s++) {
        const r2 = free[randomInt(rng, free.length)]!;
        const a = randomInt(rng, n);
        const b = randomInt(rng, n);
        if (state.groupOf[r2 * n + a] !== state.groupOf[r2 * n + b]) state.swap(r2, a, b);
      }
      idle = 0;
    }
  }
  restore(state, best, free);
  return best;
};

/** Puts the free rounds back as in `rounds` (recounting meetings from scratch). */
const restore = (
  state: Schedule,
  rounds: readonly (readonly (readonly number[])[])[],
  free: readonly number[],
) => {
  state.met.fill(0);
  state.repeats = 0;
  const all = state.members.map((round, r) => (free.includes(r) ? rounds[r]! : round));
  for (const [r, round] of all.entries()) state.setRound(r, round);
};

/** Swaps that keep the repeats and raise the value (first improvement, random order). */
const raiseValue = (
  state: Schedule,
  free: readonly number[],
  weight: (a: number, b: number) => number,
  rng: Rng,
  tries: number,
): void => {
  const { n } = state;
  const link = (r: number, p: number, g: number, skip: number): number => {
    let sum = 0;
    for (const x of state.members[r]![g]!) if (x !== p && x !== skip) sum += weight(p, x);
    return sum;
  };
  for (let t = 0; t < tries; t++) {
    const r = free[randomInt(rng, free.length)]!;
    const p = randomInt(rng, n);
    const q = randomInt(rng, n);
    const gp = state.groupOf[r * n + p]!;
    const gq = state.groupOf[r * n + q]!;
    if (gp === gq || state.swapCost(r, p, q) > 0) continue;
    const gain = link(r, p, gq, q) + link(r, q, gp, p) - link(r, p, gp, -1) - link(r, q, gq, -1);
    if (gain > 1e-12) state.swap(r, p, q);
  }
};

export const scheduleSeries: ScheduleSeries = (
  pairWeight,
  poolSize,
  size,
  rounds,
  options = {},
) => {
  const n = poolSize;
  if (!Number.isInteger(n) || n < 2) throw new RangeError('poolSize: at least 2 people');
  if (!Number.isInteger(size) || size < 2 || size > n)
    throw new RangeError(`size: a group of 2 to ${n} people`);
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError('rounds: at least 1');
  const held = options.held ?? [];
  if (held.length > rounds) throw new RangeError('held: more held rounds than rounds');
  const rng = createRng(options.seed ?? 1);
  const sizes = groupSizes(n, size);
  const state = new Schedule(n, rounds);
  for (const [r, round] of held.entries()) {
    const seen = new Set(round.flat());
    if (seen.size !== n || round.flat().some((p) => !Number.isInteger(p) || p < 0 || p >= n))
      throw new RangeError(`held[${r}]: every pool position 0…${n - 1} exactly once`);
    state.setRound(r, round);
  }
  const free: number[] = [];
  for (let r = held.length; r < rounds; r++) {
    state.setRound(r, greedyRound(state, sizes, rng));
    free.push(r);
  }
  const floor = repeatsLowerBound(n, sizes, rounds);
  const clock = options.clock;
  const deadline = (clock?.() ?? 0) + (options.timeLimitMs ?? Infinity);
  const outOfTime = (): boolean => clock !== undefined && clock() > deadline;
  if (free.length > 0) searchRepeats(state, free, rng, 200_000, floor, outOfTime);
  if (pairWeight && free.length > 0)
    raiseValue(state, free, pairWeight, rng, 200 * n * free.length);
  const schedule = state.members.map((round) => round.map((g) => [...g].sort((a, b) => a - b)));
  const repeatedPairs: RepeatedPair[] = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const times = state.met[a * n + b]!;
      if (times > 1) repeatedPairs.push({ a, b, times });
    }
  repeatedPairs.sort((x, y) => y.times - x.times || x.a - y.a || x.b - y.b);
  return {
    rounds: schedule,
    repeatedPairs,
    repeats: state.repeats,
    repeatsAtLeast: floor,
    value: valueOfRounds(schedule, pairWeight),
  } satisfies SeriesSchedule;
};
