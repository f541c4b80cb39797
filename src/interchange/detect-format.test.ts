import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import { detectFormat } from './detect-format';
import { parseContacts, resolveFormat } from './parse-contacts';
import { conformance, drain, fixture, recordsOf } from './testing';
import { byteSource } from './text-stream';

const failureOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid_input') return error.message;
    throw error;
  }
  throw new Error('expected a rejection');
};

describe('detecting the format of a contacts file', () => {
  it.each([
    ['linkedin-current.csv', 'linkedin'],
    ['linkedin-legacy.csv', 'linkedin'],
    ['google-current.csv', 'google'],
    ['google-legacy.csv', 'google'],
    ['outlook-desktop-win1252.csv', 'outlook'],
    ['outlook-variant.csv', 'outlook'],
    ['apple-contacts.vcf', 'vcard'],
    ['android-21.vcf', 'vcard'],
    ['truncated.vcf', 'vcard'],
  ])('recognises %s as %s', (file, format) => {
    expect(detectFormat(fixture(file))).toBe(format);
  });

  it('recognises a vCard from the conformance corpus and a JSON backup', () => {
    expect(detectFormat(conformance('vcard/nodevcf-vcard-2.1.vcf'))).toBe('vcard');
    expect(detectFormat(Buffer.from('\n  {"format":"salon-backup","version":1}'))).toBe('json');
  });

  it('recognises a UTF-16 file by its byte-order mark', () => {
    const text = '\uFEFFFirst Name,Last Name,E-mail Address\r\nAna,Silva,ana@example.com\r\n';
    expect(detectFormat(Buffer.from(text, 'utf16le'))).toBe('outlook');
  });

  it('says in one sentence that an empty, binary or unrecognised file cannot be imported', () => {
    expect(failureOf(() => detectFormat(fixture('empty.csv')))).toBe('The file is empty.');
    expect(failureOf(() => detectFormat(fixture('binary.png')))).toMatch(/^The file is not text/);
    expect(failureOf(() => detectFormat(fixture('no-header.csv')))).toMatch(
      /^No recognisable header: expected a LinkedIn, Google or Outlook contacts CSV/,
    );
  });
});

describe('parsing a contacts file of any format', () => {
  it('detects the format and parses with the matching parser', async () => {
    const records = recordsOf(await drain(parseContacts(byteSource(fixture('google-legacy.csv')))));
    expect(records.map((r) => [r.source, r.displayName])).toEqual([
      ['google', 'Mei Chen'],
      ['google', 'Tomás Ruiz'],
    ]);
  });

  it('takes the format the host gives instead of detecting one', async () => {
    const resolved = await resolveFormat(byteSource(fixture('linkedin-current.csv')), 'outlook');
    expect(resolved.format).toBe('outlook');
    await expect(
      drain(parseContacts(byteSource(fixture('linkedin-current.csv')), { format: 'outlook' })),
    ).rejects.toThrow('No recognisable Outlook header');
  });

  it('still refuses a binary file when the host names a format', async () => {
    await expect(
      drain(parseContacts(byteSource(fixture('binary.png')), { format: 'vcard' })),
    ).rejects.toThrow(/^The file is not text/);
  });

  it('points a JSON backup to restore', async () => {
    await expect(drain(parseContacts(byteSource('{"format":"salon-backup"}')))).rejects.toThrow(
      'This is a Salon backup (JSON): restore it instead of importing it.',
    );
  });

  it('rejects an empty source', async () => {
    await expect(drain(parseContacts(byteSource(new Uint8Array(0))))).rejects.toThrow(
      'The file is empty.',
    );
  });
});
