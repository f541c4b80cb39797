/**
 * CSV export of people: RFC 4180 (CRLF, cells quoted when they hold a comma, quote or line
 * break, quotes doubled), and safe to open in a spreadsheet: a cell that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading `'` so it is never run as a formula
 * (OWASP "CSV injection"). Pure and streaming: a generator of lines.
 */
import type { Person } from '../domain/person';

/** What a row is written from: a person, with the LinkedIn URL the store keeps beside it. */
export interface CsvPerson
  extends Pick<
    Person,
    | 'displayName'
    | 'givenName'
    | 'familyName'
    | 'emails'
    | 'phones'
    | 'organization'
    | 'title'
    | 'location'
    | 'tags'
    | 'interests'
    | 'asks'
    | 'offers'
    | 'notes'
    | 'stature'
    | 'howWeMet'
    | 'source'
    | 'lastContactOn'
  > {
  readonly linkedinUrl?: string | null;
}

export type CsvValue = string | number | null | undefined | readonly string[];

export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => CsvValue;
}

/** How several values share one cell. */
export const LIST_SEPARATOR = '; ';

/** The columns of a people export, in order. */
export const PEOPLE_CSV_COLUMNS: readonly CsvColumn<CsvPerson>[] = [
  { header: 'Display Name', value: (p) => p.displayName },
  { header: 'Given Name', value: (p) => p.givenName },
  { header: 'Family Name', value: (p) => p.familyName },
  { header: 'Emails', value: (p) => p.emails },
  { header: 'Phones', value: (p) => p.phones },
  { header: 'Organization', value: (p) => p.organization },
  { header: 'Title', value: (p) => p.title },
  { header: 'Location', value: (p) => p.location },
  { header: 'Tags', value: (p) => p.tags },
  { header: 'Interests', value: (p) => p.interests },
  { header: 'Asks', value: (p) => p.asks },
  { header: 'Offers', value: (p) => p.offers },
  { header: 'Notes', value: (p) => p.notes },
  { header: 'Stature', value: (p) => p.stature },
  { header: 'How We Met', value: (p) => p.howWeMet },
  { header: 'LinkedIn URL', value: (p) => p.linkedinUrl },
  { header: 'Source', value: (p) => p.source },
  { header: 'Last Contact', value: (p) => p.lastContactOn },
];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: neutralised against formula injection, then quoted if RFC 4180 requires it. */
export const csvCell = (value: CsvValue): string => {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string'
      ? value
      : typeof value === 'number'
        ? String(value)
        : value.join(LIST_SEPARATOR);
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One record line, with its CRLF. */
export const csvLine = (cells: readonly CsvValue[]): string =>
  `${cells.map(csvCell).join(',')}\r\n`;

/** Streams a CSV file: the header line, then one line per row. */
export function* exportCsv<T>(
  rows: Iterable<T>,
  columns: readonly CsvColumn<T>[],
): Generator<string> {
  yield csvLine(columns.map((column) => column.header));
  for (const row of rows) yield csvLine(columns.map((column) => column.value(row)));
}

/** Streams the people export (`PEOPLE_CSV_COLUMNS`). */
export const exportPeopleCsv = (people: Iterable<CsvPerson>): Generator<string> =>
  exportCsv(people, PEOPLE_CSV_COLUMNS);
