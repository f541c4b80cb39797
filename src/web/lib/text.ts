/** Small text helpers for forms and labels. */
export { plural } from '../../domain/text';

/** Splits a list typed into one box: by newline, and also by comma when `commas` is set. */
export const splitList = (text: string, commas = true): string[] =>
  text
    .split(commas ? /[\n,]/ : /\n/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** The initials for an avatar: "Dana Okafor" → "DO", "dana@example.com" → "D". */
export const initialsOf = (name: string): string => {
  const parts = name
    .replace(/@.*/, '')
    .split(/\s+/)
    .filter((p) => /\p{L}/u.test(p));
  const first = parts[0]?.[0] ?? name[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
};

/** A stable small number for a string, to pick one of a few avatar tones. */
export const toneOf = (text: string, tones: number): number => {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(hash) % tones;
};

const ordinalRules = new Intl.PluralRules('en', { type: 'ordinal' });
const ORDINAL_SUFFIX: Readonly<Record<string, string>> = {
  one: 'st',
  two: 'nd',
  few: 'rd',
  other: 'th',
};

/** "1st", "2nd", "23rd": a rank in words. */
export const ordinalOf = (n: number): string =>
  `${n.toLocaleString()}${ORDINAL_SUFFIX[ordinalRules.select(n)] ?? 'th'}`;
