/**
 * vCard export: 3.0 (RFC 2426, what Google Contacts and phones accept) and 4.0 (RFC 6350).
 * One card per person, lines folded at 75 octets without splitting a UTF-8 character, text
 * escaped, the photo included. Pure and streaming: a generator of card strings.
 */
import type { Person } from '../domain/person';
import type { ContactPhoto } from './import-record';

export type VCardVersion = '3.0' | '4.0';

/** What a card is written from: a person, with the few things the store keeps beside it. */
export interface VCardPerson
  extends Pick<
    Person,
    | 'id'
    | 'displayName'
    | 'givenName'
    | 'familyName'
    | 'emails'
    | 'phones'
    | 'organization'
    | 'title'
    | 'location'
    | 'notes'
    | 'tags'
  > {
  readonly linkedinUrl?: string | null;
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

const telLine = (phone: string, version: VCardVersion): string => {
  if (version === '3.0') return `TEL;TYPE=VOICE:${phone}`;
  return phone.startsWith('+')
    ? `TEL;VALUE=uri;TYPE=voice:tel:${phone}`
    : `TEL;VALUE=text;TYPE=voice:${escapeText(phone)}`;
};

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
  for (const email of person.emails) {
    lines.push(
      version === '3.0' ? `EMAIL;TYPE=INTERNET:${escapeText(email)}` : `EMAIL:${escapeText(email)}`,
    );
  }
  for (const phone of person.phones) lines.push(telLine(phone, version));
  if (person.location) lines.push(`ADR:;;;${escapeComponent(person.location)};;;`);
  if (person.linkedinUrl) lines.push(`URL:${person.linkedinUrl}`);
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
