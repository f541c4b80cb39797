import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactOf } from '../domain/person';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { fileOf, LINKEDIN_SAMPLE, VCARD_SAMPLE } from './contacts.fixtures';
import { exportContacts } from './contacts-export';
import { importContacts } from './contacts-import';
import { type AppContext, createContext } from './context';
import type { Access } from './workspaces';
import { createWorkspace, ownerAccess } from './workspaces';

const textOf = async (chunks: AsyncIterable<string>): Promise<string> => {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
};

describe.each(testDialects())('exporting contacts on %s', (dialect) => {
  let store: Store;
  let ctx: AppContext;
  let access: Access;
  beforeAll(async () => {
    store = await openTestStore(dialect);
    ctx = createContext(store, () => new Date('2026-11-26T10:00:00Z'));
    access = ownerAccess(
      (await store.transaction((r) => createWorkspace(r, 'My Network', null))).id,
    );
    await importContacts(ctx, access, [
      fileOf('Connections.csv', LINKEDIN_SAMPLE),
      fileOf('contacts.vcf', VCARD_SAMPLE),
    ]);
    await store.in(access.workspaceId).people.create({
      displayName: '=cmd|/C calc!A0',
      organization: '+SUM(1,2)',
      notes: '@import, "quoted"\nsecond line',
      tags: ['-minus'],
    });
  });
  afterAll(() => store.close());

  it('writes CSV a spreadsheet cannot run: =, +, -, @ neutralised, every cell read back', async () => {
    const exported = await exportContacts(ctx, access, 'csv');
    expect(exported.fileName).toBe('salon-my-network-2026-11-26.csv');
    expect(exported.contentType).toMatch(/^text\/csv/);
    const rows = parse(await textOf(exported.chunks), { columns: true }) as Array<
      Record<string, string>
    >;
    // Five people; the host's own person, still only "Me", is left out.
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r['Display Name'])).not.toContain('Me');
    const evil = rows.find((r) => r['Display Name']?.includes('cmd'))!;
    expect(evil['Display Name']).toBe("'=cmd|/C calc!A0");
    expect(evil.Organization).toBe("'+SUM(1,2)");
    expect(evil.Notes).toBe('\'@import, "quoted"\nsecond line');
    expect(evil.Tags).toBe("'-minus");
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        if (column !== 'Phones') expect(cell).not.toMatch(/^[=+\-@]/);
      }
    }
    const ana = rows.find((r) => r['Display Name'] === 'Ana Silva')!;
    // A phone number is data, not a formula: no apostrophe that a spreadsheet would keep.
    expect(ana.Phones).toBe('+14155550132');
    expect(ana.Emails).toBe('ana@verdant.example; ana@home.example');
    expect(ana['LinkedIn URL']).toBe('https://www.linkedin.com/in/ana-silva');
  });

  it.each([
    ['vcard', '3.0'],
    ['vcard4', '4.0'],
  ] as const)(
    'writes %s cards that ical.js reads back, one per person',
    async (format, version) => {
      const exported = await exportContacts(ctx, access, format);
      expect(exported.fileName).toBe(
        version === '3.0'
          ? 'salon-my-network-2026-11-26.vcf'
          : 'salon-my-network-2026-11-26-vcard4.vcf',
      );
      const parsed = ICAL.parse(await textOf(exported.chunks));
      const jcards = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown as unknown[][];
      const cards = jcards.map((jcard) => new ICAL.Component(jcard));
      expect(cards).toHaveLength(5);
      expect(cards.every((c) => c.getFirstPropertyValue('version') === version)).toBe(true);
      const ana = cards.find((c) => c.getFirstPropertyValue('fn') === 'Ana Silva')!;
      expect(ana.getAllProperties('email').map((p) => p.getFirstValue())).toEqual([
        'ana@verdant.example',
        'ana@home.example',
      ]);
      expect(String(ana.getFirstPropertyValue('tel')).replace(/^tel:/, '')).toBe('+14155550132');
      expect(ana.getFirstPropertyValue('url')).toBe('https://www.linkedin.com/in/ana-silva');
      const names = cards.map((c) => c.getFirstPropertyValue('fn')).sort();
      expect(names).toContain('=cmd|/C calc!A0');
    },
  );

  it('exports the host once they carry more than the placeholder name', async () => {
    const self = await store.in(access.workspaceId).people.findSelf();
    await store.in(access.workspaceId).people.update(self!.id, { emails: ['me@example.com'] });
    try {
      const exported = await exportContacts(ctx, access, 'vcard');
      const text = await textOf(exported.chunks);
      expect(text).toContain('FN:Me\r\n');
      expect(text).toContain('EMAIL;TYPE=INTERNET:me@example.com');
    } finally {
      await store.in(access.workspaceId).people.update(self!.id, { emails: [] });
    }
  });
});

/** An iPhone card with what phones put there beyond names and numbers. */
const IPHONE_CARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Levi;Dana;;;',
  'FN:Dana Levi',
  'item1.EMAIL;type=INTERNET;type=pref:dana@northwind.example',
  'item1.X-ABLabel:_$!<Other>!$_',
  'TEL;type=CELL;type=VOICE;type=pref:+49 170 1112223',
  'item2.URL;type=pref:https://dana.example/',
  'item2.X-ABLabel:_$!<HomePage>!$_',
  'item3.X-ABRELATEDNAMES;type=pref:Noa Levi',
  'item3.X-ABLabel:_$!<Spouse>!$_',
  'BDAY:1984-03-15',
  'item4.X-ABDATE:2012-06-09',
  'item4.X-ABLabel:_$!<Anniversary>!$_',
  'END:VCARD',
  '',
].join('\r\n');

const GOOGLE_CSV = [
  'First Name,Last Name,Birthday,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Website 1 - Label,Website 1 - Value,Relation 1 - Label,Relation 1 - Value,Event 1 - Label,Event 1 - Value',
  'Ben,Okafor,--07-04,* Work,ben@seedling.example,Mobile,+44 20 7946 0958,Blog,https://ben.example/blog,Assistant,Mia Chen,Anniversary,2015-05-30',
  '',
].join('\r\n');

const OUTLOOK_CSV = [
  'First Name,Last Name,E-mail Address,Mobile Phone,Business Phone,Web Page,Birthday,Anniversary,Spouse',
  'Carla,Mendes,carla@loop.example,+351 912 345 678,+351 21 123 4567,https://loop.example,4/12/1980,0/0/00,Rita Mendes',
  '',
].join('\r\n');

describe.each(testDialects())('a contacts round trip on %s', (dialect) => {
  let store: Store;
  let ctx: AppContext;
  beforeAll(async () => {
    store = await openTestStore(dialect);
    ctx = createContext(store, () => new Date('2026-11-26T10:00:00Z'));
  });
  afterAll(() => store.close());

  const workspace = async (name: string) =>
    ownerAccess((await store.transaction((r) => createWorkspace(r, name, null))).id);

  /** What a contact card keeps of everyone but the host, by name. */
  const contacts = async (access: Access) =>
    (await store.in(access.workspaceId).people.all())
      .filter((p) => !p.isSelf)
      .map((p) => ({ name: p.displayName, ...contactOf(p) }));

  it.each(['vcard', 'vcard4', 'json'] as const)(
    'keeps web sites, types, labels, related names and dates through %s',
    async (format) => {
      const source = await workspace(`Source ${format}`);
      await importContacts(ctx, source, [
        fileOf('dana.vcf', IPHONE_CARD),
        fileOf('google.csv', GOOGLE_CSV),
        fileOf('outlook.csv', OUTLOOK_CSV),
      ]);
      const before = await contacts(source);
      const dana = before.find((p) => p.name === 'Dana Levi')!;
      expect(dana.websites).toEqual([{ url: 'https://dana.example/', label: 'HomePage' }]);
      expect(dana.relatedNames).toEqual([{ name: 'Noa Levi', relation: 'Spouse' }]);
      expect(dana.contactLabels['+491701112223']).toEqual({ types: ['cell', 'pref'], label: null });
      expect(dana.dates.map((d) => d.kind)).toEqual(['birthday', 'anniversary']);
      const ben = before.find((p) => p.name === 'Ben Okafor')!;
      expect(ben.dates).toEqual([
        { kind: 'birthday', date: '--07-04', label: null },
        { kind: 'anniversary', date: '2015-05-30', label: null },
      ]);
      expect(ben.contactLabels['ben@seedling.example']).toEqual({
        types: ['work', 'pref'],
        label: null,
      });
      expect(ben.relatedNames).toEqual([{ name: 'Mia Chen', relation: 'Assistant' }]);
      const carla = before.find((p) => p.name === 'Carla Mendes')!;
      expect(carla.dates).toEqual([{ kind: 'birthday', date: '1980-04-12', label: null }]);
      expect(carla.websites).toEqual([{ url: 'https://loop.example', label: null }]);
      expect(carla.phones).toEqual(['+351912345678', '+351211234567']);

      const exported = await exportContacts(ctx, source, format);
      const copy = await workspace(`Copy ${format}`);
      await importContacts(ctx, copy, [fileOf(exported.fileName, await textOf(exported.chunks))]);
      expect(await contacts(copy)).toEqual(before);
    },
  );
});
