/**
 * A seeded pseudo-random generator (mulberry32). The pure layers never call `Math.random()`:
 * they take an `Rng` so the same seed gives the same network, suggestions and layouts.
 */
export type Rng = () => number;

export const createRng = (seed: number): Rng => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** An integer in [0, n). */
export const randomInt = (rng: Rng, n: number): number => Math.floor(rng() * n);

/** One element of a non-empty array. */
export const pick = <T>(rng: Rng, items: readonly T[]): T => {
  const item = items[randomInt(rng, items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
};

/** Shuffles a copy (Fisher–Yates). */
export const shuffled = <T>(rng: Rng, items: readonly T[]): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
};
