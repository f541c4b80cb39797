import { describe, expect, it } from 'vitest';
import { createRng, randomInt } from '../domain/random';
import { PairIndex } from './pair-index';

describe('PairIndex', () => {
  it('finds a pair in either order and refuses to add it twice', () => {
    const index = new PairIndex(4);
    expect(index.add(7, 3, 42)).toBe(true);
    expect(index.get(3, 7)).toBe(42);
    expect(index.get(7, 3)).toBe(42);
    expect(index.add(3, 7, 43)).toBe(false);
    expect(index.get(3, 7)).toBe(42);
    expect(index.get(0, 3)).toBe(-1);
    expect(index.size).toBe(1);
  });

  it('keeps person 0 apart from an empty slot', () => {
    const index = new PairIndex(2);
    expect(index.get(0, 1)).toBe(-1);
    index.add(0, 1, 0);
    expect(index.get(1, 0)).toBe(0);
  });

  it('agrees with a Set of a·n + b keys while growing far past its expected size', () => {
    const n = 500;
    const index = new PairIndex(8);
    const reference = new Map<number, number>();
    const rng = createRng(3);
    let disagreements = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = randomInt(rng, n);
      const y = randomInt(rng, n);
      const key = Math.min(x, y) * n + Math.max(x, y);
      if (index.add(x, y, i) === reference.has(key)) disagreements++;
      if (!reference.has(key)) reference.set(key, i);
    }
    for (const [key, value] of reference) {
      if (index.get(Math.floor(key / n), key % n) !== value) disagreements++;
    }
    expect(disagreements).toBe(0);
    expect(index.size).toBe(reference.size);
  });
});
