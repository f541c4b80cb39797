/**
 * The instance both solvers work on (types.ts, `TableInstance`): building one from sparse
 * weights, checking it, valuing a choice, and the constraint bookkeeping the heuristic and
 * the exact search share (never-together lookup, circle counts, anchors).
 */
import type { TableInstance } from './types';

/** Thrown for a malformed instance; `field` names what is wrong ("weights[3]", "must"). */
export class InstanceError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'InstanceError';
    this.field = field;
  }
}

/** The sparse form of an instance, as `bench compose --instance FILE` reads it. */
export interface SparseInstance {
  readonly n: number;
  readonly k: number;
  /** [i, j, w] triples; a pair given twice keeps the last weight; missing pairs weigh 0. */
  readonly weights: readonly (readonly [number, number, number])[];
  readonly gain?: readonly number[];
  readonly must?: readonly number[];
  readonly never?: readonly (readonly [number, number])[];
}

const isPerson = (n: number, i: unknown): i is number =>
  typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < n;

/** Checks a person list, naming the first bad entry. */
const checkPeople = (n: number, list: readonly unknown[], field: string): void => {
  for (const [at, i] of list.entries())
    if (!isPerson(n, i))
      throw new InstanceError(`${field}[${at}]`, `${String(i)} is not a person 0…${n - 1}`);
};

/** Checks a list of pairs of distinct people. */
const checkPairs = (n: number, pairs: readonly (readonly unknown[])[], field: string): void => {
  for (const [at, pair] of pairs.entries()) {
    if (!Array.isArray(pair) || pair.length < 2)
      throw new InstanceError(`${field}[${at}]`, 'expected a pair [i, j]');
    checkPeople(n, pair.slice(0, 2), `${field}[${at}]`);
    if (pair[0] === pair[1]) throw new InstanceError(`${field}[${at}]`, 'a pair of one person');
  }
};

/** A dense instance from the sparse form, checked: every problem named by its field. */
export const instanceFromSparse = (sparse: SparseInstance): TableInstance => {
  const { n, k } = sparse;
  if (!Number.isInteger(n) || n < 0) throw new InstanceError('n', 'must be a whole number ≥ 0');
  if (n > 5000) throw new InstanceError('n', 'at most 5000 people (the instance is dense)');
  if (!Number.isInteger(k) || k < 0) throw new InstanceError('k', 'must be a whole number ≥ 0');
  if (!Array.isArray(sparse.weights)) throw new InstanceError('weights', 'must be a list');
  const weights = new Float64Array(n * n);
  for (const [at, triple] of sparse.weights.entries()) {
    if (!Array.isArray(triple) || triple.length !== 3)
      throw new InstanceError(`weights[${at}]`, 'expected [i, j, w]');
    const [i, j, w] = triple;
    checkPeople(n, [i, j], `weights[${at}]`);
    if (typeof w !== 'number' || !Number.isFinite(w))
      throw new InstanceError(`weights[${at}]`, `weight ${String(w)} is not a finite number`);
    if (i === j) throw new InstanceError(`weights[${at}]`, 'a pair of one person');
    weights[i * n + j] = w;
    weights[j * n + i] = w;
  }
  const gainList = sparse.gain ?? [];
  if (!Array.isArray(gainList)) throw new InstanceError('gain', 'must be a list');
  if (gainList.length !== 0 && gainList.length !== n)
    throw new InstanceError('gain', `has ${gainList.length} entries, expected ${n}`);
  const gain = new Float64Array(n);
  for (const [at, g] of gainList.entries()) {
    if (typeof g !== 'number' || !Number.isFinite(g))
      throw new InstanceError(`gain[${at}]`, `${String(g)} is not a finite number`);
    gain[at] = g;
  }
  const must = sparse.must ?? [];
  const never = sparse.never ?? [];
  if (!Array.isArray(must)) throw new InstanceError('must', 'must be a list');
  if (!Array.isArray(never)) throw new InstanceError('never', 'must be a list');
  checkPeople(n, must, 'must');
  checkPairs(n, never, 'never');
  return { n, k, weights, gain, must: [...new Set(must)], never };
};

/** Σ gain + Σ pair weights of a choice. */
export const tableValue = (instance: TableInstance, chosen: readonly number[]): number => {
  const { n, weights, gain } = instance;
  let value = 0;
  for (let a = 0; a < chosen.length; a++) {
    const i = chosen[a]!;
    value += gain[i]!;
    for (let b = a + 1; b < chosen.length; b++) value += weights[i * n + chosen[b]!]!;
  }
  return value;
};

/** Constraint lookups shared by the solvers, built once per instance. */
export interface Rules {
  /** never[i·n + j] = 1 when i and j may not both be chosen; null when there are no such pairs. */
  readonly never: Uint8Array | null;
  /** Partners of each person in `never`. */
  readonly neverOf: readonly (readonly number[])[];
  readonly isMust: Uint8Array;
  /** Group of each person (−1: uncounted) and the cap per group (Infinity: none). */
  readonly groupOf: Int32Array;
  readonly maxPerGroup: number;
  readonly groups: number;
  readonly isAnchor: Uint8Array;
  /** Whether at least one anchor must be chosen. */
  readonly needsAnchor: boolean;
}

export const rulesOf = (instance: TableInstance): Rules => {
  const { n } = instance;
  const neverOf: number[][] = Array.from({ length: n }, () => []);
  let never: Uint8Array | null = null;
  if (instance.never.length > 0) {
    never = new Uint8Array(n * n);
    for (const [a, b] of instance.never) {
      if (never[a * n + b]) continue;
      never[a * n + b] = 1;
      never[b * n + a] = 1;
      neverOf[a]!.push(b);
      neverOf[b]!.push(a);
    }
  }
  const isMust = new Uint8Array(n);
  for (const i of instance.must) isMust[i] = 1;
  const groupOf = instance.groupOf ?? new Int32Array(n).fill(-1);
  let groups = 0;
  for (let i = 0; i < n; i++) if (groupOf[i]! + 1 > groups) groups = groupOf[i]! + 1;
  const maxPerGroup =
    instance.maxPerGroup !== undefined && instance.groupOf ? instance.maxPerGroup : Infinity;
  const isAnchor = new Uint8Array(n);
  for (const i of instance.anchors ?? []) isAnchor[i] = 1;
  return {
    never,
    neverOf,
    isMust,
    groupOf,
    maxPerGroup,
    groups,
    isAnchor,
    needsAnchor: (instance.anchors?.length ?? 0) > 0,
  };
};

/** Whether a full choice keeps every constraint (used to check answers, not in inner loops). */
export const isFeasible = (instance: TableInstance, chosen: readonly number[]): boolean => {
  const rules = rulesOf(instance);
  const set = new Set(chosen);
  if (set.size !== chosen.length || chosen.length !== instance.k) return false;
  if (instance.must.some((m) => !set.has(m))) return false;
  for (const [a, b] of instance.never) if (set.has(a) && set.has(b)) return false;
  const counts = new Map<number, number>();
  for (const i of chosen) {
    const g = rules.groupOf[i]!;
    if (g < 0) continue;
    counts.set(g, (counts.get(g) ?? 0) + 1);
    if (counts.get(g)! > rules.maxPerGroup) return false;
  }
  return !rules.needsAnchor || chosen.some((i) => rules.isAnchor[i] === 1);
};
