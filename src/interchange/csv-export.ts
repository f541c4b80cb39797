/**
 * CSV export of people: RFC 4180 (CRLF, cells quoted when they hold a comma, quote or line
 * break, quotes doubled), and safe to open in a spreadsheet: a cell that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading `'` so it is never run as a formula
 * (OWASP "CSV injection") — unless it is phone numbers (`+49 30 1234567`), which no spreadsheet
 * runs as anything and which the apostrophe would damage. Pure and streaming: a generator of
 * lines.
 */
import type { Person, PersonContact, PersonDate } from '../domain/person';
import { isPhoneNumber } from './phone';

/** What a row is written from: a person's name, contact fields and what the host knows. */
export interface CsvPerson
  extends PersonContact,
    Pick<
      Person,
      | 'displayName'
      | 'interests'
      | 'asks'
      | 'offers'
      | 'stature'
      | 'howWeMet'
      | 'source'
      | 'lastContactOn'
    > {}

export type CsvValue = string | number | null | undefined | readonly string[];

export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => CsvValue;
}

/** How several values share one cell. */
export const LIST_SEPARATOR = '; ';

const dateOf = (dates: readonly PersonDate[], kind: PersonDate['kind']): string | undefined =>
  dates.find((d) => d.kind === kind)?.date;

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
  { header: 'Websites', value: (p) => p.websites.map((w) => w.url) },
  {
    header: 'Related Names',
    value: (p) => p.relatedNames.map((r) => (r.relation ? `${r.name} (${r.relation})` : r.name)),
  },
  { header: 'Birthday', value: (p) => dateOf(p.dates, 'birthday') },
  { header: 'Anniversary', value: (p) => dateOf(p.dates, 'anniversary') },
  { header: 'Source', value: (p) => p.source },
  { header: 'Last Contact', value: (p) => p.lastContactOn },
];

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell of phone numbers only (`+49301234567; +1 415-555-0132`): data, not a formula. */
const isPhoneList = (text: string): boolean =>
  text.split(LIST_SEPARATOR).every((part) => isPhoneNumber(part));
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
  if (typeof value !== 'number' && FORMULA_START.test(text) && !isPhoneList(text)) {
    text = `'${text}`;
  }
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
