/**
 * Which program wrote a contacts file, told from its first bytes: a vCard begins with
 * `BEGIN:VCARD`, a Salon backup is JSON, and each CSV exporter has a header of its own.
 */

import iconv from 'iconv-lite';
import { invalidInput } from '../domain/errors';

/** The formats Salon imports. */
export type ImportFormat = 'linkedin' | 'google' | 'outlook' | 'vcard' | 'json';

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  'linkedin',
  'google',
  'outlook',
  'vcard',
  'json',
];

/** How many bytes `detectFormat` wants to see (it copes with fewer). */
export const DETECT_BYTES = 64 * 1024;

/** Lower-cased header names without quotes or surrounding spaces; a naive split is enough here. */
export const headerNames = (line: string): string[] =>
  line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());

/** LinkedIn `Connections.csv`, current (with URL) or older (without). */
export const isLinkedInHeader = (names: readonly string[]): boolean =>
  names.includes('first name') &&
  names.includes('last name') &&
  (names.includes('connected on') || (names.includes('company') && names.includes('position')));

/** Google Contacts CSV, current (`Labels`, `E-mail 1 - Label`) or legacy (`Given Name`, `Group Membership`). */
export const isGoogleHeader = (names: readonly string[]): boolean =>
  names.some((n) => /^(e-mail|phone) 1 - (value|label|type)$/.test(n)) ||
  (names.includes('given name') && names.includes('family name')) ||
  (names.includes('first name') && names.includes('labels'));

/** Outlook CSV: the desktop export (`"Title","First Name",…`) and what other programs write. */
export const isOutlookHeader = (names: readonly string[]): boolean =>
  names.includes('e-mail address') &&
  (names.includes('first name') || names.includes('last name') || names.includes('name'));

const decodeSample = (bytes: Uint8Array): string => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(Buffer.from(bytes), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(Buffer.from(bytes), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8 (or cut inside a character at the end of the sample): read it as Windows-1252.
    return iconv.decode(Buffer.from(bytes), 'win1252');
  }
};

/** True when the sample has NUL bytes or many control characters: an image, archive, etc. */
const looksBinary = (text: string): boolean => {
  let control = 0;
  const length = Math.min(text.length, 8192);
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
  }
  return control > length * 0.05;
};

/**
 * The first bytes as text, after checking that they are text at all: throws an `invalid_input`
 * DomainError for an empty file or a binary one.
 */
export const checkText = (firstBytes: Uint8Array): string => {
  const text = decodeSample(firstBytes).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw invalidInput('The file is empty.');
  if (looksBinary(text)) {
    throw invalidInput(
      'The file is not text (it looks like an image or an archive): export your contacts as CSV or vCard.',
    );
  }
  return text;
};

/**
 * The format of a contacts file from its first bytes (see `DETECT_BYTES`). Throws an
 * `invalid_input` DomainError with one sentence for an empty or binary file, or a text file
 * that is none of the formats.
 */
export const detectFormat = (firstBytes: Uint8Array): ImportFormat => {
  const text = checkText(firstBytes);
  const start = text.trimStart();
  if (/^begin:vcard/i.test(start)) return 'vcard';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const lines = start.split(/\r\n|\n|\r/, 200);
  for (const line of lines) {
    const names = headerNames(line);
    if (names.length < 2) continue;
    if (isLinkedInHeader(names)) return 'linkedin';
    if (isGoogleHeader(names)) return 'google';
    if (isOutlookHeader(names)) return 'outlook';
  }
  if (/^begin:vcard/im.test(text)) return 'vcard';
  throw invalidInput(
    'No recognisable header: expected a LinkedIn, Google or Outlook contacts CSV, a vCard file or a Salon backup.',
  );
};
