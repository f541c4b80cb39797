/**
 * A map from an unordered pair of person indexes to a tie index: open addressing with linear
 * probing over one interleaved Int32Array, so a million ties cost 25 MB and no per-pair
 * objects (a `Set<number>` of `a * n + b` keys works too but is several times slower).
 */

/** Slots hold the smaller index plus one, so a fresh (zeroed) array is all empty. */
const EMPTY = 0;

/** Mixes the two halves of a pair into a well-spread 32-bit hash (murmur3-style finaliser). */
const hashPair = (a: number, b: number): number => {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
};

/** Ints per slot: the smaller index + 1, the larger index, the value. One slot, one cache line. */
const STRIDE = 3;

export class PairIndex {
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  /** Sized for `expected` pairs at a load factor of at most one half; grows beyond. */
  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * STRIDE);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for the pair {x, y} (in either order), or -1. */
  get(x: number, y: number): number {
    const a = Math.min(x, y) + 1;
    const b = Math.max(x, y);
    const { slots, mask } = this;
    let slot = hashPair(a, b) & mask;
    for (;;) {
      const at = slot * STRIDE;
      const low = slots[at]!;
      if (low === EMPTY) return -1;
      if (low === a && slots[at + 1] === b) return slots[at + 2]!;
      slot = (slot + 1) & mask;
    }
  }

  /** Stores `value` for {x, y} unless the pair is present; says whether it was added. */
  add(x: number, y: number, value: number): boolean {
    if (this.count * 2 >= this.mask + 1) this.grow();
    const a = Math.min(x, y) + 1;
    const b = Math.max(x, y);
    const { slots, mask } = this;
    let slot = hashPair(a, b) & mask;
    for (;;) {
      const at = slot * STRIDE;
      const low = slots[at]!;
      if (low === EMPTY) {
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = value;
        this.count++;
        return true;
      }
      if (low === a && slots[at + 1] === b) return false;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * STRIDE);
    this.mask = capacity - 1;
    this.count = 0;
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at] !== EMPTY) this.add(old[at]! - 1, old[at + 1]!, old[at + 2]!);
    }
  }
}
