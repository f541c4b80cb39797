/**
 * Merge, not duplicate: decides for each incoming record whether it is a new person, an
 * existing one (and what to add to them), a duplicate of an earlier record of the same import
 * (LinkedIn and the phone's vCard in one batch), or ambiguous.
 *
 * Method: keys in order of strength — normalised email, LinkedIn URL, E.164 phone — then the
 * folded name with the organisation, then the name alone when one side has no organisation.
 * Any strong key decides; the name is only consulted when no strong key matched. Phase 1
 * clusters the batch with itself (a record joins the earliest earlier record it matches);
 * phase 2 matches each cluster, its records combined, against the existing people. Maps are
 * built once, so the cost is linear in people + records.
 */
import type { PersonId } from '../domain/person';
import { tidyList } from '../domain/person';
import { emailKey, normalizeLinkedInUrl, wordsKey } from './contact-keys';
import type { ContactPhoto, ImportRecord } from './import-record';
import { type PhoneOptions, phoneKey } from './phone';

/** What matching needs to know about an existing person. */
export interface MatchPerson {
  readonly id: PersonId;
  readonly displayName: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly organization: string | null;
  readonly title: string | null;
  readonly location: string | null;
  readonly notes: string | null;
  readonly tags: readonly string[];
  readonly linkedinUrl?: string | null;
}

/** The key that made two contacts the same person. */
export type MatchKey = 'email' | 'linkedin' | 'phone' | 'name-organization' | 'name';

/**
 * What an update sets: empty fields filled, and whole new lists (the existing entries first,
 * then the new ones). Fields the person already has are never in here.
 */
export interface PersonChanges {
  readonly givenName?: string;
  readonly familyName?: string;
  readonly organization?: string;
  readonly title?: string;
  readonly location?: string;
  readonly notes?: string;
  readonly emails?: readonly string[];
  readonly phones?: readonly string[];
  readonly tags?: readonly string[];
  readonly linkedinUrl?: string;
}

/**
 * The decision for one incoming record. `record` is the record combined with the later records
 * of the same import that merge into it.
 */
export type MatchDecision =
  | { readonly kind: 'create'; readonly record: ImportRecord }
  | {
      readonly kind: 'update';
      readonly personId: PersonId;
      readonly matchedBy: MatchKey;
      /** Empty when the file adds nothing the person does not already have. */
      readonly changes: PersonChanges;
      readonly record: ImportRecord;
    }
  | {
      readonly kind: 'merge';
      /** The index of the earlier record this one merges into; its decision is not a merge. */
      readonly into: number;
      readonly matchedBy: MatchKey;
    }
  | {
      readonly kind: 'conflict';
      /** The existing people it matches, in the order of the people given. */
      readonly candidates: readonly PersonId[];
      readonly reason: string;
      readonly record: ImportRecord;
    };

export interface MatchOptions extends PhoneOptions {}

// ---------------------------------------------------------------------------------------------
// Keys and indexes

interface Keys {
  readonly emails: readonly string[];
  readonly linkedin: string | null;
  readonly phones: readonly string[];
  /** Folded display name and, when different, folded given + family name. */
  readonly names: readonly string[];
  readonly organization: string;
}

const keysOf = (
  contact: Pick<
    ImportRecord,
    'displayName' | 'givenName' | 'familyName' | 'emails' | 'phones' | 'organization'
  > & { readonly linkedinUrl?: string | null },
  options: PhoneOptions,
): Keys => {
  const names: string[] = [];
  // A display name that is only an email says nothing about the name.
  const display = contact.displayName.includes('@') ? '' : wordsKey(contact.displayName);
  if (display) names.push(display);
  if (contact.givenName || contact.familyName) {
    const full = wordsKey(`${contact.givenName ?? ''} ${contact.familyName ?? ''}`);
    if (full && full !== display) names.push(full);
  }
  const phones: string[] = [];
  for (const phone of contact.phones) {
    const key = phoneKey(phone, options);
    if (key) phones.push(key);
  }
  return {
    emails: contact.emails.map(emailKey),
    linkedin: contact.linkedinUrl ? normalizeLinkedInUrl(contact.linkedinUrl) : null,
    phones,
    names,
    organization: wordsKey(contact.organization),
  };
};

interface Found {
  /** Entry → the first key that matched it, in order of discovery. */
  readonly entries: ReadonlyMap<number, MatchKey>;
  readonly by: MatchKey;
}

/**
 * One key's entries: a single entry is stored as the number itself, so that 50,000 unique
 * emails do not become 50,000 one-element arrays for the garbage collector.
 */
type Postings = Map<string, number | number[]>;

const post = (map: Postings, key: string, entry: number): void => {
  const at = map.get(key);
  if (at === undefined) map.set(key, entry);
  else if (typeof at === 'number') {
    if (at !== entry) map.set(key, [at, entry]);
  } else if (!at.includes(entry)) at.push(entry);
};

const visit = (map: Postings, key: string, each: (entry: number) => void): void => {
  const at = map.get(key);
  if (at === undefined) return;
  if (typeof at === 'number') each(at);
  else for (const entry of at) each(entry);
};

/** Entries (people, or leading records of the batch) by each of their keys. */
class KeyIndex {
  private readonly email: Postings = new Map();
  private readonly linkedin: Postings = new Map();
  private readonly phone: Postings = new Map();
  private readonly name: Postings = new Map();
  private readonly organizations: string[] = [];
  /** Entries with a LinkedIn profile: one person has one, so another profile is another person. */
  private readonly withLinkedIn = new Set<number>();

  add(entry: number, keys: Keys): void {
    for (const email of keys.emails) post(this.email, email, entry);
    if (keys.linkedin) {
      post(this.linkedin, keys.linkedin, entry);
      this.withLinkedIn.add(entry);
    }
    for (const phone of keys.phones) post(this.phone, phone, entry);
    for (const name of keys.names) post(this.name, name, entry);
    if (keys.organization && !this.organizations[entry]) {
      this.organizations[entry] = keys.organization;
    }
  }

  find(keys: Keys): Found | null {
    let entries: Map<number, MatchKey> | null = null;
    let by: MatchKey | null = null;
    const hit = (key: MatchKey) => (entry: number) => {
      entries ??= new Map();
      if (entries.has(entry)) return;
      entries.set(entry, key);
      by ??= key;
    };
    if (keys.emails.length > 0) {
      const onEmail = hit('email');
      for (const email of keys.emails) visit(this.email, email, onEmail);
    }
    if (keys.linkedin) visit(this.linkedin, keys.linkedin, hit('linkedin'));
    if (keys.phones.length > 0) {
      const onPhone = hit('phone');
      for (const phone of keys.phones) visit(this.phone, phone, onPhone);
    }
    if (entries && by) return { entries, by };

    const named = new Set<number>();
    // Past the strong keys, an entry with a LinkedIn profile has another one than this contact:
    // two connections with the same name at the same company are two people.
    const onName = (entry: number) => {
      if (!keys.linkedin || !this.withLinkedIn.has(entry)) named.add(entry);
    };
    for (const name of keys.names) visit(this.name, name, onName);
    if (named.size === 0) return null;
    if (keys.organization) {
      const sameOrganization = [...named].filter(
        (entry) => this.organizations[entry] === keys.organization,
      );
      if (sameOrganization.length > 0) {
        return {
          entries: new Map(sameOrganization.map((e) => [e, 'name-organization'])),
          by: 'name-organization',
        };
      }
    }
    // The name alone is evidence only when it has two words or more and one side does not say
    // where the person works (a phone card without a company, a LinkedIn row with one).
    if (!keys.names.some((name) => name.includes(' '))) return null;
    const loose = [...named].filter((entry) => !keys.organization || !this.organizations[entry]);
    return loose.length > 0
      ? { entries: new Map(loose.map((e) => [e, 'name'])), by: 'name' }
      : null;
  }
}

// ---------------------------------------------------------------------------------------------
// Combining

const unionBy = (
  a: readonly string[],
  b: readonly string[],
  key: (s: string) => string,
): string[] => {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const item of b) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
};

const phoneMain = (phone: string): string => phone.split(';')[0] ?? phone;

const joinNotes = (a: string | null, b: string | null): string | null =>
  a && b && a !== b ? `${a}\n\n${b}` : (a ?? b);

const betterPhoto = (a?: ContactPhoto, b?: ContactPhoto): ContactPhoto | undefined =>
  a?.kind === 'inline' ? a : b?.kind === 'inline' ? b : (a ?? b);

/**
 * Two records of the same person combined: `a`'s values first, `b` filling what `a` lacks,
 * lists united, notes joined, the earlier connection date and the better photo kept.
 */
export const mergeRecords = (a: ImportRecord, b: ImportRecord): ImportRecord => {
  const connectedOn = [a.connectedOn, b.connectedOn].filter(Boolean).sort()[0];
  const photo = betterPhoto(a.photo, b.photo);
  const relatedNames = [...(a.relatedNames ?? [])];
  for (const related of b.relatedNames ?? []) {
    if (!relatedNames.some((r) => wordsKey(r.name) === wordsKey(related.name)))
      relatedNames.push(related);
  }
  const socialProfiles = [...(a.socialProfiles ?? [])];
  for (const profile of b.socialProfiles ?? []) {
    if (!socialProfiles.some((p) => p.url === profile.url && p.user === profile.user)) {
      socialProfiles.push(profile);
    }
  }
  const groups = tidyList([...(a.groups ?? []), ...(b.groups ?? [])]);
  const stature = a.stature ?? b.stature;
  const linkedinUrl = a.linkedinUrl ?? b.linkedinUrl;
  const uid = a.uid ?? b.uid;
  return {
    line: a.line,
    source: a.source,
    displayName: a.displayName,
    givenName: a.givenName ?? b.givenName,
    familyName: a.familyName ?? b.familyName,
    emails: unionBy(a.emails, b.emails, emailKey),
    phones: unionBy(a.phones, b.phones, phoneMain),
    organization: a.organization ?? b.organization,
    title: a.title ?? b.title,
    location: a.location ?? b.location,
    notes: joinNotes(a.notes, b.notes),
    tags: tidyList([...a.tags, ...b.tags]),
    ...(stature != null && { stature }),
    ...(linkedinUrl && { linkedinUrl }),
    ...(connectedOn && { connectedOn }),
    ...(photo && { photo }),
    ...(relatedNames.length > 0 && { relatedNames }),
    ...(socialProfiles.length > 0 && { socialProfiles }),
    ...(groups.length > 0 && { groups }),
    ...(uid && { uid }),
  };
};

const FILLABLE = ['givenName', 'familyName', 'organization', 'title', 'location', 'notes'] as const;

/**
 * What a record adds to an existing person: empty fields filled; new emails, phones and tags
 * appended. Never replaces a value the person has (the host may have typed it).
 */
export const changesFor = (
  person: MatchPerson,
  record: ImportRecord,
  options: MatchOptions = {},
): PersonChanges => {
  const changes: { -readonly [K in keyof PersonChanges]: PersonChanges[K] } = {};
  for (const field of FILLABLE) {
    const value = record[field];
    if (value && !person[field]?.trim()) changes[field] = value;
  }
  const emails = unionBy(person.emails, record.emails, emailKey);
  if (emails.length > person.emails.length) changes.emails = emails;
  const phoneOf = (phone: string): string => phoneKey(phone, options) ?? phoneMain(phone);
  const phones = unionBy(person.phones, record.phones, phoneOf);
  if (phones.length > person.phones.length) changes.phones = phones;
  const tags = tidyList([...person.tags, ...record.tags]);
  if (tags.length > tidyList(person.tags).length) changes.tags = tags;
  if (record.linkedinUrl && !person.linkedinUrl) changes.linkedinUrl = record.linkedinUrl;
  return changes;
};

// ---------------------------------------------------------------------------------------------
// Matching

const KEY_WORDS: Readonly<Record<MatchKey, string>> = {
  email: 'email',
  linkedin: 'LinkedIn profile',
  phone: 'phone',
  'name-organization': 'name and organisation',
  name: 'name',
};

/**
 * Decides, for each record, `create`, `update`, `merge` (into an earlier record of the same
 * import) or `conflict` (it matches several existing people). The result has one decision per
 * record, in order.
 */
export const matchRecords = (
  people: readonly MatchPerson[],
  records: readonly ImportRecord[],
  options: MatchOptions = {},
): MatchDecision[] => {
  // Phase 1: the batch against itself. Each record joins the earliest record it matches.
  const decisions: Array<MatchDecision | undefined> = new Array(records.length);
  const combined = new Map<number, ImportRecord>();
  const batch = new KeyIndex();
  const recordKeys: Keys[] = [];
  records.forEach((record, i) => {
    const keys = keysOf(record, options);
    recordKeys[i] = keys;
    const found = batch.find(keys);
    const strong = found && found.by !== 'name' && found.by !== 'name-organization';
    const leader =
      found && (strong || found.entries.size === 1) ? Math.min(...found.entries.keys()) : null;
    if (leader === null) {
      combined.set(i, record);
      batch.add(i, keys);
      return;
    }
    decisions[i] = { kind: 'merge', into: leader, matchedBy: found!.by };
    combined.set(leader, mergeRecords(combined.get(leader)!, record));
    batch.add(leader, keys);
  });

  // Phase 2: each cluster, combined, against the existing people.
  const index = new KeyIndex();
  people.forEach((person, p) => {
    index.add(p, keysOf(person, options));
  });
  const claimedBy = new Map<number, number>();
  const updates: Array<{ leader: number; person: number; by: MatchKey }> = [];
  for (const [leader, record] of combined) {
    // A record nothing merged into still has the keys computed in phase 1.
    const keys = record === records[leader] ? recordKeys[leader]! : keysOf(record, options);
    const found = index.find(keys);
    if (!found) {
      decisions[leader] = { kind: 'create', record };
      continue;
    }
    if (found.entries.size > 1) {
      const candidates = [...found.entries.keys()].sort((a, b) => a - b);
      const named = candidates
        .map((p) => `${people[p]!.displayName} (${KEY_WORDS[found.entries.get(p)!]})`)
        .join(', ');
      decisions[leader] = {
        kind: 'conflict',
        candidates: candidates.map((p) => people[p]!.id),
        reason: `matches ${candidates.length} people: ${named}`,
        record,
      };
      continue;
    }
    const person = [...found.entries.keys()][0]!;
    const earlier = claimedBy.get(person);
    if (earlier !== undefined) {
      // Two clusters of this import are the same existing person: the later joins the earlier.
      decisions[leader] = { kind: 'merge', into: earlier, matchedBy: found.by };
      combined.set(earlier, mergeRecords(combined.get(earlier)!, record));
      continue;
    }
    claimedBy.set(person, leader);
    updates.push({ leader, person, by: found.by });
  }
  for (const { leader, person, by } of updates) {
    const record = combined.get(leader)!;
    decisions[leader] = {
      kind: 'update',
      personId: people[person]!.id,
      matchedBy: by,
      changes: changesFor(people[person]!, record, options),
      record,
    };
  }

  // A merge points at a record that may itself have merged later on: point at the survivor.
  const root = (i: number): number => {
    let at = i;
    for (let d = decisions[at]; d?.kind === 'merge'; d = decisions[at]) at = d.into;
    return at;
  };
  return decisions.map((decision) =>
    decision?.kind === 'merge' ? { ...decision, into: root(decision.into) } : decision!,
  );
};

/** Counts for a preview or a summary. */
export interface MatchSummary {
  readonly create: number;
  readonly update: number;
  /** Updates that add nothing: the person is already up to date. */
  readonly unchanged: number;
  readonly merge: number;
  readonly conflict: number;
}

export const summarizeDecisions = (decisions: readonly MatchDecision[]): MatchSummary => {
  let create = 0;
  let update = 0;
  let unchanged = 0;
  let merge = 0;
  let conflict = 0;
  for (const d of decisions) {
    if (d.kind === 'create') create++;
    else if (d.kind === 'merge') merge++;
    else if (d.kind === 'conflict') conflict++;
    else if (Object.keys(d.changes).length === 0) unchanged++;
    else update++;
  }
  return { create, update, unchanged, merge, conflict };
};
