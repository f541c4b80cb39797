/**
 * Outlook CSV: the desktop export (a quoted header starting `"Title","First Name","Middle Name",
 * "Last Name",…`, with `"E-mail Address"`, `"E-mail 2 Address"`, a column per kind of phone and
 * `"Categories"` joined by `;`), often in Windows-1252; and the unquoted variant other programs
 * write (`First Name,Last Name,…,E-mail Address`).
 */

import { normalizeLinkedInUrl } from './contact-keys';
import {
  type CsvFormatSpec,
  type CsvRecordView,
  parseContactsCsv,
  splitMulti,
} from './contacts-csv';
import { isOutlookHeader } from './detect-format';
import { buildImportItem, type ImportItem, type ParseOptions, type Sourced } from './import-record';
import type { ByteSource } from './text-stream';

/** Phone columns, most useful first; faxes, pagers and telex are not phones to call. */
const PHONE_COLUMNS = [
  'Mobile Phone',
  'Primary Phone',
  'Business Phone',
  'Business Phone 2',
  'Home Phone',
  'Home Phone 2',
  'Other Phone',
  'Company Main Phone',
  'Car Phone',
  'Phone',
];

const EMAIL_COLUMNS: ReadonlyArray<readonly [value: string, type: string]> = [
  ['E-mail Address', 'E-mail Type'],
  ['E-mail 2 Address', 'E-mail 2 Type'],
  ['E-mail 3 Address', 'E-mail 3 Type'],
];

const emailsOf = (row: CsvRecordView): Sourced[] => {
  const emails: Sourced[] = [];
  for (const [field, typeField] of EMAIL_COLUMNS) {
    const value = row.get(field);
    // Exchange contacts carry an X.500 address (`/o=ExchangeLabs/ou=…`), typed EX: not an email.
    if (!value || row.get(typeField).toUpperCase() === 'EX' || value.startsWith('/o=')) continue;
    emails.push({ value, field });
  }
  return emails;
};

const locationOf = (row: CsvRecordView): string | null => {
  for (const prefix of ['Business', 'Home', 'Other']) {
    const parts = [
      row.get(`${prefix} City`),
      row.get(`${prefix} State`),
      row.get(`${prefix} Country/Region`) || row.get(`${prefix} Country`),
    ].filter(Boolean);
    if (parts.length > 0) return parts.join(', ');
  }
  return null;
};

const outlookSpec: CsvFormatSpec = {
  label: 'Outlook',
  isHeader: isOutlookHeader,
  toItem: (row, options): ImportItem => {
    const webPage = ['Web Page', 'Business Web Page', 'Personal Web Page']
      .map((field) => row.get(field))
      .find((url) => normalizeLinkedInUrl(url));
    return buildImportItem(
      {
        line: row.line,
        source: 'outlook',
        nameField: 'First Name',
        displayName: row.get('Display Name') || row.get('Name'),
        givenName: row.get('First Name'),
        familyName: row.get('Last Name'),
        nickname: row.get('Nickname'),
        emails: emailsOf(row),
        phones: PHONE_COLUMNS.map((field) => ({ value: row.get(field), field })),
        organization: row.get('Company'),
        title: row.get('Job Title'),
        location: locationOf(row),
        notes: row.get('Notes'),
        tags: splitMulti(row.get('Categories'), /[;,]/),
        linkedinUrl: webPage ? normalizeLinkedInUrl(webPage) : null,
      },
      options,
    );
  },
};

/** Streams the contacts of an Outlook CSV (desktop export or the common variant), one per row. */
export const parseOutlookCsv = (
  source: ByteSource,
  options: ParseOptions = {},
): AsyncGenerator<ImportItem> => parseContactsCsv(source, outlookSpec, options);
