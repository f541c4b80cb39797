import { describe, expect, it } from 'vitest';
import { BLANK_CONTACT } from '../domain/person';
import type { ImportRecord } from './import-record';
import {
  ClusterMatcher,
  ImportClusters,
  type MatchDecision,
  type MatchOptions,
  type MatchPerson,
  mergeRecords,
  summarizeDecisions,
} from './match';

/**
 * The two steps of an import's matching over a list of records (`decide` in
 * app/contacts-import.ts streams them over a file): for each record, `create`, `update`,
 * `merge` (into an earlier record of the same import) or `conflict` (it matches several
 * existing people), one decision per record, in order. A merge points at the record whose
 * decision is not a merge.
 */
const matchRecords = (
  people: readonly MatchPerson[],
  records: readonly ImportRecord[],
  options: MatchOptions = {},
): MatchDecision[] => {
  const clusters = new ImportClusters(options);
  for (const record of records) clusters.add(record);
  const matcher = new ClusterMatcher(people, clusters.done(), options);
  const steps = records.map((record) => matcher.next(record));
  const updates = new Map(matcher.finish().map((u) => [u.index, u.decision]));
  return steps.map((step, i) => (step.kind === 'update' ? updates.get(i)! : step));
};

const person = (id: string, fields: Partial<MatchPerson> = {}): MatchPerson => ({
  id,
  displayName: fields.displayName ?? id,
  ...BLANK_CONTACT,
  ...fields,
});

const record = (displayName: string, fields: Partial<ImportRecord> = {}): ImportRecord => ({
  line: 1,
  source: 'vcard',
  displayName,
  ...BLANK_CONTACT,
  ...fields,
});

describe('matching incoming records against the network', () => {
  it('creates a person for a record that matches nobody', () => {
    const [decision] = matchRecords(
      [person('p1', { emails: ['ben@example.com'] })],
      [record('Ana Silva', { emails: ['ana@example.com'] })],
    );
    expect(decision).toMatchObject({ kind: 'create', record: { displayName: 'Ana Silva' } });
  });

  it('updates the person with the same email, filling empty fields and never overwriting typed ones', () => {
    const ana = person('p1', {
      displayName: 'Ana',
      emails: ['Ana@Example.com'],
      phones: ['+14155550132'],
      title: 'Managing Partner',
      tags: ['Board'],
    });
    const [decision] = matchRecords(
      [ana],
      [
        record('Ana Silva', {
          givenName: 'Ana',
          familyName: 'Silva',
          emails: ['ana@example.com', 'ana@silva.example'],
          phones: ['+1 415 555 0132', '+14155550199'],
          organization: 'Verdant Capital',
          title: 'Partner',
          tags: ['board', 'Running club'],
          linkedinUrl: 'https://www.linkedin.com/in/ana-silva',
        }),
      ],
    );
    expect(decision).toMatchObject({ kind: 'update', personId: 'p1', matchedBy: 'email' });
    if (decision?.kind !== 'update') return;
    expect(decision.changes).toEqual({
      givenName: 'Ana',
      familyName: 'Silva',
      organization: 'Verdant Capital',
      emails: ['Ana@Example.com', 'ana@silva.example'],
      phones: ['+14155550132', '+14155550199'],
      tags: ['Board', 'Running club'],
      linkedinUrl: 'https://www.linkedin.com/in/ana-silva',
    });
  });

  it('matches a LinkedIn profile URL written differently', () => {
    const [decision] = matchRecords(
      [person('p1', { linkedinUrl: 'http://de.linkedin.com/in/Juergen-Weiss/?trk=x' })],
      [record('Jürgen Weiß', { linkedinUrl: 'https://www.linkedin.com/in/juergen-weiss' })],
    );
    expect(decision).toMatchObject({ kind: 'update', personId: 'p1', matchedBy: 'linkedin' });
  });

  it('matches phones in E.164 against numbers the host typed, given the default country', () => {
    const [decision] = matchRecords(
      [person('p1', { phones: ['(404) 555-1212'] })],
      [record('Forrest Gump', { phones: ['+14045551212'] })],
      { defaultCountry: 'US' },
    );
    expect(decision).toMatchObject({ kind: 'update', personId: 'p1', matchedBy: 'phone' });
  });

  it('matches folded name and organisation, and the name alone when one side has no organisation', () => {
    const people = [
      person('p1', { displayName: 'José García', organization: 'Acme, Inc.' }),
      person('p2', { displayName: 'Mei Chen' }),
      person('p3', { displayName: 'Carla Mendes', organization: 'Tidewater Labs' }),
    ];
    const decisions = matchRecords(people, [
      record('jose garcia', { organization: 'ACME Inc' }),
      record('Mei Chen', { organization: 'Northwind Traders' }),
      record('Carla Mendes', { organization: 'Brightline' }),
    ]);
    expect(
      decisions.map((d) => (d.kind === 'update' ? [d.personId, d.matchedBy] : d.kind)),
    ).toEqual([['p1', 'name-organization'], ['p2', 'name'], 'create']);
  });

  it('keeps two connections apart whose LinkedIn profiles differ, though name and company agree', () => {
    const people = [
      person('p1', {
        displayName: 'Ana Silva',
        organization: 'Acme',
        linkedinUrl: 'https://www.linkedin.com/in/ana-silva-1',
      }),
    ];
    const decisions = matchRecords(people, [
      record('Ana Silva', {
        organization: 'Acme',
        linkedinUrl: 'https://www.linkedin.com/in/ana-silva-2',
      }),
      record('Ana Silva', {
        organization: 'Acme',
        linkedinUrl: 'https://www.linkedin.com/in/ana-silva-3',
      }),
      record('Ana Silva', { organization: 'Acme' }),
    ]);
    expect(decisions.map((d) => d.kind)).toEqual(['create', 'create', 'update']);
  });

  it('reports a conflict when the keys point to two different people', () => {
    const people = [
      person('p1', { displayName: 'Ana Silva', emails: ['ana@example.com'] }),
      person('p2', { displayName: 'Ana S.', phones: ['+14155550132'] }),
    ];
    const [decision] = matchRecords(people, [
      record('Ana Silva', { emails: ['ana@example.com'], phones: ['+14155550132'] }),
    ]);
    expect(decision).toMatchObject({
      kind: 'conflict',
      candidates: ['p1', 'p2'],
      reason: 'matches 2 people: Ana Silva (email), Ana S. (phone)',
    });
  });

  it('reports a conflict for a name shared by two people when nothing else tells them apart', () => {
    const people = [
      person('p1', { displayName: 'Sam Lee' }),
      person('p2', { displayName: 'Sam Lee' }),
    ];
    const [decision] = matchRecords(people, [record('Sam Lee')]);
    expect(decision).toMatchObject({ kind: 'conflict', candidates: ['p1', 'p2'] });
  });

  it('merges a LinkedIn row and a vCard of the same person in one import into one new person', () => {
    const decisions = matchRecords(
      [],
      [
        record('Ana Silva', {
          source: 'linkedin',
          organization: 'Verdant Capital',
          linkedinUrl: 'https://www.linkedin.com/in/ana-silva',
          connectedOn: '2024-10-09',
        }),
        record('Ben Okafor', { emails: ['ben@example.com'] }),
        record('Ana Silva', { phones: ['+14155550132'], emails: ['ana@example.com'] }),
      ],
    );
    expect(decisions.map((d) => d.kind)).toEqual(['create', 'create', 'merge']);
    expect(decisions[2]).toEqual({ kind: 'merge', into: 0, matchedBy: 'name' });
    expect(decisions[0]).toMatchObject({
      kind: 'create',
      record: {
        source: 'linkedin',
        organization: 'Verdant Capital',
        emails: ['ana@example.com'],
        phones: ['+14155550132'],
        connectedOn: '2024-10-09',
      },
    });
  });

  it('folds two records that reach the same person by different emails into one update', () => {
    const ana = person('p1', { emails: ['ana@example.com', 'ana@silva.example'] });
    const decisions = matchRecords(
      [ana],
      [
        record('Ana Silva', { emails: ['ana@example.com'], tags: ['Board'] }),
        record('A. Silva', { emails: ['ana@silva.example'], tags: ['Running club'] }),
        record('Ana (work)', { emails: ['ana@silva.example'], title: 'Partner' }),
      ],
    );
    expect(decisions[0]).toMatchObject({
      kind: 'update',
      personId: 'p1',
      changes: { tags: ['Board', 'Running club'], title: 'Partner' },
    });
    // Every merge points at the surviving record, never at another merge.
    expect(decisions.slice(1)).toEqual([
      { kind: 'merge', into: 0, matchedBy: 'email' },
      { kind: 'merge', into: 0, matchedBy: 'email' },
    ]);
  });

  it('counts an update that adds nothing as unchanged', () => {
    const decisions = matchRecords(
      [person('p1', { emails: ['ana@example.com'], tags: ['Board'] })],
      [record('Ana', { emails: ['ANA@example.com'], tags: ['board'] }), record('Ben')],
    );
    expect(summarizeDecisions(decisions)).toEqual({
      create: 1,
      update: 0,
      unchanged: 1,
      merge: 0,
      conflict: 0,
    });
  });

  it('combines two records keeping the first one’s values and the earlier connection date', () => {
    const merged = mergeRecords(
      record('Ana', { title: 'Partner', notes: 'one', connectedOn: '2020-01-01' }),
      record('Ana Silva', { title: 'CEO', notes: 'two', connectedOn: '2019-05-05', tags: ['X'] }),
    );
    expect(merged).toMatchObject({
      displayName: 'Ana',
      title: 'Partner',
      notes: 'one\n\ntwo',
      connectedOn: '2019-05-05',
      tags: ['X'],
    });
  });

  it('matches 50,000 records against 50,000 people quickly', () => {
    const n = 50_000;
    const people = Array.from({ length: n }, (_, i) =>
      person(`p${i}`, {
        displayName: `Person ${i.toString(36)} Example`,
        emails: [`person${i}@example.com`],
        phones: [`+1415${String(1_000_000 + i).slice(1)}`],
        organization: `Org ${i % 500}`,
      }),
    );
    const records = Array.from({ length: n }, (_, i) =>
      i % 2 === 0
        ? record(`Person ${i.toString(36)} Example`, { emails: [`PERSON${i}@example.com`] })
        : record(`Newcomer ${i.toString(36)} Example`, {
            linkedinUrl: `https://www.linkedin.com/in/newcomer-${i}`,
          }),
    );
    const started = performance.now();
    const decisions = matchRecords(people, records);
    const seconds = (performance.now() - started) / 1000;
    expect(summarizeDecisions(decisions)).toMatchObject({ create: n / 2, unchanged: n / 2 });
    // About 0.3 s here; the bound only catches an accidental quadratic.
    expect(seconds).toBeLessThan(5);
  });
});
