/**
 * What counts as two people having been seen together, and as having met at the host's table.
 * A tie is renewed by the host's last contact with a person and by a moment both people
 * attended, unless the moment was too large for them to have necessarily met; a pair counts as
 * having already met only at a hosted table small enough for everyone to talk.
 */

/** Hosted tables larger than this are events, not a table where everyone talked. */
export const TABLE_SIZE = 12;

/**
 * Moments larger than this renew only the host's ties (through last contact): at a big event,
 * two guests who know each other did not necessarily meet.
 */
export const SIGHTING_SIZE = 30;

const DAY_MS = 86_400_000;

/** Two people (by index) seen together, `daysAgo` days ago. */
export interface Sighting {
  readonly i: number;
  readonly j: number;
  readonly daysAgo: number;
}

/** A moment as the sighting rules read it: its day, whether hosted, its size, who was there. */
export interface SeenMoment {
  /** The day it happened, YYYY-MM-DD. */
  readonly on: string;
  readonly hosted: boolean;
  /** How many people attended (those not at hand included). */
  readonly size: number;
  /** The people at hand who attended, by index. */
  readonly seated: readonly number[];
}

/** Whole days from an ISO date to `today` (negative for a date in the future). */
export const daysBetween = (isoDate: string, today: Date): number =>
  Math.floor((today.getTime() - Date.parse(isoDate)) / DAY_MS);

/** Every pair of people seated together. */
const pairsOf = (seated: readonly number[]): Array<readonly [number, number]> => {
  const pairs: Array<readonly [number, number]> = [];
  for (let x = 0; x < seated.length; x++)
    for (let y = x + 1; y < seated.length; y++) pairs.push([seated[x]!, seated[y]!]);
  return pairs;
};

/**
 * What renews ties and what counts as having met, for the people at hand: the host's last
 * contact with each of them, pairs seen together at a moment of up to `SIGHTING_SIZE` people,
 * and pairs seated at a hosted table of up to `TABLE_SIZE`. A network build and every patch
 * read them here, so a patch weighs a tie exactly as a rebuild does.
 */
export const sightingsOf = (
  host: number | null,
  contacts: ReadonlyArray<{ readonly i: number; readonly lastContactOn: string | null }>,
  moments: readonly SeenMoment[],
  today: Date,
): { sightings: Sighting[]; met: Array<readonly [number, number]> } => {
  const sightings: Sighting[] = [];
  const met: Array<readonly [number, number]> = [];
  if (host !== null)
    for (const { i, lastContactOn } of contacts)
      if (lastContactOn)
        sightings.push({ i: host, j: i, daysAgo: daysBetween(lastContactOn, today) });
  for (const { on, hosted, size, seated } of moments) {
    if (size <= SIGHTING_SIZE) {
      const daysAgo = daysBetween(on, today);
      for (const [i, j] of pairsOf(seated)) sightings.push({ i, j, daysAgo });
    }
    if (hosted && size <= TABLE_SIZE) met.push(...pairsOf(seated));
  }
  return { sightings, met };
};
