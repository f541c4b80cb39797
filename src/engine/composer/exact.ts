/**
 * The exact solver: branch and bound over the people in a fixed order, proving a table best
 * (or, when time runs out, bounding how much better the best table could be).
 *
 * People are ordered by their promise (own value plus half their strongest k−1 pair weights).
 * A node holds the table so far (the must-invites first) and the position from which people
 * may still be added. Its bound: each person c still allowed could add
 *   u(c) = D[c] + ½ · (the r−1 largest weights from c to others still allowed),
 * where D[c] is c's own value plus its weights to the table so far and r the seats left; a pair
 * among the newcomers is counted half from each end, so the r largest u(c) bound what the r
 * seats can add. The bound only falls as the position advances, so the loop over the next
 * person stops at the first position whose bound cannot beat the best table. On a timeout the
 * largest bound of the branches left unexplored bounds the optimum, and the gap is reported.
 */
import { solveHeuristic } from './heuristic';
import { isFeasible, tableValue } from './instance';
import { TableState } from './table-state';
import type { ExactOptions, InstanceSolution, TableInstance } from './types';

const EPS = 1e-9;

/** The branch-and-bound state over one instance. */
class BranchAndBound {
  private readonly state: TableState;
  private readonly order: Int32Array;
  private readonly rank: Int32Array;
  /** For each person, the others by weight to them, heaviest first. */
  private readonly byWeight: Int32Array[];
  private readonly top: Float64Array;
  bestValue = -Infinity;
  best: number[] = [];
  nodes = 0;
  timedOut = false;
  /** Largest bound among branches abandoned on the timeout. */
  openBound = -Infinity;
  private readonly deadline: number;
  private readonly maxNodes: number;
  private readonly clock: (() => number) | null;

  constructor(instance: TableInstance, options: ExactOptions) {
    this.state = new TableState(instance);
    const { n, k } = instance;
    const weights = this.state.weights;
    this.byWeight = Array.from({ length: n }, (_, c) => {
      const others = Int32Array.from({ length: n }, (_, x) => x).filter((x) => x !== c);
      return others.sort((x, y) => weights[c * n + y]! - weights[c * n + x]! || x - y);
    });
    const promise = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      let half = 0;
      const list = this.byWeight[c]!;
      for (let t = 0; t < Math.min(k - 1, list.length); t++) half += weights[c * n + list[t]!]!;
      promise[c] = instance.gain[c]! + half / 2;
    }
    this.order = Int32Array.from({ length: n }, (_, x) => x).sort(
      (x, y) => promise[y]! - promise[x]! || x - y,
    );
    this.rank = new Int32Array(n);
    for (let p = 0; p < n; p++) this.rank[this.order[p]!] = p;
    this.top = new Float64Array(k + 1);
    this.clock = options.clock ?? null;
    this.deadline = (this.clock?.() ?? 0) + options.timeLimitMs;
    this.maxNodes = options.maxNodes;
  }

  private outOfTime(): boolean {
    return this.nodes >= this.maxNodes || (this.clock !== null && this.clock() > this.deadline);
  }

  /** Whether c may be added at a node whose next position is `from`. */
  private allowed(c: number, from: number): boolean {
    return this.rank[c]! >= from && this.state.canAdd(c);
  }

  /** The node's bound: the table so far plus the r best u(c) over people from position `from`. */
  bound(from: number, r: number): number {
    const { state, order, top } = this;
    const { n, weights, gainOf, rules } = state;
    top.fill(-Infinity, 0, r);
    let anchorLeft = !rules.needsAnchor || state.anchors > 0;
    for (let p = from; p < n; p++) {
      const c = order[p]!;
      if (!state.canAdd(c)) continue;
      if (rules.isAnchor[c]) anchorLeft = true;
      let u = gainOf[c]!;
      let taken = 0;
      const list = this.byWeight[c]!;
      for (let t = 0; t < list.length && taken < r - 1; t++) {
        const x = list[t]!;
        if (!this.allowed(x, from)) continue;
        u += weights[c * n + x]! / 2;
        taken++;
      }
      if (taken < r - 1) continue;
      if (u <= top[r - 1]!) continue;
      let at = r - 1;
      while (at > 0 && top[at - 1]! < u) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = u;
    }
    if (!anchorLeft) return -Infinity;
    let sum = state.value;
    for (let t = 0; t < r; t++) sum += top[t]!;
    return sum;
  }

  private record(): void {
    if (this.state.rules.needsAnchor && this.state.anchors === 0) return;
    if (this.state.value > this.bestValue + EPS) {
      this.bestValue = this.state.value;
      this.best = this.state.chosen();
    }
  }

  /** Depth-first search from position `from` with `r` seats left. */
  search(from: number, r: number): void {
    const { state, order } = this;
    if (r === 0) {
      this.record();
      return;
    }
    for (let p = from; p <= state.n - r; p++) {
      if ((++this.nodes & 1023) === 0 && this.outOfTime()) this.timedOut = true;
      const b = this.bound(p, r);
      if (this.timedOut) {
        this.openBound = Math.max(this.openBound, b);
        return;
      }
      if (b <= this.bestValue + EPS) return;
      const c = order[p]!;
      if (!state.canAdd(c)) continue;
      state.add(c);
      this.search(p + 1, r - 1);
      state.remove(c);
      if (this.timedOut) {
        this.openBound = Math.max(this.openBound, b);
        return;
      }
    }
  }

  /**
   * People who cannot be at any table better than the best found: the bound with them seated
   * is no higher. On sparse instances this drops most of the pool before the search.
   */
  hopeless(must: readonly number[]): number[] {
    const { state } = this;
    const r = state.k - must.length;
    const out: number[] = [];
    for (let c = 0; c < state.n; c++) {
      if (!state.canAdd(c)) continue;
      state.add(c);
      let b = this.bound(0, r - 1);
      if (r === 1) {
        this.record();
        b = state.rules.needsAnchor && state.anchors === 0 ? -Infinity : state.value;
      }
      state.remove(c);
      if (b <= this.bestValue + EPS) out.push(c);
    }
    return out;
  }

  /** Puts the must-invites at the table; false when they already break a constraint. */
  seatMust(must: readonly number[]): boolean {
    for (const m of must) {
      if (!this.state.canAdd(m)) return false;
      this.state.add(m);
    }
    return true;
  }
}

/** The instance without the hopeless people, and the maps between the two; null if none is. */
const reduce = (
  instance: TableInstance,
  search: BranchAndBound,
): { instance: TableInstance; people: number[]; positionOf: Int32Array } | null => {
  if (search.best.length === 0) return null;
  const drop = new Uint8Array(instance.n);
  for (const c of search.hopeless(instance.must)) drop[c] = 1;
  for (const c of search.best) drop[c] = 0;
  const people: number[] = [];
  for (let x = 0; x < instance.n; x++) if (!drop[x]) people.push(x);
  if (people.length === instance.n) return null;
  const m = people.length;
  const positionOf = new Int32Array(instance.n).fill(-1);
  for (const [at, x] of people.entries()) positionOf[x] = at;
  const weights = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++)
      weights[a * m + b] = instance.weights[people[a]! * instance.n + people[b]!]!;
  const keep = (x: number): boolean => positionOf[x]! >= 0;
  const at = (x: number): number => positionOf[x]!;
  return {
    people,
    positionOf,
    instance: {
      n: m,
      k: instance.k,
      weights,
      gain: Float64Array.from(people, (x) => instance.gain[x]!),
      must: instance.must.map(at),
      never: instance.never
        .filter(([a, b]) => keep(a) && keep(b))
        .map(([a, b]) => [at(a), at(b)] as const),
      ...(instance.groupOf
        ? { groupOf: Int32Array.from(people, (x) => instance.groupOf![x]!) }
        : {}),
      ...(instance.maxPerGroup !== undefined ? { maxPerGroup: instance.maxPerGroup } : {}),
      ...(instance.anchors ? { anchors: instance.anchors.filter(keep).map(at) } : {}),
    },
  };
};

/**
 * The proven best table, or on a timeout the best found with the gap to the bound. An
 * infeasible instance gives an empty choice with proof 'optimal' (nothing exists).
 */
export const solveExact = (
  instance: TableInstance,
  options: Partial<ExactOptions> = {},
): InstanceSolution => {
  const settings: ExactOptions = { timeLimitMs: 20_000, maxNodes: Infinity, ...options };
  const started = settings.clock?.() ?? 0;
  const { n, k } = instance;
  const search = new BranchAndBound(instance, settings);
  const free = k - instance.must.length;
  if (k > n || free < 0 || !search.seatMust(instance.must))
    return { chosen: [], value: 0, proof: { kind: 'optimal' }, steps: 0 };
  const start =
    settings.incumbent ?? solveHeuristic(instance, { patience: 100, restarts: 2 }).chosen;
  if (start.length === k && isFeasible(instance, start)) {
    search.best = [...start].sort((a, b) => a - b);
    search.bestValue = tableValue(instance, start);
  }
  const reduced = free > 0 ? reduce(instance, search) : null;
  if (reduced) {
    const inner = solveExact(reduced.instance, {
      ...settings,
      timeLimitMs: Math.max(0, settings.timeLimitMs - ((settings.clock?.() ?? 0) - started)),
      maxNodes: settings.maxNodes - search.nodes,
      incumbent: search.best.map((x) => reduced.positionOf[x]!),
    });
    const chosen = inner.chosen.map((x) => reduced.people[x]!).sort((a, b) => a - b);
    return { ...inner, chosen, value: tableValue(instance, chosen) };
  }
  search.search(0, free);
  const chosen = search.best;
  const value = chosen.length > 0 ? tableValue(instance, chosen) : 0;
  if (!search.timedOut) return { chosen, value, proof: { kind: 'optimal' }, steps: search.nodes };
  const bound = Math.max(value, search.openBound);
  return {
    chosen,
    value,
    proof: bound <= value + EPS ? { kind: 'optimal' } : { kind: 'gap', atMost: bound - value },
    steps: search.nodes,
  };
};

/** The bound at the root (must-invites seated): how good any table can be, without a search. */
export const rootBound = (instance: TableInstance): number => {
  const search = new BranchAndBound(instance, { timeLimitMs: 0, maxNodes: 0 });
  if (instance.k > instance.n || !search.seatMust(instance.must)) return -Infinity;
  return search.bound(0, instance.k - instance.must.length);
};
