import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(rows).toHaveLength(6);
    const evil = rows.find((r) => r['Display Name']?.includes('cmd'))!;
    expect(evil['Display Name']).toBe("'=cmd|/C calc!A0");
    expect(evil.Organization).toBe("'+SUM(1,2)");
    expect(evil.Notes).toBe('\'@import, "quoted"\nsecond line');
    expect(evil.Tags).toBe("'-minus");
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
    }
    const ana = rows.find((r) => r['Display Name'] === 'Ana Silva')!;
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
      expect(exported.fileName).toMatch(/\.vcf$/);
      const parsed = ICAL.parse(await textOf(exported.chunks));
      const jcards = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown as unknown[][];
      const cards = jcards.map((jcard) => new ICAL.Component(jcard));
      expect(cards).toHaveLength(6);
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
});
