/** Summary statistics the benchmarks share. */

/** The p-quantile (0..1) of the samples, by nearest rank. */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
};

export const median = (samples: readonly number[]): number => percentile(samples, 0.5);

/** The `count` people whose degree is closest to `target` (ties broken by index). */
export const closestByDegree = (
  degrees: ArrayLike<number>,
  target: number,
  count: number,
): number[] =>
  Array.from(degrees, (k, i) => [Math.abs(k - target), i] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .slice(0, count)
    .map(([, i]) => i);
