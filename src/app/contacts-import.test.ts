import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINKEDIN_HEADER, linkedInExportChunks } from '../../bench/generators/linkedin-export';
import { isDomainError } from '../domain/errors';
import { fixture } from '../interchange/testing';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { fileOf, LINKEDIN_SAMPLE, LINKEDIN_WITH_BAD_ROWS, VCARD_SAMPLE } from './contacts.fixtures';
import { importContacts, previewImport } from './contacts-import';
import { createContext } from './context';
import { createWorkspace, ownerAccess } from './workspaces';

const sampleFiles = () => [
  fileOf('Connections.csv', LINKEDIN_SAMPLE),
  fileOf('contacts.vcf', VCARD_SAMPLE),
];

describe.each(testDialects())('importing contacts on %s', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(() => store.close());

  const fresh = async () => {
    const ctx = createContext(store);
    const access = ownerAccess(
      (await store.transaction((r) => createWorkspace(r, 'Contacts', null))).id,
    );
    return { ctx, access, ws: access.workspaceId };
  };

  const snapshot = async (ws: string) => ({
    people: await store.in(ws).people.count(),
    ties: await store.in(ws).ties.count(),
    imports: (await store.in(ws).imports.list(100)).length,
  });

  it('recognises the people a LinkedIn export and a phone share in the preview, writing nothing', async () => {
    const { ctx, access, ws } = await fresh();
    const preview = await previewImport(ctx, access, sampleFiles());
    expect(preview).toMatchObject({ written: false, dryRun: true, batchId: null });
    expect(preview.files).toEqual([
      { name: 'Connections.csv', format: 'linkedin' },
      { name: 'contacts.vcf', format: 'vcard' },
    ]);
    expect(preview.counts).toMatchObject({ records: 6, created: 4, merged: 2, conflicts: 0 });
    expect(
      preview.duplicates.map((d) => [d.displayName, d.into.file, d.into.line, d.matchedBy]),
    ).toEqual([
      ['Ana Silva', 'Connections.csv', 5, 'email'],
      ['Ben Okafor', 'Connections.csv', 6, 'name'],
    ]);
    expect(await snapshot(ws)).toEqual({ people: 1, ties: 0, imports: 0 });
  });

  it('imports each person once, with everything both files knew, tied to the host since LinkedIn says', async () => {
    const { ctx, access, ws } = await fresh();
    const report = await importContacts(ctx, access, sampleFiles());
    expect(report).toMatchObject({ written: true, dryRun: false });
    expect(report.batchId).toEqual(expect.any(String));
    expect(report.counts).toMatchObject({ created: 4, merged: 2, tiesAdded: 4 });
    const people = await store.in(ws).people.all();
    expect(people.map((p) => p.displayName).sort()).toEqual([
      'Ana Silva',
      'Ben Okafor',
      'Carla Mendes',
      'Dev Patel',
      'Me',
    ]);
    const ana = people.find((p) => p.displayName === 'Ana Silva')!;
    expect(ana).toMatchObject({
      emails: ['ana@verdant.example', 'ana@home.example'],
      phones: ['+14155550132'],
      organization: 'Verdant Capital',
      title: 'Partner',
      tags: ['Running club'],
      linkedinUrl: 'https://www.linkedin.com/in/ana-silva',
      source: 'linkedin',
    });
    const ben = people.find((p) => p.displayName === 'Ben Okafor')!;
    expect(ben.phones).toEqual(['+442079460958']);
    const self = people.find((p) => p.isSelf)!;
    const ties = await store.in(ws).ties.ofPerson(self.id);
    expect(ties).toHaveLength(4);
    expect(ties.every((t) => t.source === 'imported')).toBe(true);
    expect(ties.find((t) => t.otherId === ana.id)?.since).toBe('2024-10-09');
    expect(ties.find((t) => t.otherName === 'Dev Patel')?.since).toBeNull();
    expect((await store.in(ws).people.search('verdant', 10)).map((p) => p.id)).toEqual([ana.id]);
  });

  it('finds everyone again on a second import of the same files, and changes nothing', async () => {
    const { ctx, access, ws } = await fresh();
    await importContacts(ctx, access, sampleFiles());
    const before = await snapshot(ws);
    const again = await importContacts(ctx, access, sampleFiles());
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 4, tiesAdded: 0 });
    expect(await snapshot(ws)).toEqual({ ...before, imports: 2 });
  });

  it('fills empty fields and adds emails, but never overwrites what the host typed', async () => {
    const { ctx, access, ws } = await fresh();
    const typed = await store.in(ws).people.create({
      displayName: 'Ana',
      emails: ['Ana@Verdant.example'],
      title: 'Managing Partner',
    });
    const report = await importContacts(ctx, access, sampleFiles());
    expect(report.counts).toMatchObject({ created: 3, updated: 1 });
    expect(report.matches).toEqual([
      expect.objectContaining({
        displayName: 'Ana Silva',
        personId: typed.id,
        matchedBy: 'email',
        fields: expect.arrayContaining(['organization', 'emails', 'phones', 'linkedinUrl']),
      }),
    ]);
    const ana = await store.in(ws).people.require(typed.id);
    expect(ana).toMatchObject({
      displayName: 'Ana',
      title: 'Managing Partner',
      organization: 'Verdant Capital',
      givenName: 'Ana',
      familyName: 'Silva',
      emails: ['Ana@Verdant.example', 'ana@home.example'],
      source: 'manual',
    });
  });

  it('reports a record that matches two people as a conflict and applies nothing to either', async () => {
    const { ctx, access, ws } = await fresh();
    const one = await store.in(ws).people.create({
      displayName: 'Ana S',
      emails: ['ana@verdant.example'],
    });
    const two = await store.in(ws).people.create({
      displayName: 'Ana H',
      emails: ['ana@home.example'],
    });
    const report = await importContacts(ctx, access, [fileOf('contacts.vcf', VCARD_SAMPLE)]);
    expect(report.counts.conflicts).toBe(1);
    expect(report.conflicts[0]).toMatchObject({
      file: 'contacts.vcf',
      line: 1,
      displayName: 'Ana Silva',
      candidates: expect.arrayContaining([
        { id: one.id, displayName: 'Ana S' },
        { id: two.id, displayName: 'Ana H' },
      ]),
    });
    expect((await store.in(ws).people.require(one.id)).phones).toEqual([]);
    expect((await store.in(ws).people.require(two.id)).phones).toEqual([]);
  });

  it('writes nothing for a file with bad rows and reports every one as file:line: field: reason', async () => {
    const { ctx, access, ws } = await fresh();
    const report = await importContacts(ctx, access, [
      fileOf('Connections.csv', LINKEDIN_WITH_BAD_ROWS),
    ]);
    expect(report).toMatchObject({ written: false, batchId: null });
    expect(report.counts).toMatchObject({ records: 2, rejected: 2 });
    expect(report.problems.map((p) => p.text)).toEqual([
      'Connections.csv:3: Email Address: "ben.okafor@" is not an email address',
      'Connections.csv:4: Connected On: "sometime in 2020" is not a date',
    ]);
    expect(report.message).toMatch(/^Nothing was imported/);
    expect(await snapshot(ws)).toEqual({ people: 1, ties: 0, imports: 0 });
  });

  it('imports the good rows and reports the rest with skipInvalid', async () => {
    const { ctx, access, ws } = await fresh();
    const report = await importContacts(
      ctx,
      access,
      [fileOf('Connections.csv', LINKEDIN_WITH_BAD_ROWS)],
      { skipInvalid: true },
    );
    expect(report).toMatchObject({ written: true });
    expect(report.counts).toMatchObject({ created: 2, rejected: 2 });
    expect(report.problems).toHaveLength(2);
    const names = (await store.in(ws).people.all()).map((p) => p.displayName).sort();
    expect(names).toEqual(['Ana Silva', 'Dev Patel', 'Me']);
  });

  it.each([
    ['binary.png', /binary\.png: The file is not text/],
    ['empty.csv', /empty\.csv: The file is empty\./],
    ['truncated.vcf', /truncated\.vcf: The vCard that begins on line \d+ has no END:VCARD/],
    ['no-header.csv', /no-header\.csv: No recognisable header/],
  ])('refuses %s in one sentence and writes nothing', async (name, sentence) => {
    const { ctx, access, ws } = await fresh();
    const error = await importContacts(ctx, access, [
      fileOf('Connections.csv', LINKEDIN_SAMPLE),
      fileOf(name, fixture(name)),
    ]).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('invalid_input');
    expect((error as Error).message).toMatch(sentence);
    expect((error as Error).message.split('\n')).toHaveLength(1);
    expect(await snapshot(ws)).toEqual({ people: 1, ties: 0, imports: 0 });
  });

  it('leaves the workspace exactly as before when the import fails half-way through writing', async () => {
    const { ctx, access, ws } = await fresh();
    await importContacts(ctx, access, sampleFiles());
    const before = await snapshot(ws);
    let written = 0;
    const failing = importContacts(
      ctx,
      access,
      [
        {
          name: 'Connections.csv',
          bytes: (async function* () {
            yield* linkedInExportChunks(12_000, 3);
          })(),
        },
      ],
      {
        onProgress: (p) => {
          if (p.phase !== 'writing') return;
          written = p.done;
          // 5,000 people are in the transaction by now: the crash comes after real inserts.
          if (p.done >= 5000) throw new Error('the power went out');
        },
      },
    );
    await expect(failing).rejects.toThrow('the power went out');
    expect(written).toBeGreaterThanOrEqual(5000);
    expect(await snapshot(ws)).toEqual(before);
    expect(await store.in(ws).people.search('verdant', 10)).toHaveLength(1);
  });

  it('folds records far apart into the person they share, however many chunks are written between', async () => {
    const { ctx, access, ws } = await fresh();
    // 12,000 connections (three write chunks); the last row is the third one again.
    const rows = Array.from(
      { length: 12_000 },
      (_, i) =>
        `Given${i},Family${i},https://www.linkedin.com/in/p-${i},,Org ${i % 7},Role,01 Feb 2020`,
    );
    rows.push('G.,Family2,https://www.linkedin.com/in/p-2,g2@example.com,,,05 Jan 2018');
    const linkedin = `${LINKEDIN_HEADER}\n${rows.join('\n')}\n`;
    // The phone knows the first connection, and files it in a group written after its card.
    const vcard = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Given0 Family0',
      'UID:urn:uuid:0c0a3d5e-0000-4000-8000-000000000000',
      'URL:https://www.linkedin.com/in/p-0',
      'TEL:+1 415 555 0199',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'KIND:group',
      'FN:Climbing',
      'MEMBER:urn:uuid:0c0a3d5e-0000-4000-8000-000000000000',
      'END:VCARD',
      '',
    ].join('\r\n');
    const files = () => [fileOf('Connections.csv', linkedin), fileOf('phone.vcf', vcard)];

    const preview = await previewImport(ctx, access, files());
    const report = await importContacts(ctx, access, files());
    expect(preview.counts).toEqual({ ...report.counts, tiesAdded: 0 });
    expect(report.counts).toMatchObject({ records: 12_002, created: 12_000, merged: 2 });
    expect(report.duplicates).toEqual([
      {
        file: 'Connections.csv',
        line: 12_002,
        displayName: 'G. Family2',
        into: { file: 'Connections.csv', line: 4, displayName: 'Given2 Family2' },
        matchedBy: 'linkedin',
      },
      {
        file: 'phone.vcf',
        line: 1,
        displayName: 'Given0 Family0',
        into: { file: 'Connections.csv', line: 2, displayName: 'Given0 Family0' },
        matchedBy: 'linkedin',
      },
    ]);
    const [first] = await store.in(ws).people.search('given0', 1);
    expect(first).toMatchObject({ phones: ['+14155550199'], tags: ['Climbing'] });
    const [third] = await store.in(ws).people.search('given2', 1);
    expect(third?.emails).toEqual(['g2@example.com']);
    const self = (await store.in(ws).people.findSelf())!;
    const since = (await store.in(ws).ties.ofPerson(self.id)).find((t) => t.otherId === third?.id);
    expect(since?.since).toBe('2018-01-05');
  });

  it('merges a Salon backup’s people like any contacts file', async () => {
    const { ctx, access, ws } = await fresh();
    const backup = JSON.stringify({
      format: 'salon-backup',
      version: 1,
      people: [
        { id: 'x', isSelf: true, displayName: 'Someone else' },
        {
          id: 'y',
          isSelf: false,
          displayName: 'Ana Silva',
          emails: ['ana@verdant.example'],
          tags: ['Board'],
        },
      ],
    });
    await importContacts(ctx, access, sampleFiles());
    const report = await importContacts(ctx, access, [fileOf('backup.json', backup)]);
    expect(report.files).toEqual([{ name: 'backup.json', format: 'json' }]);
    expect(report.counts).toMatchObject({ records: 1, updated: 1, created: 0 });
    const ana = (await store.in(ws).people.search('ana silva', 5))[0]!;
    expect(ana.tags).toEqual(['Running club', 'Board']);
  });
});
