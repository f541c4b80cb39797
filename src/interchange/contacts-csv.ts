/**
 * What the LinkedIn, Google and Outlook parsers share: finding the header row wherever it is
 * (LinkedIn puts notes above it) and reading cells by header name.
 */
import { invalidInput } from '../domain/errors';
import { type CsvRow, csvRows } from './csv-tokenize';
import type { ImportItem, ParseOptions } from './import-record';
import { type ByteSource, decodeText } from './text-stream';

/** Reads the cells of one row by header name (case-insensitive); missing cells read as ''. */
export interface CsvRecordView {
  readonly line: number;
  /** The trimmed cell under `name`, or '' when there is no such column or cell. */
  get(name: string): string;
  /** The header names as written in the file, in order. */
  readonly header: readonly string[];
}

/** A row read by header name; `columns` maps each name asked for to its cell (-1: none). */
class RowView implements CsvRecordView {
  constructor(
    private readonly row: CsvRow,
    readonly header: readonly string[],
    private readonly columns: (name: string) => number,
  ) {}

  get line(): number {
    return this.row.line;
  }

  get(name: string): string {
    const i = this.columns(name);
    return i < 0 ? '' : (this.row.cells[i] ?? '').trim();
  }
}

/**
 * Builds a reader of rows by header name: each name a parser asks for is looked up once per
 * file (lower-cased), not once per cell.
 */
export const headerIndex = (header: readonly string[]) => {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const asked = new Map<string, number>();
  const columns = (name: string): number => {
    let i = asked.get(name);
    if (i === undefined) {
      i = index.get(name.toLowerCase()) ?? -1;
      asked.set(name, i);
    }
    return i;
  };
  return (row: CsvRow): CsvRecordView => new RowView(row, header, columns);
};

/** What distinguishes one CSV exporter from another. */
export interface CsvFormatSpec {
  /** "LinkedIn", for messages. */
  readonly label: string;
  /** Recognises the header row from its lower-cased names. */
  readonly isHeader: (names: readonly string[]) => boolean;
  /** Reads one data row; null skips it (a row that is not a contact). */
  readonly toItem: (row: CsvRecordView, options: ParseOptions) => ImportItem | null;
}

/** Rows above the header (LinkedIn's notes) that are looked through before giving up. */
const HEADER_SCAN_ROWS = 50;

/**
 * Parses a contacts CSV of one exporter: decodes (UTF-8, a BOM, or Windows-1252), finds the
 * header row by its names — never by skipping a fixed number of lines — and yields one item
 * per data row.
 */
export async function* parseContactsCsv(
  source: ByteSource,
  spec: CsvFormatSpec,
  options: ParseOptions = {},
): AsyncGenerator<ImportItem> {
  let view: ((row: CsvRow) => CsvRecordView) | null = null;
  let scanned = 0;
  for await (const row of csvRows(decodeText(source))) {
    if (view === null) {
      scanned++;
      const names = row.cells.map((cell) => cell.trim().toLowerCase());
      if (spec.isHeader(names)) {
        view = headerIndex(row.cells.map((cell) => cell.trim()));
      } else if (scanned >= HEADER_SCAN_ROWS) {
        break;
      }
      continue;
    }
    const item = spec.toItem(view(row), options);
    if (item) yield item;
  }
  if (view === null) {
    throw invalidInput(
      scanned === 0
        ? 'The file is empty.'
        : `No recognisable ${spec.label} header: the file has no row of ${spec.label} column names.`,
    );
  }
}

/** Splits a cell that holds several values (Google joins them with ` ::: `). */
export const splitMulti = (cell: string, separator: string | RegExp = ' ::: '): string[] =>
  cell
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
