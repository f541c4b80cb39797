/**
 * LinkedIn's `Connections.csv`. Current exports begin with a `Notes:` line, a quoted paragraph
 * and a blank line, then `First Name,Last Name,URL,Email Address,Company,Position,Connected On`
 * with dates like `09 Oct 2024`. Older ones have no notes and no URL column, dates like
 * `1/8/18, 6:14 PM`, and sometimes a `urn:li:member:…` id where the email would be.
 */

import { normalizeLinkedInUrl } from './contact-keys';
import { type CsvFormatSpec, parseContactsCsv } from './contacts-csv';
import { isLinkedInHeader } from './detect-format';
import { buildImportItem, type ImportItem, type ParseOptions } from './import-record';
import type { ByteSource } from './text-stream';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const isoDate = (year: number, month: number, day: number): string | null => {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/**
 * The ISO date of a LinkedIn `Connected On` cell: `09 Oct 2024`, `1/8/18, 6:14 PM` (US order,
 * two-digit years in 1970–2069) or already ISO. Null when it is none of these.
 */
export const parseLinkedInDate = (text: string): string | null => {
  const value = text.trim();
  let m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{4})$/.exec(value);
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    return month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(value);
  if (m) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    return month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
  }
  m =
    /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*([AaPp][Mm])?)?$/.exec(
      value,
    );
  if (m) {
    const short = Number(m[3]);
    const year = (m[3] ?? '').length === 2 ? (short < 70 ? 2000 + short : 1900 + short) : short;
    return isoDate(year, Number(m[1]), Number(m[2]));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
};

const linkedInSpec: CsvFormatSpec = {
  label: 'LinkedIn',
  isHeader: isLinkedInHeader,
  toItem: (row, options): ImportItem => {
    const problems = [];
    const connected = row.get('Connected On');
    const connectedOn = connected ? parseLinkedInDate(connected) : null;
    if (connected && !connectedOn) {
      problems.push({
        line: row.line,
        field: 'Connected On',
        reason: `"${connected}" is not a date`,
      });
    }
    const email = row.get('Email Address');
    // Older exports put the member's URN where LinkedIn withheld the address: not an email.
    const emails =
      email && !/^urn:li:/i.test(email) ? [{ value: email, field: 'Email Address' }] : [];
    const url = row.get('URL');
    const linkedinUrl = url ? normalizeLinkedInUrl(url) : null;
    if (url && !linkedinUrl) {
      problems.push({
        line: row.line,
        field: 'URL',
        reason: `"${url}" is not a LinkedIn profile URL`,
      });
    }
    return buildImportItem(
      {
        line: row.line,
        source: 'linkedin',
        nameField: 'First Name',
        givenName: row.get('First Name'),
        familyName: row.get('Last Name'),
        emails,
        organization: row.get('Company'),
        title: row.get('Position'),
        linkedinUrl,
        connectedOn,
        problems,
      },
      options,
    );
  },
};

/** Streams the connections of a LinkedIn `Connections.csv`, one item per row. */
export const parseLinkedInCsv = (
  source: ByteSource,
  options: ParseOptions = {},
): AsyncGenerator<ImportItem> => parseContactsCsv(source, linkedInSpec, options);
