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
 *
 * Both phases stream, so that an import need not hold its records: `ImportClusters` takes them
 * one by one and keeps their keys and the few records that join an earlier one; `ClusterMatcher`
 * takes the same records again, in the same order, and decides each cluster when its first
 * record comes by. `matchRecords` runs both over an array.
 */
import {
  CONTACT_FIELDS,
  type ContactLabel,
  DETAIL_KEYS,
  type Person,
  type PersonContact,
  type PersonId,
  tidyList,
  unionBy,
} from '../domain/person';
import { emailKey, normalizeLinkedInUrl, wordsKey } from './contact-keys';
import type { ContactPhoto, ImportRecord } from './import-record';
import { IntList, KeyTable, Postings } from './key-table';
import { type PhoneOptions, phoneKey } from './phone';

/** What matching needs to know about an existing person: their name and contact fields. */
export interface MatchPerson extends Pick<Person, 'id' | 'displayName'>, PersonContact {}

/** The key that made two contacts the same person. */
export type MatchKey = 'email' | 'linkedin' | 'phone' | 'name-organization' | 'name';

/**
 * What an update sets: empty fields filled, and whole new lists (the existing entries first,
 * then the new ones). Fields the person already has are never in here.
 */
export type PersonChanges = Partial<PersonContact>;

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

/** Most contacts have no phone and many no email: one shared empty list instead of one each. */
const NONE: readonly string[] = [];

/** What every canonical LinkedIn URL starts with: left out of the key, half its length. */
const LINKEDIN_ORIGIN = 'https://www.linkedin.com/';

const linkedInKey = (url: string): string | null =>
  normalizeLinkedInUrl(url)?.slice(LINKEDIN_ORIGIN.length) ?? null;

const namesOf = (
  contact: Pick<ImportRecord, 'displayName' | 'givenName' | 'familyName'>,
): readonly string[] => {
  // A display name that is only an email says nothing about the name.
  const display = contact.displayName.includes('@') ? '' : wordsKey(contact.displayName);
  if (contact.givenName || contact.familyName) {
    const joined = `${contact.givenName ?? ''} ${contact.familyName ?? ''}`;
    // Usually the display name is this very text (a LinkedIn row): no need to fold it twice.
    const full = display && joined === contact.displayName ? display : wordsKey(joined);
    if (full && full !== display) return display ? [display, full] : [full];
  }
  return display ? [display] : NONE;
};

const keysOf = (
  contact: Pick<
    ImportRecord,
    | 'displayName'
    | 'givenName'
    | 'familyName'
    | 'emails'
    | 'phones'
    | 'organization'
    | 'linkedinUrl'
  >,
  options: PhoneOptions,
): Keys => {
  let phones = NONE;
  for (const phone of contact.phones) {
    const key = phoneKey(phone, options);
    if (key) phones = [...phones, key];
  }
  return {
    emails: contact.emails.length > 0 ? contact.emails.map(emailKey) : NONE,
    linkedin: contact.linkedinUrl ? linkedInKey(contact.linkedinUrl) : null,
    phones,
    names: namesOf(contact),
    organization: wordsKey(contact.organization),
  };
};

interface Found {
  /** Entry → the first key that matched it, in order of discovery. */
  readonly entries: ReadonlyMap<number, MatchKey>;
  readonly by: MatchKey;
}

/** Entries (people, or leading records of the batch) by each of their keys. */
class KeyIndex {
  private readonly email = new Postings();
  private readonly linkedin = new Postings();
  private readonly phone = new Postings();
  private readonly name = new Postings();
  /**
   * The names again, for entries without a LinkedIn profile when posted: a contact with a
   * profile is compared by name only with those, and in a LinkedIn export that is nobody.
   */
  private readonly nameWithoutLinkedIn = new Postings();
  private readonly organizationKeys = new KeyTable();
  /** Entry → the number of its organisation's key + 1 (0: none known). */
  private readonly organizations = new IntList();
  /** 1 for entries with a LinkedIn profile: one person has one, so another is another person. */
  private readonly withLinkedIn = new IntList();

  /** Posts the keys of `entry`; `fresh` when no entry as high was posted before. */
  add(entry: number, keys: Keys, fresh: boolean): void {
    for (const email of keys.emails) this.email.post(email, entry, fresh);
    if (keys.linkedin) {
      this.linkedin.post(keys.linkedin, entry, fresh);
      this.withLinkedIn.set(entry, 1);
    }
    for (const phone of keys.phones) this.phone.post(phone, entry, fresh);
    const linked = this.withLinkedIn.get(entry) === 1;
    for (const name of keys.names) {
      this.name.post(name, entry, fresh);
      if (!linked) this.nameWithoutLinkedIn.post(name, entry, fresh);
    }
    if (keys.organization && this.organizations.get(entry) === 0) {
      this.organizations.set(entry, this.organizationKeys.add(keys.organization) + 1);
    }
  }

  find(keys: Keys): Found | null {
    let entries: Map<number, MatchKey> | null = null;
    for (const email of keys.emails) entries = this.email.collect(email, 'email', entries);
    if (keys.linkedin) entries = this.linkedin.collect(keys.linkedin, 'linkedin', entries);
    for (const phone of keys.phones) entries = this.phone.collect(phone, 'phone', entries);
    if (entries) return { entries, by: entries.values().next().value ?? 'email' };
    return this.findByName(keys);
  }

  private findByName(keys: Keys): Found | null {
    // Past the strong keys, an entry with a LinkedIn profile has another one than this contact:
    // two connections with the same name at the same company are two people.
    let named: Map<number, MatchKey> | null = null;
    const names = keys.linkedin ? this.nameWithoutLinkedIn : this.name;
    for (const name of keys.names) named = names.collect(name, 'name', named);
    if (named && keys.linkedin) {
      for (const entry of named.keys()) if (this.withLinkedIn.get(entry) === 1) named.delete(entry);
    }
    if (!named || named.size === 0) return null;
    if (keys.organization) {
      const organization = this.organizationKeys.find(keys.organization) + 1;
      const sameOrganization = [...named.keys()].filter(
        (entry) => organization > 0 && this.organizations.get(entry) === organization,
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
    const loose = [...named.keys()].filter(
      (entry) => !keys.organization || this.organizations.get(entry) === 0,
    );
    return loose.length > 0
      ? { entries: new Map(loose.map((e) => [e, 'name'])), by: 'name' }
      : null;
  }
}

// ---------------------------------------------------------------------------------------------
// Combining

const phoneMain = (phone: string): string => phone.split(';')[0] ?? phone;

const joinNotes = (a: string | null, b: string | null): string | null =>
  a && b && a !== b ? `${a}\n\n${b}` : (a ?? b);

const betterPhoto = (a?: ContactPhoto, b?: ContactPhoto): ContactPhoto | undefined =>
  a?.kind === 'inline' ? a : b?.kind === 'inline' ? b : (a ?? b);

const fill = (a: string | null, b: string | null): string | null => (a?.trim() ? a : b);

/** The labels of `a`, then those `b` gives values `a` does not label, for these values only. */
const labelsFor = (
  values: readonly string[],
  a: Readonly<Record<string, ContactLabel>>,
  b: Readonly<Record<string, ContactLabel>>,
): Record<string, ContactLabel> => {
  const out: Record<string, ContactLabel> = {};
  for (const value of values) {
    const label = a[value] ?? b[value];
    if (label) out[value] = label;
  }
  return out;
};

/**
 * The contact fields of `a` with `b`'s added: empty fields filled, lists united (`a`'s entries
 * first), notes joined or only filled. Phones are told apart by `phoneOf`.
 */
const combineContacts = (
  a: PersonContact,
  b: PersonContact,
  phoneOf: (phone: string) => string,
  notes: 'join' | 'fill',
): PersonContact => {
  const emails = unionBy(a.emails, b.emails, emailKey);
  const phones = unionBy(a.phones, b.phones, phoneOf);
  return {
    givenName: fill(a.givenName, b.givenName),
    familyName: fill(a.familyName, b.familyName),
    emails,
    phones,
    contactLabels: labelsFor([...emails, ...phones], a.contactLabels, b.contactLabels),
    organization: fill(a.organization, b.organization),
    title: fill(a.title, b.title),
    location: fill(a.location, b.location),
    notes: notes === 'join' ? joinNotes(a.notes, b.notes) : fill(a.notes, b.notes),
    tags: tidyList([...a.tags, ...b.tags]),
    linkedinUrl: fill(a.linkedinUrl, b.linkedinUrl),
    websites: unionBy(a.websites, b.websites, DETAIL_KEYS.websites),
    relatedNames: unionBy(a.relatedNames, b.relatedNames, DETAIL_KEYS.relatedNames),
    dates: unionBy(a.dates, b.dates, DETAIL_KEYS.dates),
  };
};

/**
 * Two records of the same person combined: `a`'s values first, `b` filling what `a` lacks,
 * lists united, notes joined, the earlier connection date and the better photo kept.
 */
export const mergeRecords = (a: ImportRecord, b: ImportRecord): ImportRecord => {
  const connectedOn = [a.connectedOn, b.connectedOn].filter(Boolean).sort()[0];
  const photo = betterPhoto(a.photo, b.photo);
  const socialProfiles = [...(a.socialProfiles ?? [])];
  for (const profile of b.socialProfiles ?? []) {
    if (!socialProfiles.some((p) => p.url === profile.url && p.user === profile.user)) {
      socialProfiles.push(profile);
    }
  }
  const groups = tidyList([...(a.groups ?? []), ...(b.groups ?? [])]);
  const stature = a.stature ?? b.stature;
  const uid = a.uid ?? b.uid;
  return {
    line: a.line,
    source: a.source,
    displayName: a.displayName,
    ...combineContacts(a, b, phoneMain, 'join'),
    ...(stature != null && { stature }),
    ...(connectedOn && { connectedOn }),
    ...(photo && { photo }),
    ...(socialProfiles.length > 0 && { socialProfiles }),
    ...(groups.length > 0 && { groups }),
    ...(uid && { uid }),
  };
};

/** Whether a combined field is what the person had: combining only fills and appends. */
const unchanged = (before: unknown, after: unknown): boolean => {
  if (Array.isArray(before) && Array.isArray(after)) return before.length === after.length;
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    return Object.keys(before).length === Object.keys(after).length;
  }
  return before === after;
};

/**
 * What a record adds to an existing person: empty fields filled; new emails, phones, tags, web
 * sites, related names, dates and labels appended. Never replaces a value the person has (the
 * host may have typed it).
 */
export const changesFor = (
  person: MatchPerson,
  record: ImportRecord,
  options: MatchOptions = {},
): PersonChanges => {
  const phoneOf = (phone: string): string => phoneKey(phone, options) ?? phoneMain(phone);
  const combined = combineContacts(person, record, phoneOf, 'fill');
  const changes: Record<string, unknown> = {};
  for (const field of CONTACT_FIELDS) {
    if (!unchanged(person[field], combined[field])) changes[field] = combined[field];
  }
  return changes as PersonChanges;
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

/** The keys by number, as `Clustering` keeps them. */
const MATCH_KEYS: readonly MatchKey[] = ['email', 'linkedin', 'phone', 'name-organization', 'name'];

/**
 * How the records of an import cluster, as phase 1 found: which record each one joined, and
 * the records that joined an earlier one (held until phase 2 combines them with it). Records
 * that lead a cluster are not held: phase 2 reads them again.
 */
export class Clustering {
  private records = 0;
  private leading = 0;
  private readonly leaders = new IntList();
  private readonly joinedBy = new IntList();
  private readonly members = new Map<number, Array<{ index: number; record: ImportRecord }>>();

  /** How many clusters the records make: the distinct people of the import. */
  get clusters(): number {
    return this.leading;
  }

  /** The next record leads a cluster of its own; returns its index. */
  lead(): number {
    const index = this.records++;
    this.leaders.set(index, index);
    this.leading++;
    return index;
  }

  /** The next record, `record`, joins the cluster `leader` leads, found by `by`. */
  join(leader: number, by: MatchKey, record: ImportRecord): void {
    const index = this.records++;
    this.leaders.set(index, leader);
    this.joinedBy.set(index, MATCH_KEYS.indexOf(by));
    const members = this.members.get(leader);
    if (members) members.push({ index, record });
    else this.members.set(leader, [{ index, record }]);
  }

  /** The record leading the cluster of record `index` (itself for a leader). */
  leaderOf(index: number): number {
    return this.leaders.get(index);
  }

  /** The key by which record `index` joined its leader. */
  joinedByOf(index: number): MatchKey {
    return MATCH_KEYS[this.joinedBy.get(index)]!;
  }

  /** Whether later records of the import join record `index`. */
  hasMembers(index: number): boolean {
    return this.members.has(index);
  }

  /**
   * Replaces each held record by `revise(record, index)`: for what is known only once a file
   * has been read to its end (the contact groups of a vCard file).
   */
  reviseMembers(revise: (record: ImportRecord, index: number) => ImportRecord): void {
    for (const members of this.members.values()) {
      for (const member of members) member.record = revise(member.record, member.index);
    }
  }

  /** The leader's record combined with every record that joined it, in order; let go of them. */
  combine(leader: number, record: ImportRecord): ImportRecord {
    let combined = record;
    for (const member of this.members.get(leader) ?? []) {
      combined = mergeRecords(combined, member.record);
    }
    this.members.delete(leader);
    return combined;
  }
}

/**
 * Phase 1, record by record: each record joins the earliest earlier record of the import it
 * matches (by a strong key, or by a name that points at one cluster only), or leads a cluster
 * of its own. Only the keys of the clusters are indexed; `done` lets them go.
 */
export class ImportClusters {
  private readonly index = new KeyIndex();
  private readonly clustering = new Clustering();

  constructor(private readonly options: MatchOptions = {}) {}

  add(record: ImportRecord): void {
    const keys = keysOf(record, this.options);
    const found = this.index.find(keys);
    const strong = found && found.by !== 'name' && found.by !== 'name-organization';
    if (!found || !(strong || found.entries.size === 1)) {
      this.index.add(this.clustering.lead(), keys, true);
      return;
    }
    const leader = Math.min(...found.entries.keys());
    this.clustering.join(leader, found.by, record);
    this.index.add(leader, keys, false);
  }

  /** The clusters, once every record has been added. */
  done(): Clustering {
    return this.clustering;
  }
}

type UpdateDecision = Extract<MatchDecision, { readonly kind: 'update' }>;

/**
 * What `ClusterMatcher.next` says of one record: its decision, but an update without its
 * changes, which are known only at `finish` (a later cluster may still join it).
 */
export type MatchStep =
  | Exclude<MatchDecision, UpdateDecision>
  | Omit<UpdateDecision, 'changes' | 'record'>;

/**
 * Phase 2: the records again, in the order phase 1 took them. Each cluster is matched against
 * the existing people when its leading record comes by, its records combined: created, a
 * conflict, or an update of one person; a cluster that finds a person an earlier cluster
 * already updates joins that one. Updates are held (they are at most one per person) and
 * decided at `finish`.
 */
export class ClusterMatcher {
  private readonly index = new KeyIndex();
  private at = 0;
  /** Person → the leader of the cluster that updates them. */
  private readonly claimedBy = new Map<number, number>();
  /** Leader → the person it updates, the key that found them, and the records combined. */
  private readonly updates = new Map<
    number,
    { readonly person: number; readonly by: MatchKey; record: ImportRecord }
  >();
  /** A leader that joined an earlier cluster in phase 2 → that cluster's leader. */
  private readonly joinedLater = new Map<number, number>();

  constructor(
    private readonly people: readonly MatchPerson[],
    private readonly clustering: Clustering,
    private readonly options: MatchOptions = {},
  ) {
    people.forEach((person, p) => {
      this.index.add(p, keysOf(person, options), true);
    });
  }

  next(record: ImportRecord): MatchStep {
    const at = this.at++;
    const leader = this.clustering.leaderOf(at);
    if (leader !== at) {
      // The records of a cluster were combined when its leader came by.
      return {
        kind: 'merge',
        into: this.joinedLater.get(leader) ?? leader,
        matchedBy: this.clustering.joinedByOf(at),
      };
    }
    return this.decide(at, this.clustering.combine(at, record));
  }

  private decide(leader: number, record: ImportRecord): MatchStep {
    const found = this.index.find(keysOf(record, this.options));
    if (!found) return { kind: 'create', record };
    if (found.entries.size > 1) {
      const candidates = [...found.entries.keys()].sort((a, b) => a - b);
      const named = candidates
        .map((p) => `${this.people[p]!.displayName} (${KEY_WORDS[found.entries.get(p)!]})`)
        .join(', ');
      return {
        kind: 'conflict',
        candidates: candidates.map((p) => this.people[p]!.id),
        reason: `matches ${candidates.length} people: ${named}`,
        record,
      };
    }
    const person = [...found.entries.keys()][0]!;
    const earlier = this.claimedBy.get(person);
    if (earlier !== undefined) {
      // Two clusters of this import are the same existing person: the later joins the earlier.
      const update = this.updates.get(earlier)!;
      update.record = mergeRecords(update.record, record);
      this.joinedLater.set(leader, earlier);
      return { kind: 'merge', into: earlier, matchedBy: found.by };
    }
    this.claimedBy.set(person, leader);
    this.updates.set(leader, { person, by: found.by, record });
    return { kind: 'update', personId: this.people[person]!.id, matchedBy: found.by };
  }

  /** The updates, in the order of their leading records, with what each adds to its person. */
  finish(): Array<{ readonly index: number; readonly decision: UpdateDecision }> {
    return [...this.updates].map(([index, { person, by, record }]) => ({
      index,
      decision: {
        kind: 'update',
        personId: this.people[person]!.id,
        matchedBy: by,
        changes: changesFor(this.people[person]!, record, this.options),
        record,
      },
    }));
  }
}

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
