/**
 * Reading contact files for an import: each file streamed through its parser (format detected
 * or given), each good record handed on as it comes, each bad row kept as problems naming the
 * file, line and field. Neither the text nor the records are held: a copy of the bytes is
 * (on disk past 16 MB, see `Spool`), so that the records can be read a second time.
 */
import { DomainError, invalidInput } from '../domain/errors';
import type { ImportFormat } from '../interchange/detect-format';
import {
  buildImportItem,
  type GroupIndex,
  groupIndex,
  type ImportGroup,
  type ImportItem,
  type ImportProblem,
  type ImportRecord,
  readDate,
  withGroups,
} from '../interchange/import-record';
import { parseContacts, resolveFormat } from '../interchange/parse-contacts';
import type { CountryCode } from '../interchange/phone';
import { Spool } from '../interchange/spool';

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

/** A good record read again, and the index in `files` of the file it is in. */
export interface RereadRecord {
  readonly record: ImportRecord;
  readonly file: number;
}

/** What the files held, but the records: they went by, and `reread` reads them again. */
export interface ReadContacts {
  readonly files: ReadonlyArray<{ readonly name: string; readonly format: ImportFormat }>;
  /** Good records, over every file. */
  readonly records: number;
  /** How many rows were rejected (each with one or more problems). */
  readonly rejected: number;
  readonly problems: ImportRowProblem[];
  /** The good records again, in the same order, each with the contact groups that name it. */
  reread(): AsyncGenerator<RereadRecord>;
  /**
   * The `index`-th good record, as handed on while reading, with the groups of its file that
   * name it: they are known only once the file has been read to its end.
   */
  withGroups(record: ImportRecord, index: number): ImportRecord;
  /** Lets go of the copies of the files. */
  dispose(): Promise<void>;
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
    const labels = (p.contactLabels ?? {}) as Record<string, { types?: unknown; label?: unknown }>;
    const typed = (value: string, field: string) => ({
      value,
      field,
      types: list(labels[value]?.types),
      label: str(labels[value]?.label),
    });
    yield buildImportItem({
      line,
      source: 'backup',
      nameField: 'displayName',
      displayName: str(p.displayName),
      givenName: str(p.givenName),
      familyName: str(p.familyName),
      emails: list(p.emails).map((value) => typed(value, 'emails')),
      phones: list(p.phones).map((value) => typed(value, 'phones')),
      organization: str(p.organization),
      title: str(p.title),
      location: str(p.location),
      notes: str(p.notes),
      tags: list(p.tags),
      stature:
        typeof p.stature === 'number' ? { value: String(p.stature), field: 'stature' } : null,
      linkedinUrl: str(p.linkedinUrl),
      photo: photo?.kind === 'inline' || photo?.kind === 'url' ? photo : null,
      websites: objects(p.websites, (w) =>
        str(w.url) ? { url: str(w.url) ?? '', label: str(w.label) } : null,
      ),
      // A backup from before 0009-contact-details kept them inside `profiles`.
      relatedNames: objects(p.relatedNames ?? (p.profiles as Profiles)?.relatedNames, (r) =>
        str(r.name) ? { name: str(r.name) ?? '', relation: str(r.relation) } : null,
      ),
      dates: objects(p.dates, (d) => {
        const date = typeof d.date === 'string' ? readDate(d.date) : null;
        const kind = DATE_KINDS.find((k) => k === d.kind);
        return date && kind ? { kind, date, label: str(d.label) } : null;
      }),
    });
  }
}

const DATE_KINDS = ['birthday', 'anniversary', 'other'] as const;

type Profiles = { readonly relatedNames?: unknown } | null | undefined;

/** The entries of a backup's list of objects that `read` makes sense of; the rest left out. */
const objects = <T>(value: unknown, read: (entry: Record<string, unknown>) => T | null): T[] =>
  Array.isArray(value)
    ? value.flatMap((entry) => {
        const item = typeof entry === 'object' && entry !== null ? read(entry) : null;
        return item === null ? [] : [item];
      })
    : [];

/** One file as read: where its records start among all of them, and what to read it again. */
interface ReadFile {
  readonly name: string;
  readonly format: ImportFormat;
  readonly spool: Spool;
  readonly firstRecord: number;
  records: number;
  readonly groups: ImportGroup[];
  memberGroups?: GroupIndex;
}

/** The items of a file in its format; a Salon backup has a reader of its own. */
const itemsOf = (
  format: ImportFormat,
  source: AsyncIterable<Uint8Array>,
  options: ReadOptions,
): AsyncGenerator<ImportItem> =>
  format === 'json'
    ? backupContactItems(source)
    : parseContacts(source, {
        format,
        ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
      });

/** The contact groups of a file by member, indexed once the file has been read. */
const groupsOf = (file: ReadFile): GroupIndex => {
  file.memberGroups ??= groupIndex(file.groups);
  return file.memberGroups;
};

/** Counts over every file, and the reading progress, told every 256 KB and after each file. */
class Tally {
  records = 0;
  rejected = 0;
  private bytes = 0;
  private told = 0;

  constructor(private readonly onProgress: ReadOptions['onProgress']) {}

  read(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes - this.told >= 256 * 1024) this.tell();
  }

  tell(): void {
    this.told = this.bytes;
    this.onProgress?.({ phase: 'reading', bytes: this.bytes, records: this.records });
  }
}

const problemsOf = (file: string, problems: readonly ImportProblem[]): ImportRowProblem[] =>
  problems.map((problem) => ({
    ...problem,
    file,
    text: `${file}:${problem.line}: ${problem.field}: ${problem.reason}`,
  }));

const readFile = async (
  file: ImportFile,
  options: ReadOptions,
  tally: Tally,
  problems: ImportRowProblem[],
  onRecord: (record: ImportRecord) => void,
): Promise<ReadFile> => {
  const spool = new Spool();
  try {
    const source = spool.copy(counting(file.bytes, (n) => tally.read(n)));
    const resolved = await resolveFormat(source, file.format ?? 'auto');
    const read: ReadFile = {
      name: file.name,
      format: resolved.format,
      spool,
      firstRecord: tally.records,
      records: 0,
      groups: [],
    };
    for await (const item of itemsOf(resolved.format, resolved.source, options)) {
      if (item.kind === 'record') {
        onRecord(item.record);
        tally.records++;
        read.records++;
      } else if (item.kind === 'group') read.groups.push(item.group);
      else {
        tally.rejected++;
        problems.push(...problemsOf(file.name, item.problems));
      }
    }
    tally.tell();
    return read;
  } catch (error) {
    await spool.dispose();
    throw inFile(file.name, error);
  }
};

/**
 * Reads every file once: streams each through its parser, hands each good record to
 * `onRecord`, and gathers the problems. Throws an `invalid_input` DomainError, prefixed with
 * the file's name, for a file that cannot be read at all (empty, binary, truncated, no
 * recognisable header). Call `dispose` on the result when done with it.
 */
export const readContactFiles = async (
  files: readonly ImportFile[],
  options: ReadOptions,
  onRecord: (record: ImportRecord) => void,
): Promise<ReadContacts> => {
  const read: ReadFile[] = [];
  const problems: ImportRowProblem[] = [];
  const tally = new Tally(options.onProgress);
  const dispose = async () => {
    for (const file of read) await file.spool.dispose();
  };
  try {
    for (const file of files) read.push(await readFile(file, options, tally, problems, onRecord));
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    files: read.map(({ name, format }) => ({ name, format })),
    records: tally.records,
    rejected: tally.rejected,
    problems,
    reread: () => reread(read, options),
    withGroups: (record, index) => {
      const file = read.findLast((f) => f.firstRecord <= index);
      return file ? withGroups(record, groupsOf(file)) : record;
    },
    dispose,
  };
};

/** A file that cannot be read at all: its name first, as one sentence. */
const inFile = (name: string, error: unknown): unknown =>
  error instanceof DomainError && error.code === 'invalid_input'
    ? invalidInput(`${name}: ${error.message}`, error.fields)
    : error;

async function* reread(
  files: readonly ReadFile[],
  options: ReadOptions,
): AsyncGenerator<RereadRecord> {
  for (const [index, file] of files.entries()) {
    const groups = groupsOf(file);
    let records = 0;
    for await (const item of itemsOf(file.format, file.spool.read(), options)) {
      if (item.kind !== 'record') continue;
      records++;
      yield { record: withGroups(item.record, groups), file: index };
    }
    if (records !== file.records) {
      throw new Error(`${file.name} read ${file.records} records, then ${records}`);
    }
  }
}
