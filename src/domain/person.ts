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
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The fields a host may set; everything else is derived or kept by the store. */
export type PersonDraft = Partial<
  Pick<
    Person,
    | 'givenName'
    | 'familyName'
    | 'emails'
    | 'phones'
    | 'organization'
    | 'title'
    | 'location'
    | 'tags'
    | 'interests'
    | 'asks'
    | 'offers'
    | 'notes'
    | 'stature'
    | 'howWeMet'
    | 'howWeMetMomentId'
    | 'introducedById'
    | 'source'
    | 'linkedinUrl'
    | 'photo'
  >
> & { readonly displayName?: string | null };

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

export const STATURE_MIN = 1;
export const STATURE_MAX = 5;

/** What the fields of a person are called on screen, where that is not their name in words. */
const PERSON_FIELD_WORDS: Readonly<Record<string, string>> = {
  displayName: 'name',
  givenName: 'first name',
  familyName: 'last name',
  organization: 'organisation',
  title: 'job title',
  location: 'place',
  howWeMet: 'how you met',
  howWeMetMomentId: 'the moment you met',
  introducedById: 'who introduced them',
  linkedinUrl: 'LinkedIn profile',
  lastContactOn: 'last contact',
};

/** A person's field as the host reads it: "linkedinUrl" is "LinkedIn profile". */
export const personFieldLabel = (field: string): string =>
  PERSON_FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
