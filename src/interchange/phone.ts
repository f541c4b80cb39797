/**
 * Phone numbers for matching and storage: E.164 (`+4922199991234`) where a country can be
 * inferred — the number starts with `+` (or `00`), or a default country is given — else the
 * digits as written, so that "(404) 555-1212" and "404.555.1212" still compare equal.
 */
import {
  type CountryCode,
  isPossiblePhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js';

export type { CountryCode };

export interface PhoneOptions {
  /** The country of numbers written without a `+` (ISO 3166 alpha-2, e.g. `DE`). */
  readonly defaultCountry?: CountryCode;
}

const E164 = /^\+[1-9]\d{6,14}(?:;ext=\d+)?$/;

const EXTENSION = /(?:;ext=|\s*(?:ext\.?|x|#)\s*)(\d+)\s*$/i;

/**
 * Normalises one phone number: E.164 (with `;ext=N` when it has an extension) where a country
 * can be inferred, else its digits (with a leading `+` kept). Null when it has no digits at all.
 */
export const normalizePhone = (raw: string, options: PhoneOptions = {}): string | null => {
  let text = raw.trim();
  // Already E.164 (what Salon stores): parsing it again would be slow and give the same.
  if (E164.test(text)) return text;
  if (text.toLowerCase().startsWith('tel:')) text = text.slice(4);
  if (!/\d/.test(text)) return null;
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  const international = text.startsWith('+');
  if (international || options.defaultCountry) {
    const parsed = parsePhoneNumberFromString(
      text.replace(/;ext=/i, ' ext. '),
      international ? undefined : options.defaultCountry,
    );
    if (parsed?.isPossible()) {
      return parsed.ext ? `${parsed.number};ext=${parsed.ext}` : parsed.number;
    }
  }
  const extension = EXTENSION.exec(text);
  const main = extension ? text.slice(0, extension.index) : text;
  const digits = `${international ? '+' : ''}${main.replace(/\D/g, '')}`;
  return extension ? `${digits};ext=${extension[1]}` : digits;
};

/**
 * The key two numbers match by: the normalised number without its extension, or null for
 * numbers too short to identify anyone (fewer than 7 digits).
 */
export const phoneKey = (phone: string, options: PhoneOptions = {}): string | null => {
  const trimmed = phone.trim();
  if (E164.test(trimmed)) return trimmed.split(';')[0] ?? trimmed;
  const normalised = normalizePhone(phone, options);
  if (normalised === null) return null;
  const main = normalised.split(';')[0] ?? '';
  return main.replace(/\D/g, '').length >= 7 ? main : null;
};

/** What an international phone number may be written with: `+`, digits, spaces, `()-./`. */
const PHONE_CHARACTERS = /^\+\d[\d\s().\-/]*(?:;ext=\d+)?$/;

/**
 * Whether `text` is one international phone number (`+491701112223`, `+49 30 1234567`), and
 * nothing else: no letters, no operators beyond the dashes and brackets numbers are written with.
 */
export const isPhoneNumber = (text: string): boolean =>
  PHONE_CHARACTERS.test(text) && isPossiblePhoneNumber(text.split(';')[0] ?? text);
