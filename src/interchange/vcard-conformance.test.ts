/**
 * Every vCard of the conformance corpus in test/fixtures/conformance (real files from ical.js,
 * node-vcf and vobject) parses with the card count, first FN and first EMAIL its README lists.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE, chunked, conformance, drain } from './testing';
import { byteSource, decodeText } from './text-stream';
import { parseVCards, readVCards, vCardText } from './vcard-parse';

interface Expected {
  readonly file: string;
  readonly cards: number;
  readonly fn: string | undefined;
  readonly email: string | undefined;
}

const EXPECTED: readonly Expected[] = [
  { file: 'icaljs-vcard.vcf', cards: 1, fn: 'J. Doe', email: 'jqpublic@xyz.example.com' },
  {
    file: 'icaljs-vcard3.vcf',
    cards: 1,
    fn: 'Mr. John Q. Public, Esq.',
    email: 'jqpublic@xyz.dom1.com',
  },
  {
    file: 'icaljs-escape_semicolon.vcf',
    cards: 1,
    fn: 'First Last NextCloud',
    email: 'home@gmx.de',
  },
  { file: 'icaljs-vcard_grouped.vcf', cards: 1, fn: undefined, email: undefined },
  { file: 'nodevcf-vcard-2.1.vcf', cards: 1, fn: 'Forrest Gump', email: 'forrestgump@example.com' },
  { file: 'nodevcf-vcard-3.0.vcf', cards: 1, fn: 'Forrest Gump', email: 'forrestgump@example.com' },
  { file: 'nodevcf-vcard-4.0.vcf', cards: 1, fn: 'Forrest Gump', email: 'forrestgump@example.com' },
  {
    file: 'nodevcf-multiple.vcf',
    cards: 3,
    fn: 'Dr. Erika Mustermann',
    email: 'erika@mustermann.de',
  },
  {
    file: 'nodevcf-empty-lines.vcf',
    cards: 1,
    fn: 'Dr. Erika Mustermann',
    email: 'erika@mustermann.de',
  },
  { file: 'nodevcf-long-address.vcf', cards: 1, fn: 'John smith', email: undefined },
  { file: 'nodevcf-photo-base64.vcf', cards: 1, fn: undefined, email: undefined },
  { file: 'nodevcf-quoted-list.vcf', cards: 1, fn: undefined, email: undefined },
  { file: 'nodevcf-xing.vcf', cards: 1, fn: 'Hans-Peter Mustermann', email: undefined },
  {
    file: 'vobject-vcard40_full.vcf',
    cards: 1,
    fn: 'Dr. John Q. Public, III',
    email: 'john.public@example.com',
  },
  { file: 'vobject-vcard40_group.vcf', cards: 1, fn: 'The Doe Family', email: undefined },
  {
    file: 'vobject-vcard40_org.vcf',
    cards: 1,
    fn: 'ABC Marketing',
    email: 'marketing@abc.example.com',
  },
  { file: 'vobject-vcard40_multilang.vcf', cards: 1, fn: 'Yamada Taro', email: undefined },
  { file: 'vobject-photo-test.vcf', cards: 1, fn: 'should be ok to share', email: undefined },
];

describe('the vCard conformance corpus', () => {
  it('lists every file of the corpus in this table', () => {
    const files = readdirSync(new URL('vcard/', CONFORMANCE))
      .filter((f) => f.endsWith('.vcf'))
      .sort();
    expect(files).toHaveLength(18);
    expect(EXPECTED.map((e) => e.file).sort()).toEqual(files);
  });

  it.each(EXPECTED)(
    'reads $file as $cards card(s) with FN $fn and first EMAIL $email',
    async (expected) => {
      const bytes = conformance(`vcard/${expected.file}`);
      const cards = await drain(readVCards(decodeText(byteSource(bytes))));
      expect(cards).toHaveLength(expected.cards);
      const first = cards[0]!;
      expect(vCardText(first, 'FN')).toBe(expected.fn);
      expect(vCardText(first, 'EMAIL')).toBe(expected.email);

      // The import items agree: one per card, and the first record carries the same name and email.
      const items = await drain(parseVCards(byteSource(bytes)));
      expect(items).toHaveLength(expected.cards);
      const item = items[0]!;
      if (item.kind === 'record') {
        if (expected.fn) expect(item.record.displayName).toBe(expected.fn);
        expect(item.record.emails[0]).toBe(expected.email);
      } else if (item.kind === 'group') {
        expect(item.group.name).toBe(expected.fn);
      } else {
        // Only cards with neither a name nor an email are rejected, with the FN field named.
        expect(expected.fn).toBeUndefined();
        expect(expected.email).toBeUndefined();
        expect(item.problems[0]?.field).toBe('FN');
      }
    },
  );

  it('keeps the AGENT card of icaljs-vcard3.vcf out of the card and its emails', async () => {
    const [item] = await drain(parseVCards(byteSource(conformance('vcard/icaljs-vcard3.vcf'))));
    expect(item?.kind).toBe('record');
    if (item?.kind !== 'record') return;
    expect(item.record.emails).toEqual([
      'jqpublic@xyz.dom1.com',
      'jdoe@isp.net',
      'jane_doe@abc.com',
    ]);
    expect(item.record.photo).toEqual({
      kind: 'inline',
      mediaType: 'image/jpeg',
      base64: 'SGVsbG8sIHRoaXMgaXMgbm90IGEgcmVhbCBpbWFnZSBqdXN0IGEgdGVzdC4=',
    });
  });

  it('decodes the 4.4 KB vCard 2.1 photo of vobject-photo-test.vcf to a JPEG', async () => {
    const [item] = await drain(
      parseVCards(byteSource(conformance('vcard/vobject-photo-test.vcf'))),
    );
    if (item?.kind !== 'record' || item.record.photo?.kind !== 'inline') {
      throw new Error('expected a record with an inline photo');
    }
    const jpeg = Buffer.from(item.record.photo.base64, 'base64');
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(jpeg.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(item.record.phones).toEqual(['+49123456789']);
  });

  it('keeps the one significant space of a fold that starts with two spaces', async () => {
    const [card] = await drain(
      readVCards(decodeText(byteSource(conformance('vcard/nodevcf-long-address.vcf')))),
    );
    expect(vCardText(card!, 'ADR')).toContain(
      'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz Straße 1',
    );
  });

  it('reads the quoted-printable LABEL of the Outlook 2.1 card with its line breaks', async () => {
    const [card] = await drain(
      readVCards(decodeText(byteSource(conformance('vcard/nodevcf-vcard-2.1.vcf')))),
    );
    expect(vCardText(card!, 'LABEL')).toBe(
      '100 Waters Edge\r\nBaytown, LA 30314\r\nUnited States of America',
    );
  });

  it('reads the same cards when the file arrives one byte at a time', async () => {
    for (const { file } of EXPECTED) {
      const bytes = conformance(`vcard/${file}`);
      const whole = await drain(parseVCards(byteSource(bytes)));
      const bytewise = await drain(parseVCards(chunked(bytes, 1)));
      expect(bytewise, file).toEqual(whole);
    }
  });
});
