/**
 * The fast solver: greedy construction, then iterated tabu search over swap moves.
 *
 * Greedy starts from the must-invites (and the best anchor when none of them is one) and adds
 * the person who adds most until the table is full. The tabu search then swaps one guest for
 * one outsider per step, taking the best allowed swap even when it loses value (to walk out of
 * local optima): a guest just swapped out may not come back for a few steps, a guest just
 * swapped in may not leave, unless the swap beats the best table found. With the gain vector of
 * TableState a swap's change is D[v] − D[u] − w(u, v), so one step weighs all k·(n−k) swaps in
 * O(k·n) and applies one in O(n). After `patience` steps without a better table, the best table
 * is perturbed (a few random swaps), or a fresh greedy table is grown around the next most
 * promising person, and searched again, `restarts` times. Every random choice
 * comes from the seeded generator, so a seed gives one answer.
 */
import { createRng, type Rng, randomInt } from '../../domain/random';
import { tableValue } from './instance';
import { TableState } from './table-state';
import type { HeuristicOptions, InstanceSolution, TableInstance } from './types';

export const HEURISTIC_DEFAULTS: HeuristicOptions = {
  seed: 1,
  patience: 300,
  restarts: 12,
  greedyOnly: false,
  plainSwaps: false,
};

const EPS = 1e-12;

/** The best person to add by D among those `allowed`, or −1. */
const bestAddition = (state: TableState, allowed: (x: number) => boolean): number => {
  let best = -1;
  for (let x = 0; x < state.n; x++)
    if (allowed(x) && state.canAdd(x) && (best < 0 || state.gainOf[x]! > state.gainOf[best]!))
      best = x;
  return best;
};

/** Greedy construction; false when it gets stuck (the constraints leave no full table). */
export const greedyFill = (state: TableState, must: readonly number[]): boolean => {
  for (const m of must) {
    if (!state.canAdd(m)) return false;
    state.add(m);
  }
  if (state.rules.needsAnchor && state.anchors === 0 && state.size < state.k) {
    const anchor = bestAddition(state, (x) => state.rules.isAnchor[x] === 1);
    if (anchor < 0) return false;
    state.add(anchor);
  }
  while (state.size < state.k) {
    const x = bestAddition(state, () => true);
    if (x < 0) return false;
    state.add(x);
  }
  return !state.rules.needsAnchor || state.anchors > 0;
};

interface Move {
  u: number;
  v: number;
  delta: number;
}

/**
 * The best allowed swap: tabu pairs are skipped unless they beat `aspiration`. Ties are broken
 * at random (reservoir over equal moves) so plateaus are crossed in different directions.
 */
const bestSwap = (
  state: TableState,
  tabuUntil: Int32Array | null,
  step: number,
  aspiration: number,
  rng: Rng | null,
  move: Move,
): boolean => {
  const { n, weights, gainOf, members, inTable } = state;
  let found = false;
  let ties = 0;
  move.delta = -Infinity;
  for (let a = 0; a < state.size; a++) {
    const u = members[a]!;
    if (state.rules.isMust[u]) continue;
    const du = gainOf[u]!;
    const row = u * n;
    const uTabu = tabuUntil !== null && tabuUntil[u]! > step;
    for (let v = 0; v < n; v++) {
      if (inTable[v]) continue;
      const delta = gainOf[v]! - du - weights[row + v]!;
      if (delta < move.delta - EPS) continue;
      const tabu = uTabu || (tabuUntil !== null && tabuUntil[v]! > step);
      if (tabu && state.value + delta <= aspiration + EPS) continue;
      if (!state.canSwap(u, v)) continue;
      if (delta > move.delta + EPS) ties = 1;
      else if (rng && randomInt(rng, ++ties) !== 0) continue;
      move.u = u;
      move.v = v;
      move.delta = delta;
      found = true;
    }
  }
  return found;
};

/** Best-improvement swaps until none improves. */
const plainDescent = (state: TableState): number => {
  const move: Move = { u: -1, v: -1, delta: 0 };
  let steps = 0;
  while (bestSwap(state, null, 0, Infinity, null, move) && move.delta > 1e-9) {
    state.remove(move.u);
    state.add(move.v);
    steps++;
  }
  return steps;
};

/** A few random allowed swaps (the perturbation between tabu rounds). */
const perturb = (state: TableState, rng: Rng, strength: number): void => {
  for (let s = 0; s < strength; s++) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const u = state.members[randomInt(rng, state.size)]!;
      const v = randomInt(rng, state.n);
      if (!state.canSwap(u, v)) continue;
      state.remove(u);
      state.add(v);
      break;
    }
  }
};

/** One tabu round from the current table; returns the best table seen and its value. */
const tabuRound = (
  state: TableState,
  rng: Rng,
  patience: number,
  best: { chosen: number[]; value: number },
): number => {
  const tabuUntil = new Int32Array(state.n);
  const free = state.k - state.rules.isMust.reduce((s, x) => s + x, 0);
  const outside = state.n - state.k;
  const move: Move = { u: -1, v: -1, delta: 0 };
  let step = 0;
  let idle = 0;
  while (idle < patience) {
    step++;
    if (!bestSwap(state, tabuUntil, step, best.value, rng, move)) break;
    state.remove(move.u);
    state.add(move.v);
    tabuUntil[move.u] = step + Math.min(7, Math.max(1, outside >> 2)) + randomInt(rng, 3);
    tabuUntil[move.v] = step + Math.max(0, Math.min(2, free - 2)) + randomInt(rng, 2);
    if (state.value > best.value + 1e-9) {
      best.value = state.value;
      best.chosen = state.chosen();
      idle = 0;
    } else idle++;
  }
  return step;
};

/** People by promise: own value plus half their k − 1 heaviest weights, best first. */
const promising = (instance: TableInstance): number[] => {
  const { n, k, weights, gain } = instance;
  const promise = new Float64Array(n);
  const row = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    row.set(weights.subarray(c * n, c * n + n));
    row[c] = -Infinity;
    row.sort();
    let half = 0;
    for (let t = 0; t < k - 1 && t < n - 1; t++) half += Math.max(0, row[n - 1 - t]!);
    promise[c] = gain[c]! + half / 2;
  }
  return Array.from({ length: n }, (_, c) => c).sort((a, b) => promise[b]! - promise[a]! || a - b);
};

/**
 * The heuristic's table for an instance. `proof` is 'unproven' (the exact solver proves);
 * `chosen` is empty when no feasible table was found.
 */
export const solveHeuristic = (
  instance: TableInstance,
  options: Partial<HeuristicOptions> = {},
): InstanceSolution => {
  const settings = { ...HEURISTIC_DEFAULTS, ...options };
  const none: InstanceSolution = { chosen: [], value: 0, proof: { kind: 'unproven' }, steps: 0 };
  if (instance.k > instance.n) return none;
  const state = new TableState(instance);
  if (!greedyFill(state, instance.must)) return none;
  let steps = 0;
  if (settings.plainSwaps) steps = plainDescent(state);
  const best = { chosen: state.chosen(), value: state.value };
  const free = instance.k - instance.must.length;
  if (!settings.greedyOnly && !settings.plainSwaps && free > 0 && instance.n > instance.k) {
    const rng = createRng(settings.seed);
    steps += tabuRound(state, rng, settings.patience, best);
    const seeds = promising(instance);
    for (let r = 0; r < settings.restarts; r++) {
      // Odd rounds shake the best table; even ones grow a fresh table around another promising
      // person, so a sparse instance's other clusters are reached too.
      const start = seeds[(r >> 1) + 1];
      state.load([]);
      if (r % 2 === 1 || start === undefined || !greedyFill(state, [...instance.must, start])) {
        state.load(best.chosen);
        perturb(state, rng, Math.max(2, Math.ceil(free / 3)));
      }
      steps += tabuRound(state, rng, settings.patience, best);
    }
  }
  const chosen = best.chosen;
  return { chosen, value: tableValue(instance, chosen), proof: { kind: 'unproven' }, steps };
};
