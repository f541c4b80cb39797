/** Text helpers shared by search, matching and the engine: pure and locale-independent. */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

const NON_ASCII = /[\u0080-\uffff]/;

const foldUnicode = (text: string): string =>
  text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/đ/g, 'd');

/**
 * Folds text for matching: lower case, diacritics removed, a few letters that do not decompose
 * spelled out, so that "jurgen" finds "Jürgen" and "lodz" finds "Łódź".
 */
export const fold = (text: string): string =>
  // Most names and emails are plain ASCII: lower-casing is all they need (and ten times faster).
  NON_ASCII.test(text) ? foldUnicode(text) : text.toLowerCase();

/** Splits folded text into search words: letters and digits, anything else separates. */
export const words = (text: string): string[] =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

/** Normalises an email for matching: trimmed and lower-cased. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isEmail = (text: string): boolean => EMAIL.test(text.trim());

/**
 * Control characters that have no place in typed text: C0 controls but tab, line feed and
 * carriage return, and DEL. PostgreSQL refuses NUL outright, so a value holding one must never
 * reach a store (SQLite would keep it, and its backup would not restore on PostgreSQL).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_CHARACTERS_GLOBAL = new RegExp(CONTROL_CHARACTERS.source, 'g');

export const hasControlCharacters = (text: string): boolean => CONTROL_CHARACTERS.test(text);

/** The text without its control characters (tab and line breaks stay). */
export const withoutControlCharacters = (text: string): string =>
  text.replace(CONTROL_CHARACTERS_GLOBAL, '');

/**
 * The dotted paths of every string (and object key) inside a parsed JSON value that holds a
 * control character, e.g. `emails.1` or `displayName`.
 */
export const controlCharacterPaths = (value: unknown, path: readonly string[] = []): string[] => {
  const here = path.join('.');
  if (typeof value === 'string') return hasControlCharacters(value) ? [here] : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => controlCharacterPaths(item, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(hasControlCharacters(key) ? [[...path, key].join('.')] : []),
      ...controlCharacterPaths(item, [...path, key]),
    ]);
  }
  return [];
};
