/**
 * What every contacts parser yields: one `ImportItem` per input record. A good record becomes an
 * `ImportRecord` (a person draft with where it came from); a bad one becomes its problems, each
 * with the line and the field of the file, so the host can fix the file or skip those rows.
 */
import {
  BLANK_CONTACT,
  type ContactLabel,
  contactOf,
  type Person,
  type PersonContact,
  type PersonDate,
  type PersonDraft,
  type PersonWebsite,
  type RelatedName,
  STATURE_MAX,
  STATURE_MIN,
  tidyList,
} from '../domain/person';
import { isEmail, normalizeEmail } from '../domain/text';
import { normalizePhone, type PhoneOptions } from './phone';

/** The programs a record can come from; `backup` is Salon's own JSON backup. */
export type ImportSource = 'linkedin' | 'google' | 'outlook' | 'vcard' | 'backup';

/** A contact's picture: inline bytes (base64, as vCard and data URIs carry them) or a link. */
export type ContactPhoto =
  | { readonly kind: 'inline'; readonly mediaType: string; readonly base64: string }
  | { readonly kind: 'url'; readonly url: string };

export type { RelatedName };

/** A profile on another network (Apple's `X-SOCIALPROFILE`, a Google website entry). */
export interface SocialProfile {
  readonly service: string | null;
  readonly url: string | null;
  readonly user: string | null;
}

/**
 * One person read from a file, before matching decides whether it is new: a person's contact
 * fields (emails trimmed, as written, without duplicates; phones E.164 where a country could be
 * inferred, else the digits as written), and what only an import knows.
 */
export interface ImportRecord extends Pick<Person, 'displayName'>, PersonContact {
  /** 1-based line of the record's start in the file. */
  readonly line: number;
  readonly source: ImportSource;
  readonly stature?: number | null;
  /** ISO date: becomes the since-date of the tie with the host. */
  readonly connectedOn?: string;
  readonly photo?: ContactPhoto;
  readonly socialProfiles?: readonly SocialProfile[];
  /** Names of the contact groups (vCard `KIND:group`) this record belongs to; also in `tags`. */
  readonly groups?: readonly string[];
  /** The card's UID (lower case, without `urn:uuid:`), by which groups name their members. */
  readonly uid?: string;
}

/** One thing wrong with one field of one record; rendered `file:line: field: reason`. */
export interface ImportProblem {
  readonly line: number;
  /** The field as the file names it (`Email Address`, `E-mail 2 - Value`, `EMAIL`). */
  readonly field: string;
  readonly reason: string;
}

/** A contact group read from a vCard (`KIND:group`); members are `uid:…` or `email:…` keys. */
export interface ImportGroup {
  readonly line: number;
  readonly name: string;
  readonly members: readonly string[];
}

/** What a parser yields for each input record. */
export type ImportItem =
  | { readonly kind: 'record'; readonly record: ImportRecord }
  | { readonly kind: 'invalid'; readonly line: number; readonly problems: readonly ImportProblem[] }
  | { readonly kind: 'group'; readonly group: ImportGroup };

/** Options every parser takes. */
export interface ParseOptions extends PhoneOptions {}

/** `file:line: field: reason`, the form the CLI prints and the API returns. */
export const formatProblem = (file: string, problem: ImportProblem): string =>
  `${file}:${problem.line}: ${problem.field}: ${problem.reason}`;

/** The person draft a record creates (the store adds ids, batch and timestamps). */
export const toPersonDraft = (record: ImportRecord): PersonDraft => ({
  displayName: record.displayName,
  ...contactOf(record),
  stature: record.stature ?? null,
  source: record.source,
  photo: record.photo ?? null,
});

/** A value read from a field, with the field's name in the file for problems. */
export interface Sourced {
  readonly value: string;
  readonly field: string;
}

/** An email or phone read from a field, with the types and label the file gave it. */
export interface Typed extends Sourced {
  readonly types?: readonly string[];
  readonly label?: string | null;
}

const TYPE = /^[a-z0-9-]+$/;

/** The label of a typed value, or null when the file gave it neither types nor a label. */
const labelOf = (typed: Typed): ContactLabel | null => {
  // Lower case, tokens only, `pref` last: the form the vCard export writes back.
  const tokens = (typed.types ?? []).map((t) => t.trim().toLowerCase()).filter((t) => TYPE.test(t));
  const types = [...new Set(tokens)].sort((a, b) => Number(a === 'pref') - Number(b === 'pref'));
  const label = typed.label?.trim() || null;
  return types.length > 0 || label ? { types, label } : null;
};

/** What a parser read from one input record, before it is cleaned and checked. */
export interface RecordInput {
  readonly line: number;
  readonly source: ImportSource;
  /** The field to name when the record has neither a name nor an email. */
  readonly nameField: string;
  readonly displayName?: string | null;
  readonly givenName?: string | null;
  readonly familyName?: string | null;
  /** Used for the display name when there is no name. */
  readonly nickname?: string | null;
  /** Each with its card's types (`work`, `pref`) and label, when the file gives them. */
  readonly emails?: readonly Typed[];
  readonly phones?: readonly Typed[];
  readonly organization?: string | null;
  readonly title?: string | null;
  readonly location?: string | null;
  readonly notes?: string | null;
  readonly tags?: readonly string[];
  readonly stature?: Sourced | null;
  readonly linkedinUrl?: string | null;
  readonly connectedOn?: string | null;
  readonly photo?: ContactPhoto | null;
  readonly relatedNames?: readonly RelatedName[];
  readonly socialProfiles?: readonly SocialProfile[];
  readonly websites?: readonly PersonWebsite[];
  readonly dates?: readonly PersonDate[];
  readonly uid?: string | null;
  /** Problems the parser already found (an unreadable date, say). */
  readonly problems?: readonly ImportProblem[];
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const dateOf = (year: string | null, month: number, day: number): string | null => {
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return null;
  const mmdd = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year ? `${year}-${mmdd}` : `--${mmdd}`;
};

/**
 * A date as contact files write it, as `YYYY-MM-DD`, or `--MM-DD` without a year: ISO dates
 * with or without hyphens and with any time after them (`1953-10-15T23:10:00Z`), vCard 4.0's
 * `--0203`, Google's `--02-03`, Outlook's `4/12/1980`. `omitYear` is the year Apple writes for
 * "no year" (`X-APPLE-OMIT-YEAR=1604`). Null for anything else, and for Outlook's `0/0/00`.
 */
export const readDate = (text: string, omitYear?: string): string | null => {
  const value = text.trim();
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(value);
  if (iso) {
    const year = iso[1] === omitYear ? null : (iso[1] ?? null);
    return dateOf(year, Number(iso[2]), Number(iso[3]));
  }
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(value);
  if (yearless) return dateOf(null, Number(yearless[1]), Number(yearless[2]));
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (us) return dateOf(us[3] ?? null, Number(us[1]), Number(us[2]));
  return null;
};

/** What a date labelled by a file (`Anniversary`, `_$!<Anniversary>!$_`, `Graduation`) is. */
export const dateOfLabel = (
  date: string,
  label: string | null,
  kind: PersonDate['kind'] = 'other',
): PersonDate => {
  const known = label?.trim().toLowerCase();
  if (known === 'anniversary') return { kind: 'anniversary', date, label: null };
  if (known === 'birthday') return { kind: 'birthday', date, label: null };
  return { kind, date, label: label?.trim() || null };
};

const clean = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

/**
 * Cleans and checks what a parser read: trims, drops duplicates, normalises phones, and turns
 * a record with no name and no email, an invalid email, a phone without digits or a stature
 * outside 1–5 into problems instead of a record.
 */
export const buildImportItem = (input: RecordInput, options: ParseOptions = {}): ImportItem => {
  const problems: ImportProblem[] = input.problems?.length ? [...input.problems] : [];
  const { line } = input;

  const contactLabels: Record<string, ContactLabel> = {};
  const labelled = (value: string, typed: Typed): void => {
    const label = labelOf(typed);
    if (label && !contactLabels[value]) contactLabels[value] = label;
  };
  const emails: string[] = [];
  for (const typed of input.emails ?? []) {
    const { value, field } = typed;
    const email = value.trim();
    if (!email) continue;
    if (!isEmail(email)) {
      problems.push({ line, field, reason: `"${email}" is not an email address` });
      continue;
    }
    const key = normalizeEmail(email);
    const kept = emails.find((e) => normalizeEmail(e) === key);
    if (!kept) emails.push(email);
    labelled(kept ?? email, typed);
  }

  const phones: string[] = [];
  for (const typed of input.phones ?? []) {
    const { value, field } = typed;
    if (!value.trim()) continue;
    const phone = normalizePhone(value, options);
    if (phone === null) {
      problems.push({ line, field, reason: `"${value.trim()}" has no digits` });
      continue;
    }
    if (!phones.includes(phone)) phones.push(phone);
    labelled(phone, typed);
  }

  let stature: number | null = null;
  if (input.stature?.value.trim()) {
    const n = Number(input.stature.value.trim());
    if (!Number.isInteger(n) || n < STATURE_MIN || n > STATURE_MAX) {
      problems.push({
        line,
        field: input.stature.field,
        reason: `must be a whole number from ${STATURE_MIN} to ${STATURE_MAX}`,
      });
    } else {
      stature = n;
    }
  }

  const givenName = clean(input.givenName);
  const familyName = clean(input.familyName);
  const organization = clean(input.organization);
  const displayName =
    clean(input.displayName) ??
    (givenName && familyName ? `${givenName} ${familyName}` : (givenName ?? familyName)) ??
    clean(input.nickname) ??
    organization ??
    emails[0] ??
    null;
  if (displayName === null && !problems.some((p) => p.field === input.nameField)) {
    problems.unshift({ line, field: input.nameField, reason: 'a person needs a name or an email' });
  }
  if (problems.length > 0 || displayName === null) {
    return { kind: 'invalid', line, problems };
  }

  // Filled in place, not spread: this runs for every row of a file, twice (see `Spool`).
  const record: { -readonly [K in keyof ImportRecord]: ImportRecord[K] } = {
    line,
    source: input.source,
    displayName,
    givenName,
    familyName,
    emails,
    phones,
    contactLabels: emails.length + phones.length > 0 ? contactLabels : BLANK_CONTACT.contactLabels,
    organization,
    title: clean(input.title),
    location: clean(input.location),
    notes: clean(input.notes),
    tags: input.tags?.length ? tidyList(input.tags) : BLANK_CONTACT.tags,
    linkedinUrl: input.linkedinUrl || null,
    websites: input.websites?.length ? input.websites : BLANK_CONTACT.websites,
    relatedNames: input.relatedNames?.length ? input.relatedNames : BLANK_CONTACT.relatedNames,
    dates: input.dates?.length ? input.dates : BLANK_CONTACT.dates,
  };
  if (stature !== null) record.stature = stature;
  if (input.connectedOn) record.connectedOn = input.connectedOn;
  if (input.photo) record.photo = input.photo;
  if (input.socialProfiles?.length) record.socialProfiles = input.socialProfiles;
  if (input.uid) record.uid = input.uid;
  return { kind: 'record', record };
};

/** The names of the groups that list each member, by member key (`uid:…`, `email:…`). */
export type GroupIndex = ReadonlyMap<string, readonly string[]>;

export const groupIndex = (groups: readonly ImportGroup[]): GroupIndex => {
  const byMember = new Map<string, string[]>();
  for (const group of groups) {
    for (const member of group.members) {
      const names = byMember.get(member) ?? [];
      names.push(group.name);
      byMember.set(member, names);
    }
  }
  return byMember;
};

/** The record with the names of the groups that list it (by UID or email) as `groups` and tags. */
export const withGroups = (record: ImportRecord, index: GroupIndex): ImportRecord => {
  if (index.size === 0) return record;
  const names: string[] = [];
  if (record.uid) names.push(...(index.get(`uid:${record.uid}`) ?? []));
  for (const email of record.emails) {
    names.push(...(index.get(`email:${normalizeEmail(email)}`) ?? []));
  }
  if (names.length === 0) return record;
  const groupNames = tidyList([...(record.groups ?? []), ...names]);
  return { ...record, groups: groupNames, tags: tidyList([...record.tags, ...groupNames]) };
};

/**
 * Gives each record the names of the groups that list it (by UID or email) as `groups` and as
 * tags. Groups may come before or after their members in a file, so this runs on the whole set.
 */
export const applyGroups = (
  records: readonly ImportRecord[],
  groups: readonly ImportGroup[],
): ImportRecord[] => {
  const index = groupIndex(groups);
  return records.map((record) => withGroups(record, index));
};

/** Everything a file held, gathered: the records (groups applied), the rejects and the groups. */
export interface CollectedImport {
  readonly records: ImportRecord[];
  readonly invalid: Array<{ readonly line: number; readonly problems: readonly ImportProblem[] }>;
  readonly groups: ImportGroup[];
}

/** Drains a parser into records, rejects and groups, and applies the groups to the records. */
export const collectImport = async (items: AsyncIterable<ImportItem>): Promise<CollectedImport> => {
  const records: ImportRecord[] = [];
  const invalid: CollectedImport['invalid'] = [];
  const groups: ImportGroup[] = [];
  for await (const item of items) {
    if (item.kind === 'record') records.push(item.record);
    else if (item.kind === 'invalid') invalid.push({ line: item.line, problems: item.problems });
    else groups.push(item.group);
  }
  return { records: applyGroups(records, groups), invalid, groups };
};
