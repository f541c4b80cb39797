/** The keys that say two contacts are the same person: email, LinkedIn profile, phone, name. */
import { normalizeEmail, words } from '../domain/text';

/**
 * A URL already in the canonical form (lower case, nothing to escape): its own normal form.
 * LinkedIn exports write most of them so, and every key is computed from one.
 */
const CANONICAL_LINKEDIN = /^https:\/\/www\.linkedin\.com\/(?:in|pub)\/[a-z0-9\-_.!~*'()]+$/;

/**
 * A LinkedIn profile URL in one canonical form, `https://www.linkedin.com/in/slug`, from any of
 * `http://`, `linkedin.com/in/Slug/`, `de.linkedin.com/in/slug?trk=…`. Null when the text is
 * not a LinkedIn profile URL.
 */
export const normalizeLinkedInUrl = (url: string): string | null => {
  if (CANONICAL_LINKEDIN.test(url)) return url;
  const match =
    /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/(in|pub)\/([^/?#\s]+)/i.exec(
      url.trim(),
    );
  if (!match?.[2]) return null;
  let slug = match[2];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A malformed escape: keep the slug as written.
  }
  return `https://www.linkedin.com/${match[1]?.toLowerCase()}/${encodeURIComponent(slug.toLowerCase())}`;
};

/** The email key: trimmed and lower-cased. */
export const emailKey = (email: string): string => normalizeEmail(email);

/** A name or organisation as its folded words, so "José  García" and "jose garcia" agree. */
export const wordsKey = (text: string | null | undefined): string => {
  if (!text) return '';
  // ASCII needs no Unicode folding: the same words, several times faster on 50,000 names.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is for ASCII.
  if (/^[\x00-\x7f]*$/.test(text)) {
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return words(text).join(' ');
};
