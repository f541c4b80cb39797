/**
 * A small, lenient vCard reader for 2.1, 3.0 and 4.0 (RFC 2425/2426, RFC 6350 and what phones
 * and mail programs actually write), streaming one card at a time.
 *
 * We own it rather than use ical.js because real files need more than RFC 6350: 2.1's bare
 * type parameters (`TEL;WORK;VOICE`), QUOTED-PRINTABLE values with soft line breaks and a
 * CHARSET, 2.1 base64 blocks ended by a blank line, nested AGENT cards, Apple's grouped labels.
 *
 * Phases: bytes → text (`decodeText`) → physical lines → logical lines (unfolding: a line that
 * starts with a space or tab continues the previous one, without that first character; a QP
 * value ending in `=` continues on the next line; a 2.1 base64 value continues until a blank
 * line) → content lines (`group.NAME;PARAM=…:value`) → cards → import items.
 */
import iconv from 'iconv-lite';
import { invalidInput } from '../domain/errors';
import type { PersonDate, PersonWebsite } from '../domain/person';
import { isEmail, normalizeEmail } from '../domain/text';
import { normalizeLinkedInUrl } from './contact-keys';
import {
  buildImportItem,
  type ContactPhoto,
  dateOfLabel,
  type ImportItem,
  type ParseOptions,
  type RelatedName,
  readDate,
  type SocialProfile,
  type Typed,
} from './import-record';
import { type ByteSource, decodeText, splitLines } from './text-stream';

/** One content line of a card. Names, groups and parameter names are upper case. */
export interface VCardProperty {
  readonly line: number;
  /** `ITEM1` for `item1.EMAIL`, else null. */
  readonly group: string | null;
  readonly name: string;
  /** Parameter values as written (quotes and RFC 6868 `^` escapes removed); TYPE lists split. */
  readonly params: ReadonlyMap<string, readonly string[]>;
  /** The value with vCard escapes still in (they depend on the property), QP already decoded. */
  readonly value: string;
}

/** One `BEGIN:VCARD` … `END:VCARD` at the top level (an AGENT's embedded card is not one). */
export interface VCard {
  /** The line of `BEGIN:VCARD`. */
  readonly line: number;
  readonly properties: readonly VCardProperty[];
}

// ---------------------------------------------------------------------------------------------
// Values

/** Undoes vCard text escapes: `\n` `\N` `\,` `\;` `\:` `\\`; any other backslash stays. */
export const unescapeText = (text: string): string =>
  text.includes('\\')
    ? text.replace(/\\([\s\S])/g, (whole, c: string) =>
        c === 'n' || c === 'N'
          ? '\n'
          : c === ',' || c === ';' || c === ':' || c === '\\'
            ? c
            : whole,
      )
    : text;

/** Splits on `separator` where it is not escaped; the parts keep their escapes. */
export const splitUnescaped = (text: string, separator: ';' | ','): string[] => {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
};

const decodeBytes = (bytes: Buffer, charset: string | undefined): string => {
  const name = charset?.trim().toLowerCase();
  if (name && name !== 'utf-8' && name !== 'utf8' && iconv.encodingExists(name)) {
    return iconv.decode(bytes, name);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
};

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Decodes a QUOTED-PRINTABLE value (soft breaks already joined) in its CHARSET. */
export const decodeQuotedPrintable = (text: string, charset?: string): string => {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 61 /* = */) {
      const hex = text.slice(i + 1, i + 3);
      if (HEX.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      }
      // A lone `=` is a soft line break the unfolding did not see: drop it.
    } else if (code < 128) {
      bytes.push(code);
    } else {
      const point = text.codePointAt(i) ?? code;
      const char = String.fromCodePoint(point);
      for (const byte of Buffer.from(char, 'utf8')) bytes.push(byte);
      i += char.length - 1;
    }
  }
  return decodeBytes(Buffer.from(bytes), charset);
};

const decodeCaret = (text: string): string =>
  text.includes('^')
    ? text.replace(/\^([n^'])/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'))
    : text;

const ENCODING_TOKENS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Parses `group.NAME;PARAM=a,"b";BARE:value`; null for a line that is not a property. */
export const parseContentLine = (text: string, line: number): VCardProperty | null => {
  const n = text.length;
  let i = 0;
  while (i < n && text[i] !== ';' && text[i] !== ':') i++;
  if (i >= n) return null;
  const fullName = text.slice(0, i).trim().toUpperCase();
  if (!fullName) return null;
  const dot = fullName.lastIndexOf('.');
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]): void => {
    const list = params.get(key) ?? [];
    for (const value of values) {
      if (key === 'TYPE') list.push(...value.split(',').filter(Boolean));
      else list.push(value);
    }
    params.set(key, list);
  };
  while (text[i] === ';') {
    i++;
    const keyStart = i;
    while (i < n && text[i] !== '=' && text[i] !== ';' && text[i] !== ':') i++;
    const key = text.slice(keyStart, i).trim().toUpperCase();
    if (text[i] === '=') {
      i++;
      const values: string[] = [];
      for (;;) {
        if (text[i] === '"') {
          const close = text.indexOf('"', i + 1);
          const end = close < 0 ? n : close;
          values.push(decodeCaret(text.slice(i + 1, end)));
          i = end + 1;
          while (i < n && text[i] !== ',' && text[i] !== ';' && text[i] !== ':') i++;
        } else {
          const start = i;
          while (i < n && text[i] !== ',' && text[i] !== ';' && text[i] !== ':') i++;
          values.push(decodeCaret(text.slice(start, i)));
        }
        if (text[i] !== ',') break;
        i++;
      }
      add(key, values);
    } else if (key) {
      // vCard 2.1 writes bare parameters: `TEL;WORK;VOICE`, `PHOTO;ENCODING=BASE64;JPEG`.
      add(ENCODING_TOKENS.has(key) ? 'ENCODING' : 'TYPE', [key]);
    }
  }
  if (text[i] !== ':') return null;
  let value = text.slice(i + 1);
  const encoding = params.get('ENCODING')?.[0]?.toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE')
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0]);
  return {
    line,
    group: dot >= 0 ? fullName.slice(0, dot) : null,
    name: fullName.slice(dot + 1),
    params,
    value,
  };
};

// ---------------------------------------------------------------------------------------------
// Lines and cards

type Continuation = 'plain' | 'quoted-printable' | 'base64';

/** How a logical line continues, from its name and parameters (the part before the value). */
const continuationOf = (text: string): Continuation => {
  const colon = text.indexOf(':');
  const head = colon < 0 ? text : text.slice(0, colon);
  if (/QUOTED-PRINTABLE/i.test(head)) return 'quoted-printable';
  if (/;\s*(?:ENCODING\s*=\s*)?(?:B|BASE64)\s*(?:;|$)/i.test(head)) return 'base64';
  return 'plain';
};

/** Logical (unfolded) lines with the physical line each starts on. */
async function* logicalLines(
  text: AsyncIterable<string>,
): AsyncGenerator<{ readonly text: string; readonly line: number }> {
  let pending: { text: string; line: number } | null = null;
  let lineNo = 0;
  for await (const physical of splitLines(text)) {
    lineNo++;
    if (pending) {
      const softBreak =
        pending.text.endsWith('=') && continuationOf(pending.text) === 'quoted-printable';
      if (softBreak) {
        // RFC 2045 soft line break: the next line continues the value as it is.
        pending.text = pending.text.slice(0, -1) + physical;
        continue;
      }
      const first = physical.charCodeAt(0);
      if (first === 32 || first === 9) {
        pending.text += physical.slice(1);
        continue;
      }
      if (
        physical.trim() !== '' &&
        !physical.includes(':') &&
        continuationOf(pending.text) === 'base64'
      ) {
        // vCard 2.1 base64 runs over unindented lines until a blank line.
        pending.text += physical.trim();
        continue;
      }
      yield pending;
      pending = null;
    }
    if (physical.trim() === '') continue;
    pending = { text: physical, line: lineNo };
  }
  if (pending) yield pending;
}

/** The largest card read, in characters (photos included); anything larger is a broken file. */
export const MAX_CARD_CHARS = 64 * 2 ** 20;

/**
 * Streams the cards of vCard text. Throws an `invalid_input` DomainError with one sentence when
 * a card has no `END:VCARD` (a truncated file) or the text holds no card at all.
 */
export async function* readVCards(text: AsyncIterable<string>): AsyncGenerator<VCard> {
  let card: { line: number; properties: VCardProperty[]; size: number } | null = null;
  let nested = 0;
  let previous: VCardProperty | null = null;
  let count = 0;
  for await (const logical of logicalLines(text)) {
    const property = parseContentLine(logical.text, logical.line);
    if (!property) continue;
    const upperValue = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && upperValue === 'VCARD') {
      if (card === null) {
        card = { line: logical.line, properties: [], size: 0 };
      } else if (nested > 0 || (previous?.name === 'AGENT' && previous.value.trim() === '')) {
        nested++;
      } else {
        throw invalidInput(
          `The vCard that begins on line ${card.line} has no END:VCARD before the next card on line ${logical.line}: the file looks truncated or damaged.`,
        );
      }
    } else if (property.name === 'END' && upperValue === 'VCARD') {
      if (card === null) continue;
      if (nested > 0) {
        nested--;
      } else {
        count++;
        yield card;
        card = null;
      }
    } else if (card !== null && nested === 0) {
      if (property.name === 'AGENT' && upperValue === 'BEGIN:VCARD') {
        // vCard 2.1 nests the agent's card as real lines after `AGENT:BEGIN:VCARD`.
        nested++;
      } else {
        card.properties.push(property);
        card.size += logical.text.length;
        if (card.size > MAX_CARD_CHARS) {
          // A card this big is a file whose END:VCARD is missing: stop before memory does.
          throw invalidInput(
            `The vCard that begins on line ${card.line} is longer than ${MAX_CARD_CHARS / 2 ** 20} MB: its END:VCARD is probably missing.`,
          );
        }
      }
    }
    previous = property;
  }
  if (card !== null) {
    throw invalidInput(
      `The vCard that begins on line ${card.line} has no END:VCARD: the file looks truncated.`,
    );
  }
  if (count === 0) throw invalidInput('The file holds no vCard (no BEGIN:VCARD … END:VCARD).');
}

// ---------------------------------------------------------------------------------------------
// Cards to import items

/** The first value of property `name`, unescaped as text; undefined when the card has none. */
export const vCardText = (card: VCard, name: string): string | undefined => {
  const property = card.properties.find((p) => p.name === name);
  return property === undefined ? undefined : unescapeText(property.value).trim();
};

const components = (value: string): string[] =>
  splitUnescaped(value, ';').map((part) => unescapeText(part).trim());

/** Apple writes labels as `_$!<Spouse>!$_` for its own and plain text for custom ones. */
const cleanLabel = (label: string): string => label.replace(/^_\$!<(.*)>!\$_$/, '$1').trim();

const IMAGE_TYPES = /^(jpe?g|png|gif|bmp|tiff?|webp|heic)$/i;

const photoOf = (property: VCardProperty): ContactPhoto | null => {
  const encoding = property.params.get('ENCODING')?.[0]?.toUpperCase();
  const imageType = property.params.get('TYPE')?.find((t) => IMAGE_TYPES.test(t));
  const mediaType =
    property.params.get('MEDIATYPE')?.[0] ??
    (imageType ? `image/${imageType.toLowerCase().replace(/^jpg$/, 'jpeg')}` : 'image/jpeg');
  if (encoding === 'B' || encoding === 'BASE64') {
    const base64 = property.value.replace(/\s+/g, '');
    return base64 ? { kind: 'inline', mediaType, base64 } : null;
  }
  const value = unescapeText(property.value).trim();
  const data = /^data:([^;,]*)((?:;[^,;]*)*),([\s\S]*)$/i.exec(value);
  if (data) {
    if (!/;base64/i.test(data[2] ?? '')) return null;
    const base64 = (data[3] ?? '').replace(/\s+/g, '');
    return base64 ? { kind: 'inline', mediaType: data[1] || mediaType, base64 } : null;
  }
  if (/^(https?|ftp):\/\//i.test(value)) return { kind: 'url', url: value };
  return null;
};

/** `urn:uuid:X` → `uid:x`, `mailto:a@b` → `email:a@b`: how groups name their members. */
const memberKey = (value: string): string | null => {
  const text = unescapeText(value).trim();
  if (!text) return null;
  if (/^mailto:/i.test(text)) return `email:${normalizeEmail(text.slice(7))}`;
  if (isEmail(text)) return `email:${normalizeEmail(text)}`;
  return `uid:${uidOf(text)}`;
};

const uidOf = (value: string): string =>
  unescapeText(value)
    .trim()
    .replace(/^urn:uuid:/i, '')
    .toLowerCase();

/** Types that say nothing a host needs (every email is INTERNET, every phone VOICE). */
const PLAIN_TYPES = new Set(['internet', 'voice', 'x400', 'text']);

/** The types of an EMAIL or TEL, lower case (`cell`, `work`, `pref`); 4.0's `PREF=1` is `pref`. */
const typesOf = (property: VCardProperty): string[] => {
  const types = (property.params.get('TYPE') ?? [])
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t && !PLAIN_TYPES.has(t));
  if (property.params.has('PREF') && !types.includes('pref')) types.push('pref');
  return [...new Set(types)];
};

/** The date kind of each vCard property that holds one. */
const DATE_PROPERTIES: Readonly<Record<string, PersonDate['kind']>> = {
  BDAY: 'birthday',
  ANNIVERSARY: 'anniversary',
  'X-ANNIVERSARY': 'anniversary',
  'X-ABDATE': 'other',
};

/**
 * Birthdays, anniversaries and Apple's labelled dates (`item3.X-ABDATE` with an `X-ABLabel`);
 * a year Apple marks as omitted (`X-APPLE-OMIT-YEAR`) is dropped. A value that is no date (4.0
 * allows `BDAY;VALUE=text:circa 1800`) is left out: it is not the host's error.
 */
const datesOf = (
  card: VCard,
  labelOf: (property: VCardProperty) => string | null,
): PersonDate[] => {
  const dates: PersonDate[] = [];
  for (const p of card.properties) {
    const kind = DATE_PROPERTIES[p.name];
    if (!kind) continue;
    const date = readDate(unescapeText(p.value), p.params.get('X-APPLE-OMIT-YEAR')?.[0]);
    if (!date) continue;
    const dated = dateOfLabel(date, kind === 'other' ? labelOf(p) : null, kind);
    // One birthday: 3.0 files sometimes repeat BDAY in several forms.
    if (dated.kind === 'birthday' && dates.some((d) => d.kind === 'birthday')) continue;
    if (!dates.some((d) => d.kind === dated.kind && d.date === date && d.label === dated.label))
      dates.push(dated);
  }
  return dates;
};

/** Turns one card into an import item: a record, a group, or the card's problems. */
export const vCardToItem = (card: VCard, options: ParseOptions = {}): ImportItem => {
  const all = (name: string) => card.properties.filter((p) => p.name === name);
  const fn = vCardText(card, 'FN');
  const nProperty = card.properties.find((p) => p.name === 'N');
  const n = nProperty ? components(nProperty.value) : [];
  const orgProperty = card.properties.find((p) => p.name === 'ORG');
  const organization = orgProperty ? (components(orgProperty.value)[0] ?? '') : '';
  const kind = (
    vCardText(card, 'KIND') ?? vCardText(card, 'X-ADDRESSBOOKSERVER-KIND')
  )?.toLowerCase();

  if (kind === 'group') {
    const name = fn || [n[1], n[0]].filter(Boolean).join(' ') || organization;
    if (!name) {
      return {
        kind: 'invalid',
        line: card.line,
        problems: [{ line: card.line, field: 'FN', reason: 'a contact group needs a name' }],
      };
    }
    const members = [...all('MEMBER'), ...all('X-ADDRESSBOOKSERVER-MEMBER')]
      .map((p) => memberKey(p.value))
      .filter((key): key is string => key !== null);
    return { kind: 'group', group: { line: card.line, name, members } };
  }

  const labels = new Map<string, string>();
  for (const p of card.properties) {
    if (p.group && p.name === 'X-ABLABEL') labels.set(p.group, cleanLabel(unescapeText(p.value)));
  }
  const labelOf = (p: VCardProperty): string | null => (p.group && labels.get(p.group)) || null;

  const emails: Typed[] = all('EMAIL').map((p) => ({
    value: unescapeText(p.value)
      .trim()
      .replace(/^mailto:/i, ''),
    field: 'EMAIL',
    types: typesOf(p),
    label: labelOf(p),
  }));
  const phones: Typed[] = all('TEL').map((p) => ({
    value: /^tel:/i.test(p.value.trim()) ? p.value.trim() : unescapeText(p.value),
    field: 'TEL',
    types: typesOf(p),
    label: labelOf(p),
  }));

  let location: string | null = null;
  for (const p of all('ADR')) {
    const parts = components(p.value);
    const place = [parts[3], parts[4], parts[6]].filter(Boolean).join(', ');
    if (place) {
      location = place;
      break;
    }
  }

  // A LinkedIn profile is the person's `linkedinUrl`; any other address is a web site.
  let linkedinUrl: string | null = null;
  const websites: PersonWebsite[] = [];
  for (const p of all('URL')) {
    const url = unescapeText(p.value).trim();
    if (!url) continue;
    const linkedIn = normalizeLinkedInUrl(url);
    if (linkedIn && (linkedinUrl === null || linkedinUrl === linkedIn)) {
      linkedinUrl = linkedIn;
      continue;
    }
    const type = p.params.get('TYPE')?.find((t) => !/^pref$/i.test(t));
    websites.push({ url, label: labelOf(p) ?? type?.toLowerCase() ?? null });
  }
  const socialProfiles: SocialProfile[] = all('X-SOCIALPROFILE').map((p) => {
    const url = unescapeText(p.value).trim() || null;
    const service = p.params.get('TYPE')?.[0]?.toLowerCase() ?? null;
    if (url) linkedinUrl ??= normalizeLinkedInUrl(url);
    return { service, url, user: p.params.get('X-USER')?.[0] ?? null };
  });

  // In card order: 4.0 writes RELATED beside Apple's X-ABRELATEDNAMES for custom relations.
  const relatedNames: RelatedName[] = [];
  for (const p of card.properties) {
    if (p.name !== 'X-ABRELATEDNAMES' && p.name !== 'RELATED') continue;
    const name = unescapeText(p.value).trim();
    const type = p.params.get('TYPE')?.find((t) => !/^pref$/i.test(t)) ?? null;
    if (p.name === 'RELATED') {
      const isUri = /^[a-z][a-z0-9+.-]*:/i.test(name) && p.params.get('VALUE')?.[0] !== 'text';
      if (name && !isUri) relatedNames.push({ name, relation: type });
    } else if (name) {
      relatedNames.push({ name, relation: labelOf(p) ?? type });
    }
  }

  // The picture itself beats a link to it.
  const photos = all('PHOTO')
    .map(photoOf)
    .filter((photo): photo is ContactPhoto => photo !== null);
  const photo = photos.find((p) => p.kind === 'inline') ?? photos[0] ?? null;

  const notes = all('NOTE')
    .map((p) => unescapeText(p.value).trim())
    .filter(Boolean)
    .join('\n\n');
  const uid = vCardText(card, 'UID');
  const dates = datesOf(card, labelOf);

  return buildImportItem(
    {
      line: card.line,
      source: 'vcard',
      nameField: 'FN',
      displayName: fn,
      givenName: n[1],
      familyName: n[0],
      nickname: splitUnescaped(all('NICKNAME')[0]?.value ?? '', ',')
        .map(unescapeText)
        .find((nick) => nick.trim()),
      emails,
      phones,
      organization,
      title: vCardText(card, 'TITLE'),
      location,
      notes,
      tags: all('CATEGORIES').flatMap((p) => splitUnescaped(p.value, ',').map(unescapeText)),
      linkedinUrl,
      photo,
      relatedNames,
      socialProfiles,
      websites,
      dates,
      uid: uid ? uidOf(uid) : null,
    },
    options,
  );
};

/**
 * Streams the items of a vCard file (2.1, 3.0, 4.0; one or many cards): one record, group or
 * list of problems per card. Groups name their members; `collectImport` turns them into tags.
 */
export async function* parseVCards(
  source: ByteSource,
  options: ParseOptions = {},
): AsyncGenerator<ImportItem> {
  for await (const card of readVCards(decodeText(source))) yield vCardToItem(card, options);
}
