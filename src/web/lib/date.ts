/** Calendar dates as the web app shows them. Dates travel as YYYY-MM-DD, read in local time. */

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the user's own time zone, YYYY-MM-DD: what "today" means to someone at a wedding. */
export const todayIso = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** Parses YYYY-MM-DD (or a full timestamp) as a local calendar day. */
export const parseDay = (value: string): Date => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return new Date(value);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
};

const long = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const short = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "12 May 2025", or "12 May" within the current year when `compact`. */
export const formatDay = (value: string, compact = false, now: Date = new Date()): string => {
  const day = parseDay(value);
  if (Number.isNaN(day.getTime())) return value;
  return compact && day.getFullYear() === now.getFullYear() ? short.format(day) : long.format(day);
};

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "today", "3 weeks ago", "last year": how long since a calendar day. */
export const sinceDay = (value: string, now: Date = new Date()): string => {
  const day = parseDay(value);
  const today = parseDay(todayIso(now));
  const days = Math.round((day.getTime() - today.getTime()) / 86_400_000);
  const abs = Math.abs(days);
  if (abs < 7) return relative.format(days, 'day');
  if (abs < 45) return relative.format(Math.round(days / 7), 'week');
  if (abs < 365) return relative.format(Math.round(days / 30), 'month');
  return relative.format(Math.round(days / 365), 'year');
};

const dayMonthYear = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayMonth = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

/** A date from a contact card: "12 April 1980", or "12 April" for `--04-12` (no year). */
export const formatCardDate = (value: string): string => {
  const match = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const year = match[1] === '-' ? 2000 : Number(match[1]);
  const day = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3])));
  if (year < 100) day.setUTCFullYear(year);
  return (match[1] === '-' ? dayMonth : dayMonthYear).format(day);
};
