/**
 * A chosen set with its gain vector kept up to date, shared by the heuristic and the exact
 * search: D[x] = gain[x] + Σ over chosen s of w(x, s), so adding x changes the value by D[x],
 * and swapping u out for v changes it by D[v] − D[u] − w(u, v). Adding or removing a person
 * updates D, the never-together conflict counts and the circle counts in O(n).
 */
import { type Rules, rulesOf } from './instance';
import type { TableInstance } from './types';

/** The weights with a zero diagonal (a copy only when some diagonal entry is not 0). */
const zeroDiagonal = (weights: Float64Array, n: number): Float64Array => {
  let clean = true;
  for (let i = 0; i < n && clean; i++) clean = weights[i * n + i] === 0;
  if (clean) return weights;
  const copy = Float64Array.from(weights);
  for (let i = 0; i < n; i++) copy[i * n + i] = 0;
  return copy;
};

export class TableState {
  readonly n: number;
  readonly k: number;
  readonly weights: Float64Array;
  readonly rules: Rules;
  /** D[x]: what adding x would add (for chosen x: what removing x would take away). */
  readonly gainOf: Float64Array;
  /** How many chosen people x may never sit with. */
  readonly conflicts: Int32Array;
  readonly groupCount: Int32Array;
  readonly inTable: Uint8Array;
  /** Chosen people, in the order they came in (swap-remove on leaving). */
  readonly members: Int32Array;
  size = 0;
  anchors = 0;
  value = 0;

  constructor(instance: TableInstance) {
    this.n = instance.n;
    this.k = instance.k;
    this.weights = zeroDiagonal(instance.weights, instance.n);
    this.rules = rulesOf(instance);
    this.gainOf = Float64Array.from(instance.gain);
    this.conflicts = new Int32Array(this.n);
    this.groupCount = new Int32Array(Math.max(1, this.rules.groups));
    this.inTable = new Uint8Array(this.n);
    this.members = new Int32Array(Math.max(1, this.k));
  }

  /** Whether x can join the current table (not in it, no conflict, circle not full). */
  canAdd(x: number): boolean {
    if (this.inTable[x] || this.conflicts[x]! > 0) return false;
    const g = this.rules.groupOf[x]!;
    return g < 0 || this.groupCount[g]! < this.rules.maxPerGroup;
  }

  /** Whether swapping chosen u for outsider v keeps every constraint. */
  canSwap(u: number, v: number): boolean {
    const { rules, n } = this;
    if (rules.isMust[u] || this.inTable[v]) return false;
    const clash = rules.never ? rules.never[u * n + v]! : 0;
    if (this.conflicts[v]! - clash > 0) return false;
    const g = rules.groupOf[v]!;
    if (g >= 0 && g !== rules.groupOf[u] && this.groupCount[g]! >= rules.maxPerGroup) return false;
    return !rules.needsAnchor || this.anchors - rules.isAnchor[u]! + rules.isAnchor[v]! >= 1;
  }

  add(x: number): void {
    const { n, weights, gainOf } = this;
    this.value += gainOf[x]!;
    const row = x * n;
    for (let y = 0; y < n; y++) gainOf[y]! += weights[row + y]!;
    for (const y of this.rules.neverOf[x]!) this.conflicts[y]!++;
    const g = this.rules.groupOf[x]!;
    if (g >= 0) this.groupCount[g]!++;
    this.anchors += this.rules.isAnchor[x]!;
    this.inTable[x] = 1;
    this.members[this.size++] = x;
  }

  remove(x: number): void {
    const { n, weights, gainOf } = this;
    const row = x * n;
    for (let y = 0; y < n; y++) gainOf[y]! -= weights[row + y]!;
    this.value -= gainOf[x]!;
    for (const y of this.rules.neverOf[x]!) this.conflicts[y]!--;
    const g = this.rules.groupOf[x]!;
    if (g >= 0) this.groupCount[g]!--;
    this.anchors -= this.rules.isAnchor[x]!;
    this.inTable[x] = 0;
    const at = this.members.indexOf(x);
    this.members[at] = this.members[--this.size]!;
  }

  /** Empties the table and fills it with `chosen`. */
  load(chosen: ArrayLike<number>): void {
    while (this.size > 0) this.remove(this.members[this.size - 1]!);
    for (let a = 0; a < chosen.length; a++) this.add(chosen[a]!);
  }

  /** The chosen people, ascending. */
  chosen(): number[] {
    return Array.from(this.members.subarray(0, this.size)).sort((a, b) => a - b);
  }
}
