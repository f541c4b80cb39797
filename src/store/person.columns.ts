/**
 * How the contact fields of a person (`CONTACT_FIELDS`) sit in the `people` table: one column
 * each, read and written here only, so the person repository, the import batches and undo share
 * one mapping.
 */
import {
  CONTACT_FIELDS,
  type ContactField,
  type ContactLabel,
  type PersonContact,
  type PersonDate,
  type PersonWebsite,
  type RelatedName,
  tidyList,
} from '../domain/person';
import { fromJsonList, toJsonList } from './rows';
import type { PersonTable } from './schema';

/** The column of each contact field. */
export const CONTACT_COLUMN = {
  givenName: 'given_name',
  familyName: 'family_name',
  emails: 'emails',
  phones: 'phones',
  contactLabels: 'contact_labels',
  organization: 'organization',
  title: 'title',
  location: 'location',
  notes: 'notes',
  tags: 'tags',
  linkedinUrl: 'linkedin_url',
  websites: 'websites',
  relatedNames: 'related_names',
  dates: 'dates',
} as const satisfies { readonly [K in ContactField]: keyof PersonTable };

/** The contact columns, in the order of `CONTACT_FIELDS`. */
export const CONTACT_COLUMNS = CONTACT_FIELDS.map((field) => CONTACT_COLUMN[field]);

export type ContactColumn = (typeof CONTACT_COLUMN)[ContactField];

type ContactRow = Pick<PersonTable, ContactColumn>;

const blank = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

/** A list or map as JSON, null when it holds nothing (most people have no web site). */
const jsonOrNull = (value: object | undefined): string | null =>
  value && Object.keys(value).length > 0 ? JSON.stringify(value) : null;

const parsed = <T>(text: string | null, empty: T): T => {
  if (!text) return empty;
  try {
    return JSON.parse(text) as T;
  } catch {
    return empty;
  }
};

/** Only the labels of values the person still has: an edit that drops a phone drops its label. */
const labelsOf = (
  contact: Partial<PersonContact>,
  emails: readonly string[],
  phones: readonly string[],
): Record<string, ContactLabel> => {
  const out: Record<string, ContactLabel> = {};
  for (const value of [...emails, ...phones]) {
    const label = contact.contactLabels?.[value];
    if (label && (label.types.length > 0 || label.label)) out[value] = label;
  }
  return out;
};

/** The contact columns of a draft: trimmed, lists tidied, empty JSON as null. */
export const contactToRow = (contact: Partial<PersonContact>): ContactRow => {
  const emails = tidyList(contact.emails);
  const phones = tidyList(contact.phones);
  return {
    given_name: blank(contact.givenName),
    family_name: blank(contact.familyName),
    emails: toJsonList(emails),
    phones: toJsonList(phones),
    contact_labels: jsonOrNull(labelsOf(contact, emails, phones)),
    organization: blank(contact.organization),
    title: blank(contact.title),
    location: blank(contact.location),
    notes: blank(contact.notes),
    tags: toJsonList(tidyList(contact.tags)),
    linkedin_url: blank(contact.linkedinUrl),
    websites: jsonOrNull(contact.websites),
    related_names: jsonOrNull(contact.relatedNames),
    dates: jsonOrNull(contact.dates),
  };
};

/** The contact fields of a stored row. */
export const contactFromRow = (row: ContactRow): PersonContact => ({
  givenName: row.given_name,
  familyName: row.family_name,
  emails: fromJsonList(row.emails),
  phones: fromJsonList(row.phones),
  contactLabels: parsed<Record<string, ContactLabel>>(row.contact_labels, {}),
  organization: row.organization,
  title: row.title,
  location: row.location,
  notes: row.notes,
  tags: fromJsonList(row.tags),
  linkedinUrl: row.linkedin_url,
  websites: parsed<PersonWebsite[]>(row.websites, []),
  relatedNames: parsed<RelatedName[]>(row.related_names, []),
  dates: parsed<PersonDate[]>(row.dates, []),
});
