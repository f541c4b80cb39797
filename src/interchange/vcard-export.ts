/**
 * vCard export: 3.0 (RFC 2426, what Google Contacts and phones accept) and 4.0 (RFC 6350).
 * One card per person, lines folded at 75 octets without splitting a UTF-8 character, text
 * escaped, the photo included. Pure and streaming: a generator of card strings.
 */
import type {
  ContactLabel,
  Person,
  PersonContact,
  PersonDate,
  RelatedName,
} from '../domain/person';
import type { ContactPhoto } from './import-record';

export type VCardVersion = '3.0' | '4.0';

/** What a card is written from: a person's name and contact fields, and their picture. */
export interface VCardPerson extends Pick<Person, 'id' | 'displayName'>, PersonContact {
  readonly photo?: ContactPhoto | null;
  /** ISO timestamp, written as REV. */
  readonly updatedAt?: string;
}

const CRLF = '\r\n';

/**
 * Escapes a text value: backslash, newline and comma (RFC 6350 §3.4). A semicolon is escaped
 * only inside structured values (`escapeComponent`): readers such as ical.js keep `\;` in plain
 * text as two characters.
 */
export const escapeText = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\n|\r/g, '\\n')
    .replace(/,/g, '\\,');

/** Escapes one component of a structured value (N, ORG, ADR): also the semicolon. */
export const escapeComponent = (text: string): string => escapeText(text).replace(/;/g, '\\;');

const utf8Length = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * Folds a content line so that no line exceeds 75 octets (CRLF not counted): continuation
 * lines start with one space. Never splits a UTF-8 sequence.
 */
export const foldLine = (line: string): string => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the fast path is for ASCII only.
  if (line.length <= 75 && /^[\x00-\x7f]*$/.test(line)) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i) ?? 0;
    const width = utf8Length(codePoint);
    const units = codePoint > 0xffff ? 2 : 1;
    if (octets + width > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    octets += width;
    i += units;
  }
  parts.push(line.slice(start));
  return parts.join(`${CRLF} `);
};

const imageType = (mediaType: string): string =>
  (mediaType.split('/')[1] ?? 'jpeg').replace(/^jpeg$/i, 'JPEG').toUpperCase();

const photoLine = (photo: ContactPhoto, version: VCardVersion): string => {
  if (photo.kind === 'url') {
    return version === '3.0' ? `PHOTO;VALUE=uri:${photo.url}` : `PHOTO:${photo.url}`;
  }
  return version === '3.0'
    ? `PHOTO;ENCODING=b;TYPE=${imageType(photo.mediaType)}:${photo.base64}`
    : `PHOTO:data:${photo.mediaType};base64,${photo.base64}`;
};

/**
 * The lines of one card. A labelled property is grouped with its label as `itemN.`: Apple's
 * way (`item1.URL:…` with `item1.X-ABLabel:blog`), which Google Contacts reads too.
 */
class CardLines {
  readonly lines: string[] = [];
  private items = 0;

  /** `property` as written, grouped with an `X-ABLabel` line when `label` is given. */
  add(property: string, label?: string | null): void {
    if (!label) {
      this.lines.push(property);
      return;
    }
    const group = `item${++this.items}`;
    this.lines.push(`${group}.${property}`, `${group}.X-ABLabel:${escapeText(label)}`);
  }
}

/**
 * The TYPE parameter of an email or phone: its types, with `plain` (INTERNET, VOICE) where the
 * version expects one; 3.0 lists `pref` among the types, 4.0 writes `PREF=1`.
 */
const typeParams = (
  label: ContactLabel | undefined,
  version: VCardVersion,
  plain: { readonly '3.0': string; readonly '4.0': string | null },
): string => {
  // Most numbers carry no types: no lists to build for them (an export writes thousands).
  if (!label?.types.length) {
    return version === '3.0'
      ? `;TYPE=${plain['3.0']}`
      : plain['4.0']
        ? `;TYPE=${plain['4.0']}`
        : '';
  }
  const types = label.types.filter((t) => /^[a-z0-9-]+$/i.test(t));
  const pref = types.includes('pref');
  const others = types.filter((t) => t !== 'pref');
  if (version === '3.0') {
    return `;TYPE=${[plain['3.0'], ...others, ...(pref ? ['pref'] : [])].join(',').toUpperCase()}`;
  }
  const listed = others.length > 0 ? others.join(',') : plain['4.0'];
  return `${listed ? `;TYPE=${listed}` : ''}${pref ? ';PREF=1' : ''}`;
};

const telLine = (phone: string, label: ContactLabel | undefined, version: VCardVersion) => {
  const types = typeParams(label, version, { '3.0': 'VOICE', '4.0': 'voice' });
  if (version === '3.0') return `TEL${types}:${phone}`;
  return phone.startsWith('+')
    ? `TEL;VALUE=uri${types}:tel:${phone}`
    : `TEL;VALUE=text${types}:${escapeText(phone)}`;
};

const emailLine = (email: string, label: ContactLabel | undefined, version: VCardVersion) =>
  `EMAIL${typeParams(label, version, { '3.0': 'INTERNET', '4.0': null })}:${escapeText(email)}`;

/** A date in the version's form: 3.0 `1980-04-12`, 4.0 `19800412`; no year: `--0412`. */
const dateValue = (date: string, version: VCardVersion): string => {
  if (date.startsWith('--')) return `--${date.slice(2).replace('-', '')}`;
  return version === '3.0' ? date : date.replace(/-/g, '');
};

/** Apple's own labels for its relations and dates: written `_$!<Spouse>!$_` so it shows its own. */
const APPLE_LABELS = new Set(
  [
    'spouse',
    'partner',
    'child',
    'mother',
    'father',
    'parent',
    'brother',
    'sister',
    'friend',
  ].concat(['assistant', 'manager', 'anniversary', 'other', 'homepage']),
);

const appleLabel = (label: string | null): string | null =>
  label && APPLE_LABELS.has(label.toLowerCase()) ? `_$!<${label}>!$_` : label;

/** vCard 4.0's own relation types (RFC 6350 §6.6.6). */
const RELATED_TYPES = new Set(
  ['contact', 'acquaintance', 'friend', 'met', 'co-worker', 'colleague', 'co-resident']
    .concat(['neighbor', 'child', 'parent', 'sibling', 'spouse', 'kin', 'muse', 'crush'])
    .concat(['date', 'sweetheart', 'me', 'agent', 'emergency']),
);

const addRelated = (card: CardLines, related: RelatedName, version: VCardVersion): void => {
  const relation = related.relation?.trim() ?? null;
  if (version === '4.0' && (!relation || RELATED_TYPES.has(relation.toLowerCase()))) {
    // Parameter values are case-insensitive: the relation keeps the case the card gave it.
    const type = relation ? `;TYPE=${relation}` : '';
    card.add(`RELATED;VALUE=text${type}:${escapeText(related.name)}`);
  } else {
    card.add(`X-ABRELATEDNAMES:${escapeText(related.name)}`, appleLabel(relation));
  }
};

const addDate = (card: CardLines, date: PersonDate, version: VCardVersion): void => {
  // Apple marks a birthday without a year with the year 1604; 4.0 has `--MMDD`.
  const yearless = date.date.startsWith('--') && version === '3.0';
  const value = yearless ? `1604${date.date.slice(1)}` : dateValue(date.date, version);
  const omit = yearless ? ';X-APPLE-OMIT-YEAR=1604' : '';
  if (date.kind === 'birthday') card.add(`BDAY${omit}:${value}`);
  else if (date.kind === 'anniversary' && version === '4.0') card.add(`ANNIVERSARY:${value}`);
  else {
    const label = date.kind === 'anniversary' ? 'Anniversary' : date.label;
    card.add(`X-ABDATE${omit}:${value}`, appleLabel(label));
  }
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const revision = (iso: string, version: VCardVersion): string => {
  const seconds = iso.replace(/\.\d+/, '');
  return version === '3.0' ? seconds : seconds.replace(/[-:]/g, '');
};

/** One person as a vCard of the given version, CRLF line endings, folded. */
export const personToVCard = (person: VCardPerson, version: VCardVersion): string => {
  const card = new CardLines();
  const lines = card.lines;
  lines.push('BEGIN:VCARD', `VERSION:${version}`, 'PRODID:-//Salon//Salon//EN');
  if (UUID.test(person.id)) lines.push(`UID:urn:uuid:${person.id.toLowerCase()}`);
  else
    lines.push(
      version === '3.0'
        ? `UID:${escapeText(person.id)}`
        : `UID;VALUE=text:${escapeText(person.id)}`,
    );
  lines.push(`FN:${escapeText(person.displayName)}`);
  lines.push(
    `N:${escapeComponent(person.familyName ?? '')};${escapeComponent(person.givenName ?? '')};;;`,
  );
  if (person.organization) lines.push(`ORG:${escapeComponent(person.organization)}`);
  if (person.title) lines.push(`TITLE:${escapeText(person.title)}`);
  for (const email of person.emails) {
    const label = person.contactLabels[email];
    card.add(emailLine(email, label, version), label?.label);
  }
  for (const phone of person.phones) {
    const label = person.contactLabels[phone];
    card.add(telLine(phone, label, version), label?.label);
  }
  if (person.location) lines.push(`ADR:;;;${escapeComponent(person.location)};;;`);
  if (person.linkedinUrl) lines.push(`URL:${person.linkedinUrl}`);
  for (const website of person.websites) card.add(`URL:${website.url}`, appleLabel(website.label));
  for (const related of person.relatedNames) addRelated(card, related, version);
  for (const date of person.dates) addDate(card, date, version);
  if (person.tags.length > 0) lines.push(`CATEGORIES:${person.tags.map(escapeText).join(',')}`);
  if (person.notes) lines.push(`NOTE:${escapeText(person.notes)}`);
  if (person.photo) lines.push(photoLine(person.photo, version));
  if (person.updatedAt) lines.push(`REV:${revision(person.updatedAt, version)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join(CRLF) + CRLF;
};

export interface VCardExportOptions {
  readonly version: VCardVersion;
}

/** Streams a vCard file: one card string per person, to be written one after another. */
export function* exportVCards(
  people: Iterable<VCardPerson>,
  options: VCardExportOptions,
): Generator<string> {
  for (const person of people) yield personToVCard(person, options.version);
}
