/**
 * Composing a table on the engine model: who is eligible, the conflicts that make a table
 * impossible (named, never an empty answer), the candidate pool, the instance the solvers
 * work on, and the explained result.
 *
 * At 50,000 people the pool is what keeps it fast: every eligible person gets an own value
 * (O(1) each, the purpose through the term index), the best few hundred by own value get
 * their pair value with the host, and the best `poolSize` of those (with the must-invites and
 * the best anchors) are weighed in full — pair values between all of them. The heuristic
 * solves that instance; the exact solver then tries to prove it within a node budget.
 */
import { type EngineModel, pairKey } from '../model';
import {
  explainPair,
  type PairValueOptions,
  pairScore,
  resolvePairValueOptions,
} from '../pair-value';
import { rootBound, solveExact } from './exact';
import { solveHeuristic } from './heuristic';
import { matchedWords, type OwnContext, ownContext, ownParts, ownValueOf } from './own-value';
import type {
  ComposedGuest,
  ComposeTable,
  CompositionInput,
  CompositionOptions,
  CompositionResult,
  Conflict,
  Proof,
  Replacement,
  ReplacementsFor,
  StrongPair,
  TableInstance,
} from './types';

export const COMPOSE_DEFAULTS: CompositionOptions = {
  poolSize: 80,
  proveNodes: 50_000,
  anchorShare: 0.05,
  ownWeights: { reach: 1, warming: 0.6, purpose: 1.5, goals: 0.6, recentTable: 0.6 },
  quietDays: 180,
  recentDays: 90,
};

const resolve = (options: Partial<CompositionOptions> = {}): CompositionOptions => ({
  ...COMPOSE_DEFAULTS,
  ...options,
  ownWeights: { ...COMPOSE_DEFAULTS.ownWeights, ...options.ownWeights },
});

const DEFAULT_SHARE = 0.5;

/** Everything one call prepares: who may sit, own values, the anchor set. */
interface Setting {
  readonly model: EngineModel;
  readonly input: CompositionInput;
  readonly options: CompositionOptions;
  readonly pv: PairValueOptions;
  readonly own: OwnContext;
  /** Own value of each eligible person, the host's pair left out (0 for the others). */
  readonly ownValue: Float64Array;
  readonly must: readonly number[];
  /** Eligible people besides the must-invites, ascending. */
  readonly eligible: readonly number[];
  readonly isAnchor: Uint8Array | null;
  readonly maxPerCircle: number;
  readonly never: ReadonlySet<number>;
}

const nameOf = (model: EngineModel, i: number): string => model.profiles[i]?.name ?? `#${i}`;

const checkIndices = (model: EngineModel, list: readonly number[] | undefined, field: string) => {
  for (const i of list ?? [])
    if (!Number.isInteger(i) || i < 0 || i >= model.n)
      throw new RangeError(`${field}: ${i} is not a person of the model`);
};

/** The seats left to the composer's choice for a circle cap of `share`. */
const capOf = (share: number | undefined, seats: number): number => {
  const s = share ?? DEFAULT_SHARE;
  return s >= 1 ? Infinity : Math.max(1, Math.floor(s * seats));
};

/** The people with the highest reach among `people`: at least `seats`, else `share` of them. */
const anchorsAmong = (
  people: readonly number[],
  reach: Float64Array | undefined,
  share: number,
  seats: number,
  n: number,
): Uint8Array | null => {
  if (!reach) return null;
  const reached = people.filter((i) => (reach[i] ?? 0) > 0);
  if (reached.length === 0) return null;
  const count = Math.min(reached.length, Math.max(seats, Math.ceil(share * people.length)));
  const isAnchor = new Uint8Array(n);
  for (const i of bestBy(reached, (i) => reach[i]!, count)) isAnchor[i] = 1;
  return isAnchor;
};

/** The conflicts among the host's constraints that no choice of guests can resolve. */
const conflictsOf = (
  model: EngineModel,
  input: CompositionInput,
  must: readonly number[],
  eligibleCount: number | null,
): Conflict[] => {
  const { seats } = input;
  const out: Conflict[] = [];
  if (!Number.isInteger(seats) || seats < 1)
    return [{ constraints: ['seats'], message: `A table needs at least one seat (got ${seats}).` }];
  const excluded = new Set(input.exclude ?? []);
  const unavailable = new Set(input.unavailable ?? []);
  for (const m of must) {
    if (excluded.has(m))
      out.push({
        constraints: ['must', 'exclude'],
        message: `${nameOf(model, m)} is both to be invited and excluded.`,
      });
    if (unavailable.has(m))
      out.push({
        constraints: ['must', 'unavailable'],
        message: `${nameOf(model, m)} must be invited but is already invited elsewhere that day.`,
      });
    if (m === model.self)
      out.push({ constraints: ['must'], message: 'You are the host: you need no seat.' });
  }
  if (must.length > seats)
    out.push({
      constraints: ['must', 'seats'],
      message: `${must.length} people must be invited but the table has ${seats} seats.`,
    });
  const mustSet = new Set(must);
  for (const [a, b] of input.neverTogether ?? [])
    if (mustSet.has(a) && mustSet.has(b))
      out.push({
        constraints: ['must', 'neverTogether'],
        message: `${nameOf(model, a)} and ${nameOf(model, b)} must both be invited but may never sit together.`,
      });
  const cap = capOf(input.maxShareFromOneCircle, seats);
  const perCircle = new Map<number, number[]>();
  for (const m of must) {
    const c = model.communityOf[m] ?? -1;
    if (c >= 0) perCircle.set(c, [...(perCircle.get(c) ?? []), m]);
  }
  for (const [c, people] of perCircle)
    if (people.length > cap)
      out.push({
        constraints: ['must', 'maxShareFromOneCircle'],
        message: `${people.length} must-invites are from one circle (${model.circleNames[c] ?? `circle ${c + 1}`}) but at most ${cap} of ${seats} guests may be.`,
      });
  if (out.length > 0 || eligibleCount === null) return out;
  if (eligibleCount + must.length === 0)
    return [{ constraints: ['candidates'], message: 'There are no candidates to invite.' }];
  if (eligibleCount + must.length < seats)
    return [
      {
        constraints: ['candidates', 'seats'],
        message: `Only ${eligibleCount + must.length} candidates for ${seats} seats.`,
      },
    ];
  return [];
};

/** Prepares a call, or the conflicts that make any table impossible. */
const settingOf = (
  model: EngineModel,
  input: CompositionInput,
  options: CompositionOptions,
  countCandidates = true,
): Setting | Conflict[] => {
  for (const field of ['candidates', 'must', 'exclude', 'unavailable'] as const)
    checkIndices(model, input[field], field);
  checkIndices(model, (input.neverTogether ?? []).flat(), 'neverTogether');
  const must = [...new Set(input.must ?? [])];
  const out = new Uint8Array(model.n);
  for (const i of [...(input.exclude ?? []), ...(input.unavailable ?? []), ...must]) out[i] = 1;
  if (model.self !== null) out[model.self] = 1;
  const eligible: number[] = [];
  if (input.candidates) {
    const listed = new Uint8Array(model.n);
    for (const i of input.candidates) listed[i] = 1;
    for (let i = 0; i < model.n; i++) if (listed[i] && !out[i]) eligible.push(i);
  } else for (let i = 0; i < model.n; i++) if (!out[i]) eligible.push(i);
  const conflicts = conflictsOf(model, input, must, countCandidates ? eligible.length : null);
  if (conflicts.length > 0) return conflicts;
  const own = ownContext(model, input, options);
  const ownValue = new Float64Array(model.n);
  for (const i of eligible) ownValue[i] = ownValueOf(own, ownParts(own, i));
  const isAnchor =
    input.anchor === false
      ? null
      : anchorsAmong(
          [...must, ...eligible],
          input.reach,
          options.anchorShare,
          input.seats,
          model.n,
        );
  return {
    model,
    input,
    options,
    pv: resolvePairValueOptions(),
    own,
    ownValue,
    must,
    eligible,
    isAnchor,
    maxPerCircle: capOf(input.maxShareFromOneCircle, input.seats),
    never: new Set((input.neverTogether ?? []).map(([a, b]) => pairKey(a, b))),
  };
};

/** A pair's value on the model (0 for the same person). */
const pairOf = (s: Setting, a: number, b: number): number =>
  a === b ? 0 : pairScore(s.model, a, b, s.pv).value;

/** Own value of each person, the host's pair with them included. */
const gainOf = (s: Setting, i: number): number =>
  ownValueOf(s.own, ownParts(s.own, i)) + (s.model.self !== null ? pairOf(s, s.model.self, i) : 0);

/**
 * The best `count` of `people` by a score, best first (ties by index). Long lists are cut at
 * the count-th best score first (a native typed-array sort), so only the few above it are
 * sorted with their tie-break.
 */
const bestBy = (
  people: readonly number[],
  score: (i: number) => number,
  count: number,
): number[] => {
  const scores = new Float64Array(people.length);
  for (let at = 0; at < people.length; at++) scores[at] = score(people[at]!);
  let kept: number[] = [];
  if (people.length > 4 * count && count > 0) {
    const threshold = Float64Array.from(scores).sort()[people.length - count]!;
    let equal = 0;
    for (let at = 0; at < people.length; at++) if (scores[at]! > threshold) kept.push(at);
    for (let at = 0; at < people.length && kept.length + equal < count; at++)
      if (scores[at] === threshold) {
        kept.push(at);
        equal++;
      }
  } else kept = Array.from(people, (_, at) => at);
  return kept
    .sort((a, b) => scores[b]! - scores[a]! || people[a]! - people[b]!)
    .slice(0, count)
    .map((at) => people[at]!);
};

/** The candidates weighed in full: must-invites, the best anchors, then the best by own value. */
const poolOf = (s: Setting, reserved: readonly number[]): number[] => {
  const { poolSize } = s.options;
  const own = (i: number): number => s.ownValue[i]!;
  const shortlist = bestBy(s.eligible, own, Math.max(poolSize * 3, 1));
  const gains = new Map(shortlist.map((i) => [i, gainOf(s, i)]));
  const byGain = (i: number): number => gains.get(i) ?? 0;
  const chosen = new Set([...s.must, ...reserved]);
  if (s.isAnchor) {
    const anchors = s.eligible.filter((i) => s.isAnchor![i] === 1);
    for (const i of bestBy(anchors, own, 3)) gains.set(i, gains.get(i) ?? gainOf(s, i));
    for (const i of bestBy(anchors, byGain, 3)) chosen.add(i);
  }
  for (const i of bestBy(shortlist, byGain, poolSize)) {
    if (chosen.size >= Math.max(poolSize, s.must.length + s.input.seats)) break;
    chosen.add(i);
  }
  return [...chosen].sort((a, b) => a - b);
};

/** The solvers' instance over a pool (people by pool position). */
const instanceOf = (s: Setting, pool: readonly number[]): TableInstance => {
  const n = pool.length;
  const weights = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const w = pairOf(s, pool[a]!, pool[b]!);
      weights[a * n + b] = w;
      weights[b * n + a] = w;
    }
  const at = new Map(pool.map((x, p) => [x, p]));
  const never: Array<readonly [number, number]> = [];
  for (const [a, b] of s.input.neverTogether ?? []) {
    const pa = at.get(a);
    const pb = at.get(b);
    if (pa !== undefined && pb !== undefined && pa !== pb) never.push([pa, pb]);
  }
  return {
    n,
    k: s.input.seats,
    weights,
    gain: Float64Array.from(pool, (x) => gainOf(s, x)),
    must: s.must.map((m) => at.get(m)!),
    never,
    ...(Number.isFinite(s.maxPerCircle)
      ? {
          groupOf: Int32Array.from(pool, (x) => s.model.communityOf[x] ?? -1),
          maxPerGroup: s.maxPerCircle,
        }
      : {}),
    ...(s.isAnchor ? { anchors: pool.flatMap((x, p) => (s.isAnchor![x] ? [p] : [])) } : {}),
  };
};

/** Why a guest is at the table, most important first. */
const reasonsFor = (s: Setting, guest: number, table: readonly number[]): string[] => {
  const { model } = s;
  const parts = ownParts(s.own, guest);
  const reasons: string[] = [];
  if (s.must.includes(guest)) reasons.push('You asked to invite them.');
  let partner = -1;
  let best = 0;
  for (const other of table) {
    if (other === guest) continue;
    const w = pairOf(s, guest, other);
    if (w > best) {
      best = w;
      partner = other;
    }
  }
  if (partner >= 0) {
    const pair = explainPair(model, guest, partner, pairScore(model, guest, partner, s.pv), s.pv);
    reasons.push(`Should meet ${nameOf(model, partner)}: ${pair.sentence}`);
  }
  const words = matchedWords(s.own, guest);
  if (words.length > 0) reasons.push(`Fits the purpose: ${words.join(', ')}.`);
  const quiet = s.input.quietTies?.get(guest);
  if (parts.warming > 0 && quiet !== undefined)
    reasons.push(`You have not been in touch for ${Math.round(quiet)} days: a tie worth warming.`);
  if (parts.goals > 0) reasons.push('You want to grow closer to them.');
  if (s.isAnchor?.[guest]) reasons.push('One of the best-connected people you know.');
  const recent = s.input.recentTable?.get(guest);
  if (parts.recentTable > 0 && recent !== undefined)
    reasons.push(`Sat at your table ${Math.round(recent)} days ago, so counts a little less.`);
  return reasons;
};

/** The three strongest guest pairs, explained. */
const strongestPairs = (s: Setting, table: readonly number[]): StrongPair[] => {
  const pairs: Array<[number, number, number]> = [];
  for (let a = 0; a < table.length; a++)
    for (let b = a + 1; b < table.length; b++)
      pairs.push([table[a]!, table[b]!, pairOf(s, table[a]!, table[b]!)]);
  pairs.sort((p, q) => q[2] - p[2] || p[0] - q[0] || p[1] - q[1]);
  return pairs.slice(0, 3).map(([a, b, value]) => {
    const pair = explainPair(s.model, a, b, pairScore(s.model, a, b, s.pv), s.pv);
    return { a, b, value, sentence: pair.sentence };
  });
};

/** The table's value, guests with their reasons and the strongest pairs. */
const describe = (
  s: Setting,
  table: readonly number[],
  candidates: number,
  proof: Proof,
): Extract<CompositionResult, { kind: 'composed' }> => {
  const gains = table.map((g) => gainOf(s, g));
  let value = gains.reduce((sum, g) => sum + g, 0);
  const guests: ComposedGuest[] = table.map((g, at) => {
    let contribution = gains[at]!;
    for (const other of table) if (other !== g) contribution += pairOf(s, g, other);
    return { index: g, ownValue: gains[at]!, contribution, reasons: reasonsFor(s, g, table) };
  });
  for (let a = 0; a < table.length; a++)
    for (let b = a + 1; b < table.length; b++) value += pairOf(s, table[a]!, table[b]!);
  guests.sort((p, q) => q.contribution - p.contribution || p.index - q.index);
  return {
    kind: 'composed',
    guests,
    strongestPairs: strongestPairs(s, table),
    value,
    candidates,
    proof,
  };
};

/** No table satisfies the soft constraints together: name the ones that could be relaxed. */
const noTable = (s: Setting): CompositionResult => {
  const constraints: Conflict['constraints'][number][] = [];
  if ((s.input.neverTogether ?? []).length > 0) constraints.push('neverTogether');
  if (Number.isFinite(s.maxPerCircle)) constraints.push('maxShareFromOneCircle');
  if (s.isAnchor) constraints.push('anchor');
  if (s.must.length > 0) constraints.push('must');
  return {
    kind: 'infeasible',
    conflicts: [
      {
        constraints: constraints.length > 0 ? constraints : ['candidates'],
        message: `No table of ${s.input.seats} among the candidates keeps every constraint.`,
      },
    ],
  };
};

/**
 * The best table the composer finds for the host's input, explained; or the conflicts that
 * make any table impossible. Same input and seed, same table.
 */
export const composeTable: ComposeTable = (model, input, overrides) => {
  const options = resolve(overrides);
  const s = settingOf(model, input, options);
  if (Array.isArray(s)) return { kind: 'infeasible', conflicts: s };
  const pool = poolOf(s, []);
  const instance = instanceOf(s, pool);
  const found = solveHeuristic(instance, { seed: input.seed ?? 1 });
  let chosen = found.chosen;
  let proof: Proof = { kind: 'unproven' };
  if (options.proveNodes > 0 || chosen.length === 0) {
    const exact = solveExact(instance, {
      maxNodes: Math.max(options.proveNodes, chosen.length === 0 ? 100_000 : 0),
      ...(chosen.length > 0 ? { incumbent: chosen } : {}),
    });
    if (exact.chosen.length > 0) chosen = exact.chosen;
    proof = exact.proof;
  }
  if (chosen.length === 0) return noTable(s);
  if (proof.kind === 'unproven') {
    const bound = rootBound(instance);
    const value = found.value;
    proof = bound <= value + 1e-9 ? { kind: 'optimal' } : { kind: 'gap', atMost: bound - value };
  }
  return describe(
    s,
    chosen.map((p) => pool[p]!),
    pool.length,
    proof,
  );
};

/**
 * A table the host edited (locked, removed, replaced), explained like a composed one; its
 * proof is 'unproven'. Conflicts of the input are reported as for `composeTable`.
 */
export const explainTable = (
  model: EngineModel,
  input: CompositionInput,
  table: readonly number[],
  overrides?: Partial<CompositionOptions>,
): CompositionResult => {
  checkIndices(model, table, 'table');
  const s = settingOf(model, { ...input, must: [] }, resolve(overrides), false);
  if (Array.isArray(s)) return { kind: 'infeasible', conflicts: s };
  return describe(s, [...new Set(table)], s.eligible.length, { kind: 'unproven' });
};

/** Whether `c` may take a seat next to `rest` under the input's constraints. */
const fitsWith = (s: Setting, c: number, rest: readonly number[]): boolean => {
  if (rest.some((r) => s.never.has(pairKey(c, r)))) return false;
  const circle = s.model.communityOf[c] ?? -1;
  if (circle >= 0 && Number.isFinite(s.maxPerCircle)) {
    const same = rest.filter((r) => s.model.communityOf[r] === circle).length;
    if (same + 1 > s.maxPerCircle) return false;
  }
  if (s.isAnchor && !rest.some((r) => s.isAnchor![r]) && !s.isAnchor[c]) return false;
  return true;
};

export const replacementsFor: ReplacementsFor = (
  model,
  input,
  table,
  seatOf,
  count = 3,
  overrides,
) => {
  checkIndices(model, [...table, seatOf], 'table');
  const s = settingOf(
    model,
    { ...input, must: [], exclude: [...(input.exclude ?? []), ...table] },
    resolve(overrides),
    false,
  );
  if (Array.isArray(s) || (input.must ?? []).includes(seatOf)) return [];
  const rest = table.filter((g) => g !== seatOf);
  const worth = (c: number): number =>
    gainOf(s, c) + rest.reduce((sum, r) => sum + pairOf(s, c, r), 0);
  const current = worth(seatOf);
  const candidates = poolOf(s, []).filter((c) => fitsWith(s, c, rest));
  return bestBy(candidates, worth, count).map((c) => ({
    index: c,
    delta: worth(c) - current,
    reasons: reasonsFor(s, c, [...rest, c]),
  })) satisfies Replacement[];
};
