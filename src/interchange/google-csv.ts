/**
 * Google Contacts CSV, both layouts:
 * - current: `First Name,Middle Name,Last Name,…,Labels,E-mail 1 - Label,E-mail 1 - Value,…,
 *   Organization Name,Organization Title,…`;
 * - legacy: `Name,Given Name,Additional Name,Family Name,…,Group Membership,E-mail 1 - Type,
 *   E-mail 1 - Value,…,Organization 1 - Name,…`.
 * Numbered groups (`E-mail 3 - Value`) vary in number, one cell may hold several values joined
 * by ` ::: `, and labels (`* myContacts ::: Running club`) become tags. Entry labels type emails
 * and phones (`Mobile`, `* Work`: `*` is the primary one) and name web sites, relations and events.
 */

import type { PersonDate, PersonWebsite } from '../domain/person';
import { normalizeLinkedInUrl } from './contact-keys';
import {
  type CsvFormatSpec,
  type CsvRecordView,
  parseContactsCsv,
  splitMulti,
} from './contacts-csv';
import { isGoogleHeader } from './detect-format';
import {
  buildImportItem,
  dateOfLabel,
  type ImportItem,
  type ParseOptions,
  type RelatedName,
  readDate,
  type Typed,
} from './import-record';
import type { ByteSource } from './text-stream';

/** Google's system groups: every contact is in `myContacts`; `starred` is a flag, not a circle. */
const SYSTEM_LABELS = new Set(['mycontacts', 'my contacts', 'starred']);

/** Labels as tags: system labels dropped, the `* ` of other system groups (`* Friends`) removed. */
export const googleLabelsToTags = (cell: string): string[] =>
  splitMulti(cell)
    .map((label) => label.replace(/^\*\s*/, '').trim())
    .filter((label) => label && !SYSTEM_LABELS.has(label.toLowerCase()));

/** The numbers of a numbered group present in the header (`E-mail 1 - Value` → 1). */
const groupCache = new WeakMap<readonly string[], Map<string, number[]>>();

const groupNumbers = (header: readonly string[], prefix: string): number[] => {
  let cache = groupCache.get(header);
  if (!cache) {
    cache = new Map();
    groupCache.set(header, cache);
  }
  const cached = cache.get(prefix);
  if (cached) return cached;
  const pattern = new RegExp(`^${prefix} (\\d+) - `, 'i');
  const numbers = new Set<number>();
  for (const name of header) {
    const m = pattern.exec(name);
    if (m) numbers.add(Number(m[1]));
  }
  const sorted = [...numbers].sort((a, b) => a - b);
  cache.set(prefix, sorted);
  return sorted;
};

/** The label of entry `n` of a numbered group: `Label` in the current layout, `Type` in the legacy. */
const entryLabel = (row: CsvRecordView, prefix: string, n: number): string =>
  (row.get(`${prefix} ${n} - Label`) || row.get(`${prefix} ${n} - Type`)).replace(/^\*\s*/, '');

/** Google's labels that are vCard types; any other label is kept as the host's own. */
const LABEL_TYPES: Readonly<Record<string, string>> = {
  mobile: 'cell',
  work: 'work',
  home: 'home',
  main: 'main',
  other: 'other',
  'work fax': 'fax',
  'home fax': 'fax',
  pager: 'pager',
};

/** The values of a numbered group (`E-mail 1 - Value`), typed by their labels (`* Work`). */
const typedValues = (row: CsvRecordView, prefix: string): Typed[] => {
  const values: Typed[] = [];
  for (const n of groupNumbers(row.header, prefix)) {
    const field = `${prefix} ${n} - Value`;
    const written = row.get(`${prefix} ${n} - Label`) || row.get(`${prefix} ${n} - Type`);
    // `* ` marks the primary entry of a group.
    const types = /^\*/.test(written) ? ['pref'] : [];
    const label = written.replace(/^\*\s*/, '').trim();
    const type = LABEL_TYPES[label.toLowerCase()];
    if (type) types.unshift(type);
    const custom = label && !type ? label : null;
    for (const value of splitMulti(row.get(field)))
      values.push({ value, field, types, label: custom });
  }
  return values;
};

/** The Birthday column and the numbered events (`Event 1 - Label` = `Anniversary`). */
const datesOf = (row: CsvRecordView): PersonDate[] => {
  const dates: PersonDate[] = [];
  const birthday = readDate(row.get('Birthday'));
  if (birthday) dates.push({ kind: 'birthday', date: birthday, label: null });
  for (const n of groupNumbers(row.header, 'Event')) {
    const date = readDate(row.get(`Event ${n} - Value`));
    if (date) dates.push(dateOfLabel(date, entryLabel(row, 'Event', n) || null));
  }
  return dates;
};

const locationOf = (row: CsvRecordView): string | null => {
  for (const n of groupNumbers(row.header, 'Address')) {
    const parts = [
      row.get(`Address ${n} - City`),
      row.get(`Address ${n} - Region`),
      row.get(`Address ${n} - Country`),
    ]
      .map((part) => splitMulti(part)[0] ?? '')
      .filter(Boolean);
    if (parts.length > 0) return parts.join(', ');
  }
  return null;
};

const googleSpec: CsvFormatSpec = {
  label: 'Google Contacts',
  isHeader: isGoogleHeader,
  toItem: (row, options): ImportItem => {
    const legacy = row.header.some((name) => name.toLowerCase() === 'given name');
    const givenName = legacy ? row.get('Given Name') : row.get('First Name');
    const middleName = legacy ? row.get('Additional Name') : row.get('Middle Name');
    const familyName = legacy ? row.get('Family Name') : row.get('Last Name');
    const displayName = legacy
      ? row.get('Name')
      : [givenName, middleName, familyName].filter(Boolean).join(' ');

    let linkedinUrl: string | null = null;
    const websites: PersonWebsite[] = [];
    for (const n of groupNumbers(row.header, 'Website')) {
      const label = entryLabel(row, 'Website', n) || null;
      for (const url of splitMulti(row.get(`Website ${n} - Value`))) {
        const linkedin = normalizeLinkedInUrl(url);
        if (linkedin && (!linkedinUrl || linkedin === linkedinUrl)) linkedinUrl = linkedin;
        else websites.push({ url, label });
      }
    }
    const relatedNames: RelatedName[] = [];
    for (const n of groupNumbers(row.header, 'Relation')) {
      const relation = entryLabel(row, 'Relation', n) || null;
      for (const name of splitMulti(row.get(`Relation ${n} - Value`))) {
        relatedNames.push({ name, relation });
      }
    }
    const photo = row.get('Photo');

    return buildImportItem(
      {
        line: row.line,
        source: 'google',
        nameField: legacy ? 'Name' : 'First Name',
        displayName,
        givenName,
        familyName,
        nickname: row.get('Nickname') || row.get('File As'),
        emails: typedValues(row, 'E-mail'),
        phones: typedValues(row, 'Phone'),
        organization: legacy ? row.get('Organization 1 - Name') : row.get('Organization Name'),
        title: legacy ? row.get('Organization 1 - Title') : row.get('Organization Title'),
        location: locationOf(row),
        notes: row.get('Notes'),
        tags: googleLabelsToTags(legacy ? row.get('Group Membership') : row.get('Labels')),
        linkedinUrl,
        photo: /^https?:\/\//i.test(photo) ? { kind: 'url', url: photo } : null,
        relatedNames,
        websites,
        dates: datesOf(row),
      },
      options,
    );
  },
};

/** Streams the contacts of a Google Contacts CSV (either layout), one item per row. */
export const parseGoogleCsv = (
  source: ByteSource,
  options: ParseOptions = {},
): AsyncGenerator<ImportItem> => parseContactsCsv(source, googleSpec, options);
