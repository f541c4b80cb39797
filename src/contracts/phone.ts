/**
 * How every surface (web, CLI) shows a stored phone number: E.164 in international format
 * (`+49301234567` → `+49 30 1234567`), an extension after it; a number whose country is
 * unknown as it was stored.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export const formatPhone = (stored: string): string => {
  const [main = stored, ext] = stored.split(';ext=');
  if (!main.startsWith('+')) return stored;
  const parsed = parsePhoneNumberFromString(main);
  if (!parsed?.isPossible()) return stored;
  const international = parsed.formatInternational();
  return ext ? `${international} ext. ${ext}` : international;
};
