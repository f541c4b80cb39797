/** One entry point for every contacts file: detect the format (or take the host's), then parse. */
import { invalidInput } from '../domain/errors';
import { checkText, DETECT_BYTES, detectFormat, type ImportFormat } from './detect-format';
import { parseGoogleCsv } from './google-csv';
import type { ImportItem, ParseOptions } from './import-record';
import { parseLinkedInCsv } from './linkedin-csv';
import { parseOutlookCsv } from './outlook-csv';
import { type ByteSource, peekBytes } from './text-stream';
import { parseVCards } from './vcard-parse';

/** The formats `parseContacts` reads; the JSON backup has its own reader (restore). */
export type ContactsFormat = Exclude<ImportFormat, 'json'>;

export interface ParseContactsOptions extends ParseOptions {
  /** `auto` (the default) detects the format from the first bytes. */
  readonly format?: ImportFormat | 'auto';
}

const PARSERS: Readonly<
  Record<ContactsFormat, (source: ByteSource, options: ParseOptions) => AsyncGenerator<ImportItem>>
> = {
  linkedin: parseLinkedInCsv,
  google: parseGoogleCsv,
  outlook: parseOutlookCsv,
  vcard: parseVCards,
};

/**
 * Resolves the format of a source: the given one, or the detected one (reading only the first
 * bytes). Returns the format and a source that still yields every byte. Throws an
 * `invalid_input` DomainError for an empty, binary or unrecognisable file.
 */
export const resolveFormat = async (
  source: ByteSource,
  format: ImportFormat | 'auto' = 'auto',
): Promise<{ readonly format: ImportFormat; readonly source: AsyncIterable<Uint8Array> }> => {
  const peeked = await peekBytes(source, DETECT_BYTES);
  if (format === 'auto') return { format: detectFormat(peeked.head), source: peeked.source };
  checkText(peeked.head);
  return { format, source: peeked.source };
};

/**
 * Streams the items of a contacts file in any supported format. A JSON backup is rejected here
 * with a sentence that points to restore.
 */
export async function* parseContacts(
  source: ByteSource,
  options: ParseContactsOptions = {},
): AsyncGenerator<ImportItem> {
  const resolved = await resolveFormat(source, options.format);
  if (resolved.format === 'json') {
    throw invalidInput('This is a Salon backup (JSON): restore it instead of importing it.');
  }
  yield* PARSERS[resolved.format](resolved.source, options);
}
