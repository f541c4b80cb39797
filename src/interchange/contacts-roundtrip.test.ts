/**
 * A contact keeps what Apple, Google and Outlook put on it through Salon: every card of the
 * conformance corpus and every contacts fixture is imported, exported as vCard 3.0 and 4.0, and
 * imported again, and the contact fields (names, typed emails and phones, web sites, related
 * names, dates, tags, notes) come back the same.
 */
import { describe, expect, it } from 'vitest';
import { contactOf, type PersonContact } from '../domain/person';
import { collectImport, type ImportRecord } from './import-record';
import { parseContacts } from './parse-contacts';
import { conformance, fixture } from './testing';
import { byteSource } from './text-stream';
import { exportVCards, type VCardVersion } from './vcard-export';

/** An iPhone card as iOS 17 shares it: a home page, a spouse, typed phones and emails, dates. */
const IPHONE_CARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'PRODID:-//Apple Inc.//iPhone OS 17.5//EN',
  'N:Levi;Dana;;;',
  'FN:Dana Levi',
  'ORG:Northwind;',
  'item1.EMAIL;type=INTERNET;type=pref:dana@northwind.example',
  'item1.X-ABLabel:_$!<Other>!$_',
  'EMAIL;type=INTERNET;type=WORK:dana.levi@work.example',
  'TEL;type=CELL;type=VOICE;type=pref:+49 170 1112223',
  'TEL;type=WORK;type=VOICE:+49 30 1234567',
  'item2.URL;type=pref:https://dana.example/',
  'item2.X-ABLabel:_$!<HomePage>!$_',
  'item3.X-ABRELATEDNAMES;type=pref:Noa Levi',
  'item3.X-ABLabel:_$!<Spouse>!$_',
  'BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15',
  'item4.X-ABDATE;type=pref:2012-06-09',
  'item4.X-ABLabel:_$!<Anniversary>!$_',
  'item5.X-ABDATE:2019-09-01',
  'item5.X-ABLabel:First marathon',
  'END:VCARD',
  '',
].join('\r\n');

const CORPUS = [
  'icaljs-escape_semicolon.vcf',
  'icaljs-vcard.vcf',
  'icaljs-vcard3.vcf',
  'icaljs-vcard_grouped.vcf',
  'nodevcf-empty-lines.vcf',
  'nodevcf-long-address.vcf',
  'nodevcf-multiple.vcf',
  'nodevcf-photo-base64.vcf',
  'nodevcf-quoted-list.vcf',
  'nodevcf-vcard-2.1.vcf',
  'nodevcf-vcard-3.0.vcf',
  'nodevcf-vcard-4.0.vcf',
  'nodevcf-xing.vcf',
  'vobject-photo-test.vcf',
  'vobject-vcard40_full.vcf',
  'vobject-vcard40_multilang.vcf',
  'vobject-vcard40_org.vcf',
];

/** Each file twice: through vCard 3.0 and through 4.0. */
const inBothVersions = (files: readonly string[]): Array<[string, VCardVersion]> =>
  files.flatMap((file) => [
    [file, '3.0'],
    [file, '4.0'],
  ]);

const FIXTURES = [
  'apple-contacts.vcf',
  'android-21.vcf',
  'google-current.csv',
  'google-legacy.csv',
  'outlook-desktop-win1252.csv',
  'outlook-variant.csv',
];

const recordsOf = async (bytes: Uint8Array): Promise<ImportRecord[]> =>
  (await collectImport(parseContacts(byteSource(bytes)))).records;

/** The records as cards of `version`, then read back. */
const roundTrip = async (
  records: readonly ImportRecord[],
  version: VCardVersion,
): Promise<ImportRecord[]> => {
  // Some corpus files hold only cards that are not people (no name, no email).
  if (records.length === 0) return [];
  const cards = exportVCards(
    records.map((r, i) => ({ id: r.uid ?? `card-${i}`, ...r })),
    { version },
  );
  return recordsOf(Buffer.from([...cards].join(''), 'utf8'));
};

/** What must survive: the display name and every contact field. */
const kept = (records: readonly ImportRecord[]): Array<PersonContact & { name: string }> =>
  records.map((r) => ({ name: r.displayName, ...contactOf(r) }));

describe('an iPhone card', () => {
  it('keeps its home page, spouse, types, labels, birthday and anniversary on import', async () => {
    const [dana] = await recordsOf(Buffer.from(IPHONE_CARD));
    expect(dana?.websites).toEqual([{ url: 'https://dana.example/', label: 'HomePage' }]);
    expect(dana?.relatedNames).toEqual([{ name: 'Noa Levi', relation: 'Spouse' }]);
    expect(dana?.phones).toEqual(['+491701112223', '+49301234567']);
    expect(dana?.contactLabels).toEqual({
      'dana@northwind.example': { types: ['pref'], label: 'Other' },
      'dana.levi@work.example': { types: ['work'], label: null },
      '+491701112223': { types: ['cell', 'pref'], label: null },
      '+49301234567': { types: ['work'], label: null },
    });
    expect(dana?.dates).toEqual([
      { kind: 'birthday', date: '--03-15', label: null },
      { kind: 'anniversary', date: '2012-06-09', label: null },
      { kind: 'other', date: '2019-09-01', label: 'First marathon' },
    ]);
  });

  it.each(['3.0', '4.0'] as const)('exports what it imported as vCard %s', async (version) => {
    const records = await recordsOf(Buffer.from(IPHONE_CARD));
    expect(kept(await roundTrip(records, version))).toEqual(kept(records));
  });

  it('writes Apple its own labels in 3.0, and 4.0 its RELATED and ANNIVERSARY', async () => {
    const records = await recordsOf(Buffer.from(IPHONE_CARD));
    const card = (version: VCardVersion) =>
      [...exportVCards([{ id: 'x', ...records[0]! }], { version })].join('');
    const v3 = card('3.0');
    expect(v3).toContain('X-ABRELATEDNAMES:Noa Levi\r\nitem');
    expect(v3).toContain('.X-ABLabel:_$!<Spouse>!$_');
    expect(v3).toContain('BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15');
    expect(v3).toContain('TEL;TYPE=VOICE,CELL,PREF:+491701112223');
    const v4 = card('4.0');
    expect(v4).toContain('RELATED;VALUE=text;TYPE=Spouse:Noa Levi');
    expect(v4).toContain('ANNIVERSARY:20120609');
    expect(v4).toContain('BDAY:--0315');
    expect(v4).toContain('TEL;VALUE=uri;TYPE=cell;PREF=1:tel:+491701112223');
  });
});

describe('the conformance corpus', () => {
  it.each(inBothVersions(CORPUS))(
    '%s comes back the same through vCard %s',
    async (file, version) => {
      const records = await recordsOf(conformance(`vcard/${file}`));
      expect(kept(await roundTrip(records, version))).toEqual(kept(records));
    },
  );

  it('reads the dates, web sites and typed phones the corpus holds', async () => {
    const [full] = await recordsOf(conformance('vcard/vobject-vcard40_full.vcf'));
    expect(full?.dates).toEqual([
      { kind: 'birthday', date: '1985-04-15', label: null },
      { kind: 'anniversary', date: '2010-06-12', label: null },
    ]);
    expect(full?.websites.map((w) => w.url)).toContain('http://www.example.com/~jqpublic');
    expect(full?.contactLabels['johnny@personal.example.org']).toEqual({
      types: ['home', 'pref'],
      label: null,
    });
    const [apple] = await recordsOf(conformance('vcard/icaljs-escape_semicolon.vcf'));
    expect(apple?.dates.filter((d) => d.kind === 'anniversary')).toEqual([
      { kind: 'anniversary', date: '2019-02-20', label: null },
    ]);
  });
});

describe('contacts exported by phones and mail programs', () => {
  it.each(inBothVersions(FIXTURES))(
    '%s comes back the same through vCard %s',
    async (file, version) => {
      const records = await recordsOf(fixture(file));
      expect(records.length).toBeGreaterThan(0);
      expect(kept(await roundTrip(records, version))).toEqual(kept(records));
    },
  );
});
