/**
 * The composer's public types: choosing a table of guests (`composeTable`, `replacementsFor` in
 * compose.ts), seating a larger dinner over several tables (`seatGuests` in seating.ts),
 * scheduling a recurring series without repeated pairs (`scheduleSeries` in series.ts), and the
 * instance-level solvers under them (`solveHeuristic` in heuristic.ts, `solveExact` in
 * exact.ts, both over a `TableInstance` of instance.ts).
 *
 * Everything is pure and deterministic for a seed. People are graph indices of the model; the
 * app maps ids and names to indices before calling, and back after.
 *
 * The value of a table (the host always sits at it) is
 *   Σ over guests g of ownValue(g) + Σ over guest pairs {a, b} of v(a, b),
 * where v is pair value (pair-value.ts) and ownValue(g) counts v(host, g) (the host's pair with
 * g, when the model has a host), reach, a quiet tie that deserves warming, the purpose, the
 * host's goals, less a penalty for having sat at the host's table recently.
 */

import type { EngineModel } from '../model';

// ---------------------------------------------------------------------------------------------
// The generic instance (the solvers' input).

/**
 * A maximum-weight k-subgraph instance with side constraints: choose exactly `k` of people
 * 0…n−1 maximising Σ gain[i] + Σ weights[i·n + j] over chosen pairs i < j.
 */
export interface TableInstance {
  readonly n: number;
  readonly k: number;
  /** Dense symmetric n×n pair weights (row-major; the diagonal is ignored). */
  readonly weights: Float64Array;
  /** Each person's own value. */
  readonly gain: Float64Array;
  /** People who must be chosen. */
  readonly must: readonly number[];
  /** Pairs that may never both be chosen. */
  readonly never: readonly (readonly [number, number])[];
  /** Group (circle) of each person, −1 for none; with `maxPerGroup`, caps each group's share. */
  readonly groupOf?: Int32Array;
  /** At most this many chosen people from one group (people of group −1 are not counted). */
  readonly maxPerGroup?: number;
  /** When non-empty, at least one chosen person must be among these (the anchor guests). */
  readonly anchors?: readonly number[];
}

/** How sure a table is: proven best, at most `atMost` below a proven bound, or not known. */
export type Proof =
  | { readonly kind: 'optimal' }
  /** The best table may be worth up to `atMost` more (an absolute value, bound − value). */
  | { readonly kind: 'gap'; readonly atMost: number }
  | { readonly kind: 'unproven' };

/** A solver's answer on a `TableInstance`. */
export interface InstanceSolution {
  /** Chosen people, ascending; empty when no feasible choice was found. */
  readonly chosen: readonly number[];
  readonly value: number;
  readonly proof: Proof;
  /** Search effort, for diagnostics: local-search iterations or branch-and-bound nodes. */
  readonly steps: number;
}

export interface HeuristicOptions {
  readonly seed: number;
  /** Local-search iterations without improvement before a restart (perturbation). */
  readonly patience: number;
  /** Restarts (iterated tabu search rounds) after the first descent. */
  readonly restarts: number;
  /** Skip the tabu search (greedy construction only), for comparisons. */
  readonly greedyOnly: boolean;
  /** Plain best-improvement swaps until no swap improves (no tabu, no restarts), for comparisons. */
  readonly plainSwaps: boolean;
}

export interface ExactOptions {
  /** Give up after this many milliseconds (read through `clock`) and report the gap instead. */
  readonly timeLimitMs: number;
  /** Elapsed-time source in milliseconds (the engine has no clock; the caller passes one). */
  readonly clock?: () => number;
  /** Give up after this many search nodes (deterministic, unlike the time limit). */
  readonly maxNodes: number;
  /** A known feasible choice to start from (its value prunes the search at once). */
  readonly incumbent?: readonly number[];
}

// ---------------------------------------------------------------------------------------------
// Composing a table on the engine model.

/** What the host asks of the composer. Arrays indexed by graph index where noted. */
export interface CompositionInput {
  /** Guests besides the host (the format's seats less those kept for plus-ones). */
  readonly seats: number;
  /** When given, only these people may be proposed (must-invites are always kept). */
  readonly candidates?: readonly number[];
  /** Purpose words ("climate investors"), matched against tags, interests, asks, offers and organisations. */
  readonly purpose?: string;
  /** People the host must invite. */
  readonly must?: readonly number[];
  /** People never to propose. */
  readonly exclude?: readonly number[];
  /** Pairs that may never sit together. */
  readonly neverTogether?: readonly (readonly [number, number])[];
  /** At most this share of the guests from one circle (default 0.5; 1 turns it off). */
  readonly maxShareFromOneCircle?: number;
  /** At least one guest among the best-reached people (default true). */
  readonly anchor?: boolean;
  /** Reach score in [0, 1] by graph index (the app's reach); missing means 0 for everyone. */
  readonly reach?: Float64Array;
  /** Days since each person last sat at the host's table; recent guests count less. */
  readonly recentTable?: ReadonlyMap<number, number>;
  /** People already invited to another gathering that day: never proposed. */
  readonly unavailable?: readonly number[];
  /** Quiet ties that deserve warming: days since the host's last contact, by graph index. */
  readonly quietTies?: ReadonlyMap<number, number>;
  readonly seed?: number;
}

/** Tuning of `composeTable`; every field has a default (COMPOSE_DEFAULTS in compose.ts). */
export interface CompositionOptions {
  /** Candidates weighed in full (pair values between all of them), chosen by own value. */
  readonly poolSize: number;
  /**
   * Branch-and-bound nodes the exact solver may visit to prove the table (0: heuristic only,
   * the gap from the root bound). A node budget, not a time limit, so the same input and seed
   * always give the same table; about 50,000 nodes take 100 ms on 80 candidates.
   */
  readonly proveNodes: number;
  /** The share of eligible people, by reach, who count as anchors (at least `seats` people). */
  readonly anchorShare: number;
  /** Weights of the own-value parts (each part is in [0, 1]). */
  readonly ownWeights: OwnValueWeights;
  /** Days after which a quiet tie fully deserves warming, and a past table no longer counts. */
  readonly quietDays: number;
  readonly recentDays: number;
}

export interface OwnValueWeights {
  readonly reach: number;
  readonly warming: number;
  readonly purpose: number;
  readonly goals: number;
  /** Subtracted, scaled by how recently they sat at the host's table. */
  readonly recentTable: number;
}

/** One proposed guest. */
export interface ComposedGuest {
  readonly index: number;
  /** Their own value to the host (host pair, reach, warming, purpose, goals, less recency). */
  readonly ownValue: number;
  /** What the table would lose without them: own value + their pair values at the table. */
  readonly contribution: number;
  /** Why they are there, in plain sentences, most important first. */
  readonly reasons: readonly string[];
}

/** One of the strongest pairs at the table, explained by pair value's sentence. */
export interface StrongPair {
  readonly a: number;
  readonly b: number;
  readonly value: number;
  /** "Ana is raising a seed round and Ben invests in seed rounds; they both know Carla." */
  readonly sentence: string;
}

/** The constraint a conflict is about (the app maps it to the request field). */
export type ConstraintName =
  | 'seats'
  | 'candidates'
  | 'must'
  | 'neverTogether'
  | 'maxShareFromOneCircle'
  | 'anchor'
  | 'exclude'
  | 'unavailable';

export interface Conflict {
  /** The constraints in conflict, first the one the host most likely wants to change. */
  readonly constraints: readonly ConstraintName[];
  /** "7 people must be invited but the table has 6 seats." */
  readonly message: string;
}

export type CompositionResult =
  | {
      readonly kind: 'composed';
      /** Guests by contribution, highest first. */
      readonly guests: readonly ComposedGuest[];
      /** Up to three, strongest first. */
      readonly strongestPairs: readonly StrongPair[];
      readonly value: number;
      /** How many candidates were weighed ("the best possible among these N candidates"). */
      readonly candidates: number;
      readonly proof: Proof;
    }
  | { readonly kind: 'infeasible'; readonly conflicts: readonly Conflict[] };

/** One alternative for a seat: the guest, the table's value change, and why. */
export interface Replacement {
  readonly index: number;
  /** New table value − current table value (negative when every alternative is worse). */
  readonly delta: number;
  readonly reasons: readonly string[];
}

/** `composeTable(model, input, options?)`: see compose.ts. */
export type ComposeTable = (
  model: EngineModel,
  input: CompositionInput,
  options?: Partial<CompositionOptions>,
) => CompositionResult;

/**
 * `replacementsFor(model, input, table, seatOf, count = 3)`: the best `count` people to take
 * `seatOf`'s place at `table` (which holds graph indices, host excluded), best first, honouring
 * the input's constraints; an empty list when nobody fits.
 */
export type ReplacementsFor = (
  model: EngineModel,
  input: CompositionInput,
  table: readonly number[],
  seatOf: number,
  count?: number,
  options?: Partial<CompositionOptions>,
) => readonly Replacement[];

// ---------------------------------------------------------------------------------------------
// Seating.

export interface SeatingConstraints {
  /** Pairs to seat at the same table. */
  readonly together?: readonly (readonly [number, number])[];
  /** Pairs to seat at different tables. */
  readonly apart?: readonly (readonly [number, number])[];
  /** Hosts and co-hosts: each at a different table (they must be among the guests). */
  readonly hosts?: readonly number[];
  readonly seed?: number;
  /** Local-search time budget (ms, read through `clock`); the search also stops when stuck. */
  readonly timeLimitMs?: number;
  readonly clock?: () => number;
}

export interface SeatedTable {
  /** Guests (graph indices), ascending. */
  readonly guests: readonly number[];
  /** Σ of pair values within the table. */
  readonly value: number;
  /** Up to three, strongest first. */
  readonly strongestPairs: readonly StrongPair[];
}

export type SeatingResult =
  | {
      readonly kind: 'seated';
      /** In the order of `tableSizes`. */
      readonly tables: readonly SeatedTable[];
      readonly value: number;
      /** 'optimal' only when the exact search finished (small dinners). */
      readonly proof: Proof;
    }
  | { readonly kind: 'infeasible'; readonly conflicts: readonly SeatingConflict[] };

export interface SeatingConflict {
  readonly constraints: readonly ('tableSizes' | 'together' | 'apart' | 'hosts')[];
  readonly message: string;
}

/** `seatGuests(model, guests, tableSizes, constraints?)`: see seating.ts. */
export type SeatGuests = (
  model: EngineModel,
  guests: readonly number[],
  tableSizes: readonly number[],
  constraints?: SeatingConstraints,
) => SeatingResult;

// ---------------------------------------------------------------------------------------------
// Series.

export interface SeriesOptions {
  /** Rounds already held, kept as they happened (each a list of groups of pool positions). */
  readonly held?: readonly (readonly (readonly number[])[])[];
  readonly seed?: number;
  readonly timeLimitMs?: number;
  readonly clock?: () => number;
}

export interface RepeatedPair {
  readonly a: number;
  readonly b: number;
  /** How many rounds they shared a group. */
  readonly times: number;
}

export interface SeriesSchedule {
  /** rounds[r][g] = the pool positions in group g of round r, ascending. */
  readonly rounds: readonly (readonly (readonly number[])[])[];
  /** Pairs who share a group more than once, most repeated first. */
  readonly repeatedPairs: readonly RepeatedPair[];
  /** Σ over pairs of (times together − 1) where positive. */
  readonly repeats: number;
  /** A lower bound on `repeats` from counting alone (0 when the numbers allow none). */
  readonly repeatsAtLeast: number;
  /** Σ of pair weights within every group of every round. */
  readonly value: number;
}

/**
 * `scheduleSeries(pairWeight, poolSize, size, rounds, options?)`: splits pool positions
 * 0…poolSize−1 into groups of `size` (the last groups one smaller when it does not divide) for
 * each of `rounds` rounds, repeating as few pairs as it can, then keeping value high.
 * `pairWeight(a, b)` is the value of a and b meeting (e.g. pair value on the pool's graph
 * indices). Held rounds are kept as given and the rest regenerated around them.
 */
export type ScheduleSeries = (
  pairWeight: ((a: number, b: number) => number) | null,
  poolSize: number,
  size: number,
  rounds: number,
  options?: SeriesOptions,
) => SeriesSchedule;
