/**
 * Dates as whole days before `today`: the generator works in small integers (typed arrays of
 * "days ago") and turns them into ISO dates once, through a cache, at the end.
 */
import { invalidInput } from '../domain/errors';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date; throws `invalid_input` for anything else. */
export const parseIsoDay = (iso: string, field = 'today'): number => {
  const match = ISO_DATE.exec(iso);
  const day = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS
    : Number.NaN;
  if (!Number.isInteger(day) || isoOfDay(day) !== iso) {
    throw invalidInput(`${field} must be an ISO date (YYYY-MM-DD)`, [
      { field, reason: 'not an ISO date' },
    ]);
  }
  return day;
};

/** The ISO date of a day number. */
export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Turns "days before today" into ISO dates, each distinct offset computed once. */
export const daysAgoFormatter = (today: number): ((daysAgo: number) => string) => {
  const cache: string[] = [];
  return (daysAgo) => {
    let iso = cache[daysAgo];
    if (iso === undefined) {
      iso = isoOfDay(today - daysAgo);
      cache[daysAgo] = iso;
    }
    return iso;
  };
};
