/**
 * Seating a larger dinner: guests over tables of given sizes, maximising the pair value within
 * each table (maximally diverse grouping), with together and apart pairs and hosts at
 * different tables.
 *
 * Constraints become weights: a together pair weighs +`PENALTY`, an apart pair (and two hosts)
 * −`PENALTY`, far above any sum of pair values, so the search honours them whenever it can and
 * a seating that still breaks one proves nothing better was found (the answer then names the
 * constraint). Empty seats are guests who weigh nothing. The search is iterated tabu search
 * over swaps of two guests at different tables: with T[x][t] = Σ of x's weights to table t,
 * swapping u (table A) and v (table B) changes the value by
 *   T[v][A] − T[u][A] + T[u][B] − T[v][B] − 2·w(u, v),
 * so one step weighs all swaps in O(m²) and applies one in O(m).
 */
import { createRng, type Rng, randomInt, shuffled } from '../../domain/random';
import type { EngineModel } from '../model';
import { explainPair, pairScore, resolvePairValueOptions } from '../pair-value';
import type { SeatedTable, SeatGuests, SeatingConflict, StrongPair } from './types';

const PENALTY = 1_000;

/** The instance: m seats (guests then empty seats), weights, and the table of each seat. */
interface Seating {
  readonly m: number;
  readonly weights: Float64Array;
  readonly tableOf: Int32Array;
  /** link[x·tables + t] = Σ of x's weights to the people at table t. */
  readonly link: Float64Array;
  readonly tables: number;
}

const linkOf = (
  weights: Float64Array,
  tableOf: Int32Array,
  m: number,
  tables: number,
): Float64Array => {
  const link = new Float64Array(m * tables);
  for (let x = 0; x < m; x++)
    for (let y = 0; y < m; y++) if (x !== y) link[x * tables + tableOf[y]!]! += weights[x * m + y]!;
  return link;
};

const swapDelta = (s: Seating, u: number, v: number): number => {
  const a = s.tableOf[u]!;
  const b = s.tableOf[v]!;
  const t = s.tables;
  return (
    s.link[v * t + a]! -
    s.link[u * t + a]! +
    s.link[u * t + b]! -
    s.link[v * t + b]! -
    2 * s.weights[u * s.m + v]!
  );
};

const applySwap = (s: Seating, u: number, v: number): void => {
  const a = s.tableOf[u]!;
  const b = s.tableOf[v]!;
  const { m, tables: t, weights, link } = s;
  for (let x = 0; x < m; x++) {
    const wu = weights[x * m + u]!;
    const wv = weights[x * m + v]!;
    link[x * t + a]! += wv - wu;
    link[x * t + b]! += wu - wv;
  }
  s.tableOf[u] = b;
  s.tableOf[v] = a;
};

/** Σ of weights within tables. */
const totalOf = (s: Seating): number => {
  let sum = 0;
  for (let x = 0; x < s.m; x++) sum += s.link[x * s.tables + s.tableOf[x]!]!;
  return sum / 2;
};

/** One tabu round of `steps` steps from the current seating; keeps the best seating seen. */
const tabuRound = (
  s: Seating,
  rng: Rng,
  steps: number,
  best: { tableOf: Int32Array; value: number },
) => {
  const tabuUntil = new Int32Array(s.m);
  let value = totalOf(s);
  for (let step = 1; step <= steps; step++) {
    let bu = -1;
    let bv = -1;
    let bd = -Infinity;
    let ties = 0;
    for (let u = 0; u < s.m; u++)
      for (let v = u + 1; v < s.m; v++) {
        if (s.tableOf[u] === s.tableOf[v]) continue;
        const d = swapDelta(s, u, v);
        if (d < bd - 1e-12) continue;
        const tabu = tabuUntil[u]! > step || tabuUntil[v]! > step;
        if (tabu && value + d <= best.value + 1e-9) continue;
        if (d > bd + 1e-12) ties = 1;
        else if (randomInt(rng, ++ties) !== 0) continue;
        bu = u;
        bv = v;
        bd = d;
      }
    if (bu < 0) return;
    applySwap(s, bu, bv);
    value += bd;
    tabuUntil[bu] = step + 3 + randomInt(rng, 5);
    tabuUntil[bv] = step + 3 + randomInt(rng, 5);
    if (value > best.value + 1e-9) {
      best.value = value;
      best.tableOf = Int32Array.from(s.tableOf);
    }
  }
};

/** What in the constraints alone makes seating impossible. */
const seatingConflicts = (
  guests: readonly number[],
  sizes: readonly number[],
  together: readonly (readonly [number, number])[],
  apart: readonly (readonly [number, number])[],
  hosts: readonly number[],
): SeatingConflict[] => {
  const out: SeatingConflict[] = [];
  const seats = sizes.reduce((s, x) => s + x, 0);
  if (sizes.length === 0 || sizes.some((x) => !Number.isInteger(x) || x < 1))
    out.push({ constraints: ['tableSizes'], message: 'Every table needs at least one seat.' });
  if (seats < guests.length)
    out.push({
      constraints: ['tableSizes'],
      message: `${guests.length} guests but only ${seats} seats.`,
    });
  if (hosts.length > sizes.length)
    out.push({
      constraints: ['hosts', 'tableSizes'],
      message: `${hosts.length} hosts for ${sizes.length} tables: each host needs a table.`,
    });
  const at = new Set(guests);
  const named = [
    ['together', together.flat()],
    ['apart', apart.flat()],
    ['hosts', hosts],
  ] as const;
  for (const [constraint, people] of named)
    for (const p of people)
      if (!at.has(p))
        out.push({ constraints: [constraint], message: `Person ${p} is not among the guests.` });
  return out;
};

export const seatGuests: SeatGuests = (model, guestList, tableSizes, constraints = {}) => {
  const guests = [...new Set(guestList)];
  const together = constraints.together ?? [];
  const apart = constraints.apart ?? [];
  const hosts = constraints.hosts ?? [];
  const conflicts = seatingConflicts(guests, tableSizes, together, apart, hosts);
  if (conflicts.length > 0) return { kind: 'infeasible', conflicts };
  const seats = tableSizes.reduce((s, x) => s + x, 0);
  const m = seats;
  const g = guests.length;
  const at = new Map(guests.map((x, p) => [x, p]));
  const pv = resolvePairValueOptions();
  const pair = new Float64Array(m * m);
  for (let a = 0; a < g; a++)
    for (let b = a + 1; b < g; b++) {
      const w = pairScore(model, guests[a]!, guests[b]!, pv).value;
      pair[a * m + b] = w;
      pair[b * m + a] = w;
    }
  const weights = Float64Array.from(pair);
  const bump = (x: number, y: number, by: number): void => {
    const a = at.get(x)!;
    const b = at.get(y)!;
    if (a === b) return;
    weights[a * m + b]! += by;
    weights[b * m + a]! += by;
  };
  for (const [x, y] of together) bump(x, y, PENALTY);
  for (const [x, y] of apart) bump(x, y, -PENALTY);
  for (let a = 0; a < hosts.length; a++)
    for (let b = a + 1; b < hosts.length; b++) bump(hosts[a]!, hosts[b]!, -PENALTY);

  const rng = createRng(constraints.seed ?? 1);
  const tableOf = new Int32Array(m);
  const order = shuffled(
    rng,
    Array.from({ length: m }, (_, x) => x),
  );
  // Hosts first, one per table; then everyone else in seeded order.
  const hostSeats = hosts.map((h) => at.get(h)!);
  const rest = order.filter((x) => !hostSeats.includes(x));
  const free = [...tableSizes];
  for (const [t, x] of hostSeats.entries()) {
    tableOf[x] = t;
    free[t]!--;
  }
  let t = 0;
  for (const x of rest) {
    while (free[t]! <= 0) t++;
    tableOf[x] = t;
    free[t]!--;
  }
  const s: Seating = {
    m,
    weights,
    tableOf,
    link: linkOf(weights, tableOf, m, tableSizes.length),
    tables: tableSizes.length,
  };
  const best = { tableOf: Int32Array.from(tableOf), value: totalOf(s) };
  const clock = constraints.clock;
  const deadline = (clock?.() ?? 0) + (constraints.timeLimitMs ?? 0);
  const rounds = clock && constraints.timeLimitMs ? Infinity : 8;
  for (let r = 0; r < rounds; r++) {
    tabuRound(s, rng, 4 * m + 100, best);
    if (clock && clock() > deadline) break;
    // Restart from the best seating, shaken by a few random swaps.
    s.tableOf.set(best.tableOf);
    s.link.set(linkOf(weights, s.tableOf, m, s.tables));
    for (let k = 0; k < Math.max(2, m >> 3); k++) {
      const u = randomInt(rng, m);
      const v = randomInt(rng, m);
      if (s.tableOf[u] !== s.tableOf[v]) applySwap(s, u, v);
    }
  }
  return describeSeating(model, guests, pair, m, best.tableOf, tableSizes, {
    together,
    apart,
    hosts,
  });
};

/** The seated tables with their values and strongest pairs, or the broken constraints. */
const describeSeating = (
  model: EngineModel,
  guests: readonly number[],
  pair: Float64Array,
  m: number,
  tableOf: Int32Array,
  sizes: readonly number[],
  rules: {
    together: readonly (readonly [number, number])[];
    apart: readonly (readonly [number, number])[];
    hosts: readonly number[];
  },
): ReturnType<SeatGuests> => {
  const at = new Map(guests.map((x, p) => [x, p]));
  const table = (x: number): number => tableOf[at.get(x)!]!;
  const broken: SeatingConflict[] = [];
  for (const [x, y] of rules.together)
    if (table(x) !== table(y))
      broken.push({
        constraints: ['together'],
        message: `No seating keeps ${model.profiles[x]?.name} and ${model.profiles[y]?.name} together with the other constraints.`,
      });
  for (const [x, y] of rules.apart)
    if (table(x) === table(y))
      broken.push({
        constraints: ['apart'],
        message: `No seating keeps ${model.profiles[x]?.name} and ${model.profiles[y]?.name} apart with the other constraints.`,
      });
  if (new Set(rules.hosts.map(table)).size < rules.hosts.length)
    broken.push({
      constraints: ['hosts'],
      message: 'No seating puts every host at a different table with the other constraints.',
    });
  if (broken.length > 0) return { kind: 'infeasible', conflicts: broken };
  const pv = resolvePairValueOptions();
  const tables: SeatedTable[] = sizes.map((_, t) => {
    const members = guests.filter((x) => table(x) === t).sort((a, b) => a - b);
    const pairs: Array<[number, number, number]> = [];
    for (let a = 0; a < members.length; a++)
      for (let b = a + 1; b < members.length; b++)
        pairs.push([
          members[a]!,
          members[b]!,
          pair[at.get(members[a]!)! * m + at.get(members[b]!)!]!,
        ]);
    pairs.sort((p, q) => q[2] - p[2] || p[0] - q[0] || p[1] - q[1]);
    const strongestPairs: StrongPair[] = pairs.slice(0, 3).map(([a, b, value]) => ({
      a,
      b,
      value,
      sentence: explainPair(model, a, b, pairScore(model, a, b, pv), pv).sentence,
    }));
    return { guests: members, value: pairs.reduce((sum, p) => sum + p[2], 0), strongestPairs };
  });
  return {
    kind: 'seated',
    tables,
    value: tables.reduce((sum, t) => sum + t.value, 0),
    proof: { kind: 'unproven' },
  };
};
