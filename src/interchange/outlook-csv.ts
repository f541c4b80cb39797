/**
 * Outlook CSV: the desktop export (a quoted header starting `"Title","First Name","Middle Name",
 * "Last Name",…`, with `"E-mail Address"`, `"E-mail 2 Address"`, a column per kind of phone and
 * `"Categories"` joined by `;`), often in Windows-1252; and the unquoted variant other programs
 * write (`First Name,Last Name,…,E-mail Address`).
 */

import type { PersonDate, PersonWebsite } from '../domain/person';
import { normalizeLinkedInUrl } from './contact-keys';
import {
  type CsvFormatSpec,
  type CsvRecordView,
  parseContactsCsv,
  splitMulti,
} from './contacts-csv';
import { isOutlookHeader } from './detect-format';
import {
  buildImportItem,
  type ImportItem,
  type ParseOptions,
  type RelatedName,
  readDate,
  type Typed,
} from './import-record';
import type { ByteSource } from './text-stream';

/**
 * Phone columns, most useful first, with the vCard types each means; faxes, pagers and telex are
 * not phones to call.
 */
const PHONE_COLUMNS: ReadonlyArray<readonly [field: string, types: readonly string[]]> = [
  ['Mobile Phone', ['cell']],
  ['Primary Phone', ['pref']],
  ['Business Phone', ['work']],
  ['Business Phone 2', ['work']],
  ['Home Phone', ['home']],
  ['Home Phone 2', ['home']],
  ['Other Phone', ['other']],
  ['Company Main Phone', ['work', 'main']],
  ['Car Phone', ['car']],
  ['Phone', []],
];

/** Web page columns and the label each gives its address. */
const WEB_COLUMNS: ReadonlyArray<readonly [field: string, label: string | null]> = [
  ['Web Page', null],
  ['Business Web Page', 'work'],
  ['Personal Web Page', 'home'],
];

/** Outlook's dates: `4/12/1980`, or `0/0/00` for none. */
const datesOf = (row: CsvRecordView): PersonDate[] => {
  const dates: PersonDate[] = [];
  for (const [field, kind] of [
    ['Birthday', 'birthday'],
    ['Anniversary', 'anniversary'],
  ] as const) {
    const date = readDate(row.get(field));
    if (date) dates.push({ kind, date, label: null });
  }
  return dates;
};

/** The `Spouse` and `Children` columns as related names. */
const relatedOf = (row: CsvRecordView): RelatedName[] => [
  ...splitMulti(row.get('Spouse'), /[;,]/).map((name) => ({ name, relation: 'Spouse' })),
  ...splitMulti(row.get('Children'), /[;,]/).map((name) => ({ name, relation: 'Child' })),
];

const EMAIL_COLUMNS: ReadonlyArray<readonly [value: string, type: string]> = [
  ['E-mail Address', 'E-mail Type'],
  ['E-mail 2 Address', 'E-mail 2 Type'],
  ['E-mail 3 Address', 'E-mail 3 Type'],
];

const emailsOf = (row: CsvRecordView): Typed[] => {
  const emails: Typed[] = [];
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
    // A LinkedIn profile is the person's `linkedinUrl`; any other page is a web site.
    let linkedinUrl: string | null = null;
    const websites: PersonWebsite[] = [];
    for (const [field, label] of WEB_COLUMNS) {
      const url = row.get(field).trim();
      if (!url) continue;
      const linkedIn = normalizeLinkedInUrl(url);
      if (linkedIn && (!linkedinUrl || linkedIn === linkedinUrl)) linkedinUrl = linkedIn;
      else websites.push({ url, label });
    }
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
        phones: PHONE_COLUMNS.map(([field, types]) => ({ value: row.get(field), field, types })),
        organization: row.get('Company'),
        title: row.get('Job Title'),
        location: locationOf(row),
        notes: row.get('Notes'),
        tags: splitMulti(row.get('Categories'), /[;,]/),
        linkedinUrl,
        websites,
        relatedNames: relatedOf(row),
        dates: datesOf(row),
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
