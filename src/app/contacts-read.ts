/**
 * Reading contact files for an import: each file streamed through its parser (format detected
 * or given), its records kept as compact records, its bad rows kept as problems naming the
 * file, line and field. The file text itself is never held: only what matching needs.
 */
import { DomainError, invalidInput } from '../domain/errors';
import type { ImportFormat } from '../interchange/detect-format';
import {
  applyGroups,
  buildImportItem,
  type ImportGroup,
  type ImportItem,
  type ImportProblem,
  type ImportRecord,
} from '../interchange/import-record';
import { parseContacts, resolveFormat } from '../interchange/parse-contacts';
import type { CountryCode } from '../interchange/phone';

/** The bytes of one file: a Node stream, a web stream's chunks, or the whole text. */
export type ImportBytes = AsyncIterable<Uint8Array | string>;

/** One file handed to an import. */
export interface ImportFile {
  /** The name problems are reported under (`Connections.csv:12: …`). */
  readonly name: string;
  readonly bytes: ImportBytes;
  /** `auto` (the default) detects the format from the first bytes. */
  readonly format?: ImportFormat | 'auto' | undefined;
}

/** A bad row of a file, every problem of it, each also as the `file:line: field: reason` line. */
export interface ImportRowProblem extends ImportProblem {
  readonly file: string;
  readonly text: string;
}

/** What the reading phase reports as it goes. */
export interface ReadProgress {
  readonly phase: 'reading';
  /** Bytes read so far, over every file. */
  readonly bytes: number;
  readonly records: number;
}

export interface ReadOptions {
  readonly defaultCountry?: CountryCode | undefined;
  readonly onProgress?: ((progress: ReadProgress) => void) | undefined;
}

/** Everything the files held. `origins[i]` is the index in `files` of `records[i]`. */
export interface ReadContacts {
  readonly files: ReadonlyArray<{ readonly name: string; readonly format: ImportFormat }>;
  readonly records: ImportRecord[];
  readonly origins: number[];
  /** How many rows were rejected (each with one or more problems). */
  readonly rejected: number;
  readonly problems: ImportRowProblem[];
}

/** The largest Salon backup read as contacts; restore is the way for whole workspaces. */
const MAX_BACKUP_CHARS = 512 * 2 ** 20;

/** Counts the bytes going through, to report progress on large files. */
async function* counting(
  bytes: ImportBytes,
  onBytes: (n: number) => void,
): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of bytes) {
    onBytes(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length);
    yield chunk;
  }
}

/** The whole text of a source (for the JSON backup, which is parsed whole). */
export const readAllText = async (bytes: ImportBytes, maxChars: number): Promise<string> => {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of bytes) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    length += text.length;
    if (length > maxChars) {
      throw new DomainError(
        'too_large',
        `The file is larger than ${Math.round(maxChars / 2 ** 20)} MB.`,
      );
    }
    parts.push(text);
  }
  parts.push(decoder.decode());
  return parts.join('').replace(/^\uFEFF/, '');
};

/**
 * The people of a Salon backup as import items (the host and everything but people left out):
 * importing a backup merges its people into this workspace; restoring it replaces an empty one.
 */
export async function* backupContactItems(bytes: ImportBytes): AsyncGenerator<ImportItem> {
  let document: unknown;
  try {
    document = JSON.parse(await readAllText(bytes, MAX_BACKUP_CHARS));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw invalidInput('The file is not valid JSON: it looks truncated or damaged.');
  }
  const people = (document as { format?: unknown; people?: unknown } | null)?.people;
  if (
    (document as { format?: unknown } | null)?.format !== 'salon-backup' ||
    !Array.isArray(people)
  ) {
    throw invalidInput('This JSON file is not a Salon backup (no "format": "salon-backup").');
  }
  for (const [index, entry] of people.entries()) {
    const p = (entry ?? {}) as Record<string, unknown>;
    if (p.isSelf === true) continue;
    const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
    const line = index + 1;
    const photo = p.photo as ImportRecord['photo'] | null;
    yield buildImportItem({
      line,
      source: 'backup',
      nameField: 'displayName',
      displayName: str(p.displayName),
      givenName: str(p.givenName),
      familyName: str(p.familyName),
      emails: list(p.emails).map((value) => ({ value, field: 'emails' })),
      phones: list(p.phones).map((value) => ({ value, field: 'phones' })),
      organization: str(p.organization),
      title: str(p.title),
      location: str(p.location),
      notes: str(p.notes),
      tags: list(p.tags),
      stature:
        typeof p.stature === 'number' ? { value: String(p.stature), field: 'stature' } : null,
      linkedinUrl: str(p.linkedinUrl),
      photo: photo?.kind === 'inline' || photo?.kind === 'url' ? photo : null,
    });
  }
}

/**
 * Reads every file: streams each through its parser and gathers compact records and problems.
 * Throws an `invalid_input` DomainError, prefixed with the file's name, for a file that cannot
 * be read at all (empty, binary, truncated, no recognisable header).
 */
export const readContactFiles = async (
  files: readonly ImportFile[],
  options: ReadOptions = {},
): Promise<ReadContacts> => {
  const read: Array<{ name: string; format: ImportFormat }> = [];
  const records: ImportRecord[] = [];
  const origins: number[] = [];
  const problems: ImportRowProblem[] = [];
  let rejected = 0;
  let bytes = 0;
  let reported = 0;
  let seen = 0;
  const report = (force = false) => {
    if (!options.onProgress) return;
    if (!force && bytes - reported < 256 * 1024) return;
    reported = bytes;
    options.onProgress({ phase: 'reading', bytes, records: seen });
  };

  for (const [index, file] of files.entries()) {
    try {
      const source = counting(file.bytes, (n) => {
        bytes += n;
        report();
      });
      const resolved = await resolveFormat(source, file.format ?? 'auto');
      read.push({ name: file.name, format: resolved.format });
      const items =
        resolved.format === 'json'
          ? backupContactItems(resolved.source)
          : parseContacts(resolved.source, {
              format: resolved.format,
              ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
            });
      const own: ImportRecord[] = [];
      const groups: ImportGroup[] = [];
      for await (const item of items) {
        if (item.kind === 'record') {
          own.push(item.record);
          seen++;
        } else if (item.kind === 'group') groups.push(item.group);
        else {
          rejected++;
          for (const problem of item.problems) {
            problems.push({
              ...problem,
              file: file.name,
              text: `${file.name}:${problem.line}: ${problem.field}: ${problem.reason}`,
            });
          }
        }
      }
      for (const record of applyGroups(own, groups)) {
        records.push(record);
        origins.push(index);
      }
      report(true);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') {
        throw invalidInput(`${file.name}: ${error.message}`, error.fields);
      }
      throw error;
    }
  }
  return { files: read, records, origins, rejected, problems };
};
