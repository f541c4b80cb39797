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
  PersonWebsite,
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
 * Numbers the `itemN.` groups of one card: Apple's way to give a property a label
 * (`item1.URL:…` with `item1.X-ABLabel:blog`), which Google Contacts reads too.
 */
class Items {
  private next = 1;
  /** `name` as written, grouped with an `X-ABLabel` line when `label` is given. */
  lines(property: string, label: string | null | undefined): string[] {
    if (!label) return [property];
    const group = `item${this.next++}`;
    return [`${group}.${property}`, `${group}.X-ABLabel:${escapeText(label)}`];
  }
}

/** The TYPE parameter of an email or phone: 3.0 lists `pref` among types, 4.0 writes `PREF=1`. */
const typeParams = (
  label: ContactLabel | undefined,
  version: VCardVersion,
  plain: string,
): string => {
  const types = (label?.types ?? []).filter((t) => /^[a-z0-9-]+$/i.test(t));
  const pref = types.includes('pref');
  const others = types.filter((t) => t !== 'pref');
  if (version === '3.0') {
    return `;TYPE=${[plain, ...others, ...(pref ? ['pref'] : [])].join(',').toUpperCase()}`;
  }
  const typed = others.length > 0 ? `;TYPE=${others.join(',')}` : `;TYPE=${plain.toLowerCase()}`;
  return pref ? `${typed};PREF=1` : typed;
};

const telLine = (phone: string, label: ContactLabel | undefined, version: VCardVersion) => {
  const types = typeParams(label, version, 'VOICE');
  if (version === '3.0') return `TEL${types}:${phone}`;
  return phone.startsWith('+')
    ? `TEL;VALUE=uri${types}:tel:${phone}`
    : `TEL;VALUE=text${types}:${escapeText(phone)}`;
};

const emailLine = (email: string, label: ContactLabel | undefined, version: VCardVersion) =>
  label?.types.length || version === '3.0'
    ? `EMAIL${typeParams(label, version, 'INTERNET').replace(/;TYPE=internet/, '')}:${escapeText(email)}`
    : `EMAIL:${escapeText(email)}`;

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

const relatedLines = (related: RelatedName, version: VCardVersion, items: Items): string[] => {
  const relation = related.relation?.trim() ?? null;
  if (version === '4.0' && (!relation || RELATED_TYPES.has(relation.toLowerCase()))) {
    // Parameter values are case-insensitive: the relation keeps the case the card gave it.
    const type = relation ? `;TYPE=${relation}` : '';
    return [`RELATED;VALUE=text${type}:${escapeText(related.name)}`];
  }
  return items.lines(`X-ABRELATEDNAMES:${escapeText(related.name)}`, appleLabel(relation));
};

const dateLines = (date: PersonDate, version: VCardVersion, items: Items): string[] => {
  // Apple marks a birthday without a year with the year 1604; 4.0 has `--MMDD`.
  const yearless = date.date.startsWith('--') && version === '3.0';
  const value = yearless ? `1604${date.date.slice(1)}` : dateValue(date.date, version);
  const omit = yearless ? ';X-APPLE-OMIT-YEAR=1604' : '';
  if (date.kind === 'birthday') return [`BDAY${omit}:${value}`];
  if (date.kind === 'anniversary' && version === '4.0') return [`ANNIVERSARY:${value}`];
  const label = date.kind === 'anniversary' ? 'Anniversary' : date.label;
  return items.lines(`X-ABDATE${omit}:${value}`, appleLabel(label));
};

const websiteLines = (website: PersonWebsite, items: Items): string[] =>
  items.lines(`URL:${website.url}`, appleLabel(website.label));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const revision = (iso: string, version: VCardVersion): string => {
  const seconds = iso.replace(/\.\d+/, '');
  return version === '3.0' ? seconds : seconds.replace(/[-:]/g, '');
};

/** One person as a vCard of the given version, CRLF line endings, folded. */
export const personToVCard = (person: VCardPerson, version: VCardVersion): string => {
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`, 'PRODID:-//Salon//Salon//EN'];
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
  const items = new Items();
  const labelled = (property: string, value: string): string[] =>
    items.lines(property, person.contactLabels[value]?.label);
  for (const email of person.emails) {
    lines.push(...labelled(emailLine(email, person.contactLabels[email], version), email));
  }
  for (const phone of person.phones) {
    lines.push(...labelled(telLine(phone, person.contactLabels[phone], version), phone));
  }
  if (person.location) lines.push(`ADR:;;;${escapeComponent(person.location)};;;`);
  if (person.linkedinUrl) lines.push(`URL:${person.linkedinUrl}`);
  for (const website of person.websites) lines.push(...websiteLines(website, items));
  for (const related of person.relatedNames) lines.push(...relatedLines(related, version, items));
  for (const date of person.dates) lines.push(...dateLines(date, version, items));
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
