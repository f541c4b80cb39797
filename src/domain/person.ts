/** A person in the host's network; the host is a person too (`isSelf`). */
import { fold, words } from './text';

export type PersonId = string;

/** Where a person came from: typed by the host, imported from a file, or generated. */
export type PersonSource =
  | 'manual'
  | 'moment'
  | 'linkedin'
  | 'google'
  | 'outlook'
  | 'vcard'
  | 'backup'
  | 'demo';

/** A person's picture: inline bytes (base64, as vCards carry them) or a link to one. */
export type PersonPhoto =
  | { readonly kind: 'inline'; readonly mediaType: string; readonly base64: string }
  | { readonly kind: 'url'; readonly url: string };

/** A web site of a person, with the label the card gave it (`homepage`, `blog`), if any. */
export interface PersonWebsite {
  readonly url: string;
  readonly label: string | null;
}

/** Someone named on a contact card ("Spouse: Rui"), not necessarily a person in the network. */
export interface RelatedName {
  readonly name: string;
  /** As the card says it: `spouse`, `child`, or a custom label ("running coach"). */
  readonly relation: string | null;
}

export type PersonDateKind = 'birthday' | 'anniversary' | 'other';

/** A date to remember about a person. */
export interface PersonDate {
  readonly kind: PersonDateKind;
  /** `YYYY-MM-DD`, or `--MM-DD` when the card gives no year. */
  readonly date: string;
  /** The card's label for an `other` date ("Graduation"). */
  readonly label: string | null;
}

/**
 * How a contact card types one email or phone: `cell`, `work`, `home`, `pref`… (lower case, as
 * vCard `TYPE`s), and a custom label where the card gives one (`item1.X-ABLabel`).
 */
export interface ContactLabel {
  readonly types: readonly string[];
  readonly label: string | null;
}

export interface Person {
  readonly id: PersonId;
  readonly workspaceId: string;
  readonly isSelf: boolean;
  readonly displayName: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly organization: string | null;
  readonly title: string | null;
  readonly location: string | null;
  readonly tags: readonly string[];
  readonly interests: readonly string[];
  /** What they are looking for ("raising a seed round"). */
  readonly asks: readonly string[];
  /** What they can help with ("invests in seed-stage climate companies"). */
  readonly offers: readonly string[];
  readonly notes: string | null;
  /** The host's judgement of how much weight this person carries, 1–5. */
  readonly stature: number | null;
  /** Free text, or filled from the moment where the host first met them. */
  readonly howWeMet: string | null;
  readonly howWeMetMomentId: string | null;
  readonly introducedById: PersonId | null;
  readonly source: PersonSource;
  /** ISO date of the host's last recorded contact with this person. */
  readonly lastContactOn: string | null;
  /** `https://www.linkedin.com/in/slug`, normalised; imports match people by it. */
  readonly linkedinUrl: string | null;
  readonly photo: PersonPhoto | null;
  /** The types and labels of `emails` and `phones`, by the email or phone as stored. */
  readonly contactLabels: Readonly<Record<string, ContactLabel>>;
  readonly websites: readonly PersonWebsite[];
  readonly relatedNames: readonly RelatedName[];
  readonly dates: readonly PersonDate[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * The contact fields: what a contact card, a CSV row or a backup carries about a person, and
 * what imports read, match, fill and export. The one list every restatement derives from: a new
 * contact field is added here and in the few places that read or write it.
 */
export const CONTACT_FIELDS = [
  'givenName',
  'familyName',
  'emails',
  'phones',
  'contactLabels',
  'organization',
  'title',
  'location',
  'notes',
  'tags',
  'linkedinUrl',
  'websites',
  'relatedNames',
  'dates',
] as const satisfies ReadonlyArray<keyof Person>;

export type ContactField = (typeof CONTACT_FIELDS)[number];

/** A person's contact fields alone. */
export type PersonContact = Pick<Person, ContactField>;

/** Contact fields with nothing in them, for building one up. */
export const BLANK_CONTACT: PersonContact = {
  givenName: null,
  familyName: null,
  emails: [],
  phones: [],
  contactLabels: {},
  organization: null,
  title: null,
  location: null,
  notes: null,
  tags: [],
  linkedinUrl: null,
  websites: [],
  relatedNames: [],
  dates: [],
};

/** The contact fields of `source` (a person, a record, a row): a copy without the rest. */
export const contactOf = (source: PersonContact): PersonContact => {
  const out: Record<string, unknown> = {};
  for (const field of CONTACT_FIELDS) out[field] = source[field];
  return out as PersonContact;
};

/** The fields a host may set; everything else is derived or kept by the store. */
export type PersonDraft = Partial<
  Pick<
    Person,
    | ContactField
    | 'interests'
    | 'asks'
    | 'offers'
    | 'stature'
    | 'howWeMet'
    | 'howWeMetMomentId'
    | 'introducedById'
    | 'source'
    | 'photo'
  >
> & { readonly displayName?: string | null };

/** The name a workspace's own person (`self`) has until the host gives theirs. */
export const SELF_PLACEHOLDER = 'Me';

/**
 * Whether the host's own person carries nothing but the placeholder name: exporting them would
 * write an empty card called "Me".
 */
export const isPlaceholderSelf = (person: Person): boolean =>
  person.isSelf &&
  person.displayName === SELF_PLACEHOLDER &&
  !CONTACT_FIELDS.some((field) => {
    const value = person[field];
    if (value === null) return false;
    if (Array.isArray(value)) return value.length > 0;
    if (typeof value === 'object') return Object.keys(value).length > 0;
    return String(value).trim() !== '';
  });

/** The name to show: the display name, else given + family, else the first email. */
export const deriveDisplayName = (draft: PersonDraft): string => {
  const explicit = draft.displayName?.trim();
  if (explicit) return explicit;
  const joined = [draft.givenName, draft.familyName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  if (joined) return joined;
  return draft.emails?.[0]?.trim() || draft.organization?.trim() || 'Unnamed';
};

/** The key people lists sort by: folded display name. */
export const sortKey = (displayName: string): string => fold(displayName).trim();

/**
 * The words a person is found by: every word of each name, email (whole and local part),
 * organisation and tag, folded so that search ignores case and diacritics.
 */
export const searchTerms = (
  person: Pick<
    Person,
    'displayName' | 'givenName' | 'familyName' | 'emails' | 'organization' | 'tags'
  >,
): string[] => {
  const terms = new Set<string>();
  const add = (text: string | null | undefined): void => {
    if (!text) return;
    for (const word of words(text)) terms.add(word);
  };
  add(person.displayName);
  add(person.givenName);
  add(person.familyName);
  add(person.organization);
  for (const tag of person.tags) {
    add(tag);
    terms.add(fold(tag).trim());
  }
  for (const email of person.emails) {
    const folded = fold(email).trim();
    terms.add(folded);
    add(folded.split('@')[0]);
  }
  terms.delete('');
  return [...terms];
};

/** Tidies a list of labels: trimmed, empty ones dropped, duplicates (ignoring case) removed. */
export const tidyList = (items: readonly string[] | undefined): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items ?? []) {
    const trimmed = item.trim();
    const key = fold(trimmed);
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
};

/**
 * Two lists united: `a`'s first, then the items of `b` whose `key` is new (emails, phones, web
 * sites, related names, dates: imports and merges add to these lists and never replace them).
 */
export const unionBy = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string): T[] => {
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

/** The keys web sites, related names and dates are told apart by. */
export const DETAIL_KEYS = {
  websites: (w: PersonWebsite): string => w.url.trim().replace(/\/+$/, '').toLowerCase(),
  relatedNames: (r: RelatedName): string => `${fold(r.name).trim()}|${fold(r.relation ?? '')}`,
  dates: (d: PersonDate): string => `${d.kind}|${d.date}|${d.label ?? ''}`,
} as const;

/** `a`'s contact labels with those of `b` for values `a` does not label. */
export const unionLabels = (
  a: Readonly<Record<string, ContactLabel>>,
  b: Readonly<Record<string, ContactLabel>>,
): Record<string, ContactLabel> => ({ ...b, ...a });

export const STATURE_MIN = 1;
export const STATURE_MAX = 5;
