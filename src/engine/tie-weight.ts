/**
 * How much a tie counts in the engine: the host's strength mark, and how recently the two
 * people were last seen together. A tie kept warm this month carries more of PageRank, of the
 * circles and of the warmth of an introduction than one nobody has renewed in years.
 */
import type { Sighting } from '../domain/sighting';
import { type CompactGraph, rowStrength, tiePosition } from './graph';

/** A tie last renewed this long ago is half as fresh as one renewed today. */
export const RECENCY_HALF_LIFE_DAYS = 365;

/** Freshness in [0, 1]: 1 today, halving every half-life; 0 when the tie was never seen. */
const freshness = (daysSinceSeen: number | null): number =>
  daysSinceSeen === null ? 0 : 2 ** (-Math.max(0, daysSinceSeen) / RECENCY_HALF_LIFE_DAYS);

/**
 * The weight of a tie, in (0, 1]: strength 1–5 scaled to (0, 1], times a recency factor from
 * 1/2 (never seen together) to 1 (seen today).
 */
export const tieWeight = (strength: number, daysSinceSeen: number | null): number =>
  ((Math.max(1, Math.min(5, strength)) / 5) * (1 + freshness(daysSinceSeen))) / 2;

/**
 * Renews the ties of a graph still being built, whose weights were given as never seen
 * (`tieWeight(strength, null)`): each tie takes its most recent sighting. Sightings of people
 * who are not tied are ignored. Mutates `graph`; call it before anyone reads the graph.
 */
export const applySightings = (graph: CompactGraph, sightings: Iterable<Sighting>): void => {
  const latest = new Float64Array(graph.neighbors.length).fill(Number.POSITIVE_INFINITY);
  for (const { i, j, daysAgo } of sightings) {
    const p = tiePosition(graph, i, j);
    if (p < 0) continue;
    const q = tiePosition(graph, j, i);
    if (daysAgo < latest[p]!) latest[p] = daysAgo;
    if (daysAgo < latest[q]!) latest[q] = daysAgo;
  }
  const { offsets, weights, strength } = graph;
  for (let k = 0; k < weights.length; k++)
    if (latest[k]! < Number.POSITIVE_INFINITY) weights[k]! *= 1 + freshness(latest[k]!);
  for (let i = 0; i < graph.n; i++) strength[i] = rowStrength(offsets, weights, i);
};
