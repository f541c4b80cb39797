import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import { collectImport } from './import-record';
import { chunked, drain, fixture, problemsOf, recordsOf } from './testing';
import { byteSource, decodeText } from './text-stream';
import {
  decodeQuotedPrintable,
  parseContentLine,
  parseVCards,
  readVCards,
  splitUnescaped,
  unescapeText,
  vCardText,
} from './vcard-parse';

const cardsOf = (text: string) => drain(readVCards(decodeText(byteSource(text))));

const failureOf = async (text: string | Uint8Array): Promise<string> => {
  try {
    await drain(parseVCards(byteSource(text)));
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid_input') return error.message;
    throw error;
  }
  throw new Error('expected the file to be rejected');
};

describe('vCard values', () => {
  it('unescapes newlines, commas, semicolons, colons and backslashes, and keeps other backslashes', () => {
    expect(unescapeText('a\\nb\\Nc\\,d\\;e\\:f\\\\g\\h')).toBe('a\nb\nc,d;e:f\\g\\h');
  });

  it('splits structured values only on unescaped semicolons', () => {
    expect(splitUnescaped('ABC\\, Inc.;North\\;ish;;x', ';')).toEqual([
      'ABC\\, Inc.',
      'North\\;ish',
      '',
      'x',
    ]);
  });

  it('decodes quoted-printable bytes in the given charset, and as UTF-8 by default', () => {
    expect(decodeQuotedPrintable('Zo=C3=A9')).toBe('Zoé');
    expect(decodeQuotedPrintable('M=FCller', 'ISO-8859-1')).toBe('Müller');
    expect(decodeQuotedPrintable('M=FCller')).toBe('Müller');
  });

  it('reads groups, bare 2.1 parameters, quoted lists and RFC 6868 carets in parameters', () => {
    const tel = parseContentLine('item1.TEL;WORK;VOICE;TYPE="cell,pref":+1 555', 3);
    expect(tel?.group).toBe('ITEM1');
    expect(tel?.name).toBe('TEL');
    expect(tel?.params.get('TYPE')).toEqual(['WORK', 'VOICE', 'cell', 'pref']);
    const adr = parseContentLine('ADR;LABEL="Main St.^nApt ^^2 ^\'rear^\'":;;Main St.', 4);
    expect(adr?.params.get('LABEL')).toEqual(['Main St.\nApt ^2 "rear"']);
    expect(adr?.value).toBe(';;Main St.');
  });

  it('reads a colon inside a quoted parameter as part of the parameter', () => {
    const line = parseContentLine('ADR;LABEL="Suite 5: rear":;;1 Main St', 1);
    expect(line?.params.get('LABEL')).toEqual(['Suite 5: rear']);
    expect(line?.value).toBe(';;1 Main St');
  });
});

describe('reading vCard files', () => {
  it('unfolds continuation lines by removing exactly one leading space or tab', async () => {
    const [card] = await cardsOf(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nNOTE:one\r\n  two\r\n\tthree\r\nEND:VCARD\r\n',
    );
    expect(vCardText(card!, 'NOTE')).toBe('one twothree');
  });

  it('joins quoted-printable soft line breaks and decodes the whole value', async () => {
    const items = await drain(parseVCards(byteSource(fixture('android-21.vcf'))));
    const [zoe, jurgen] = recordsOf(items);
    expect(zoe?.displayName).toBe('Zoé Lefèvre');
    expect(zoe?.notes).toBe('Rencontrée au dîner chez Léa. Française, vit à Lyon, aime le vélo.');
    expect(jurgen?.displayName).toBe('Jürgen Müller');
  });

  it('keeps a 2.1 AGENT card nested inside its card, not as a card or an email of its own', async () => {
    const items = await drain(parseVCards(byteSource(fixture('android-21.vcf'))));
    expect(items).toHaveLength(2);
    expect(recordsOf(items)[0]?.emails).toEqual(['zoe@example.fr']);
  });

  it('reads a 2.1 base64 photo written on unindented lines up to the blank line', async () => {
    const [zoe] = recordsOf(await drain(parseVCards(byteSource(fixture('android-21.vcf')))));
    expect(zoe?.photo?.kind).toBe('inline');
    if (zoe?.photo?.kind !== 'inline') return;
    expect(zoe.photo.mediaType).toBe('image/jpeg');
    expect(Buffer.from(zoe.photo.base64, 'base64').subarray(0, 4)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    );
  });

  it("reads Apple's grouped labels, related names, social profiles and data-URI photo", async () => {
    const { records } = await collectImport(parseVCards(byteSource(fixture('apple-contacts.vcf'))));
    const ana = records.find((r) => r.displayName === 'Ana Silva');
    expect(ana?.emails).toEqual(['ana.silva@example.com', 'ana@silva.example']);
    expect(ana?.phones).toEqual(['+14155550132']);
    expect(ana?.relatedNames).toEqual([
      { name: 'Rui Silva', relation: 'Spouse' },
      { name: 'Coach K', relation: 'running coach' },
    ]);
    expect(ana?.socialProfiles).toContainEqual({
      service: 'twitter',
      url: 'http://twitter.com/anasilva',
      user: 'anasilva',
    });
    expect(ana?.linkedinUrl).toBe('https://www.linkedin.com/in/ana-silva-4b2a1');
    expect(ana?.notes).toBe(
      'Met at the 10k in May.\nRaising a climate fund; wants intros to LPs, esp. family offices.',
    );
    expect(ana?.photo).toMatchObject({ kind: 'inline', mediaType: 'image/png' });
  });

  it('turns a group card into a tag of its members, found by UID or email', async () => {
    const apple = await collectImport(parseVCards(byteSource(fixture('apple-contacts.vcf'))));
    expect(apple.groups.map((g) => g.name)).toEqual(['Running club']);
    expect(apple.records.map((r) => [r.displayName, r.tags])).toEqual([
      ['Ana Silva', ['Running club']],
      ['Ben Okafor', ['Running club']],
    ]);
    // vCard 4.0: the group comes after its members, which are named by urn:uuid and mailto.
    const v4 = await collectImport(parseVCards(byteSource(fixture('groups-40.vcf'))));
    expect(v4.records.map((r) => r.groups)).toEqual([['Board, 2025'], ['Board, 2025']]);
  });

  it('derives a name from N, then ORG, then EMAIL when a card has no FN', async () => {
    const records = recordsOf(
      await drain(
        parseVCards(
          byteSource(
            [
              'BEGIN:VCARD\nVERSION:3.0\nN:Okafor;Ben;;;\nEND:VCARD',
              'BEGIN:VCARD\nVERSION:3.0\nORG:Seedling Ventures;Fund II\nEND:VCARD',
              'BEGIN:VCARD\nVERSION:3.0\nEMAIL:cleo@example.com\nEND:VCARD\n',
            ].join('\n'),
          ),
        ),
      ),
    );
    expect(records.map((r) => r.displayName)).toEqual([
      'Ben Okafor',
      'Seedling Ventures',
      'cleo@example.com',
    ]);
  });

  it('rejects a card with neither a name nor an email as a problem on its BEGIN line', async () => {
    const items = await drain(
      parseVCards(byteSource('\n\nBEGIN:VCARD\nVERSION:4.0\nTEL:+1 555 0100\nEND:VCARD\n')),
    );
    expect(problemsOf(items)).toEqual([
      { line: 3, field: 'FN', reason: 'a person needs a name or an email' },
    ]);
  });

  it('reports an invalid email as a problem on the EMAIL field', async () => {
    const items = await drain(
      parseVCards(
        byteSource('BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEMAIL:ana(at)example\nEND:VCARD\n'),
      ),
    );
    expect(problemsOf(items)).toEqual([
      { line: 1, field: 'EMAIL', reason: '"ana(at)example" is not an email address' },
    ]);
  });

  it('gives one sentence for a card without END:VCARD', async () => {
    expect(await failureOf(fixture('truncated.vcf'))).toBe(
      'The vCard that begins on line 6 has no END:VCARD: the file looks truncated.',
    );
    expect(await failureOf('BEGIN:VCARD\nFN:Ana\nBEGIN:VCARD\nFN:Ben\nEND:VCARD\n')).toMatch(
      /line 1 has no END:VCARD before the next card on line 3/,
    );
  });

  it('gives one sentence for a file with no card at all', async () => {
    expect(await failureOf('FN:Ana\nEMAIL:ana@example.com\n')).toBe(
      'The file holds no vCard (no BEGIN:VCARD … END:VCARD).',
    );
  });

  it('reads a card split at every byte, including inside UTF-8 characters', async () => {
    const bytes = fixture('apple-contacts.vcf');
    const whole = await collectImport(parseVCards(byteSource(bytes)));
    const bytewise = await collectImport(parseVCards(chunked(bytes, 1)));
    expect(bytewise).toEqual(whole);
  });

  it('reads vCards saved in Windows-1252', async () => {
    const text = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lefèvre;Zoé\r\nFN:Zoé Lefèvre\r\nEND:VCARD\r\n';
    const [record] = recordsOf(await drain(parseVCards(byteSource(Buffer.from(text, 'latin1')))));
    expect(record?.displayName).toBe('Zoé Lefèvre');
  });
});
