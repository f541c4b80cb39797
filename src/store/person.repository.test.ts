import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Person, sortKey } from '../domain/person';
import { openDatabase } from './database';
import type { PeopleCursor } from './person.repository';
import { createScratchDatabase } from './scratch-database';
import { type Store, storeOver } from './store';
import { openTestStore, testDialects } from './testing';

/** Byte order of UTF-8, the order both databases keep: not JavaScript's UTF-16 order. */
const bytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
const nameOrder = (a: Person, b: Person): number =>
  bytes(sortKey(a.displayName), sortKey(b.displayName)) || bytes(a.id, b.id);

const cursorOf = (person: Person): PeopleCursor => ({
  sortKey: sortKey(person.displayName),
  id: person.id,
});

const pageThrough = async (store: Store, ws: string, limit: number): Promise<Person[]> => {
  const out: Person[] = [];
  let after: PeopleCursor | undefined;
  for (;;) {
    const page = await store.in(ws).people.list({ after, limit });
    out.push(...page);
    const last = page.at(-1);
    if (page.length < limit || !last) return out;
    after = cursorOf(last);
  }
};

// Names whose order differs between byte order and a language's collation (spaces and hyphens
// ignored, case folded), and between UTF-8 and UTF-16 ('ａ' U+FF41 sorts after '𝒜' U+1D49C in
// JavaScript, before it in UTF-8); several people share a sort key.
const NAMES = [
  'Anna',
  'Ann B',
  'ANN B',
  'ann b',
  'Ann-Marie',
  'Annabel',
  'Émile Zola',
  'Emile Zola',
  'Zoë Zed',
  '𝒜lice Ann',
  'ａnn Fullwidth',
  'Bea Ann',
];

describe.each(testDialects())('people list and search on %s', (dialect) => {
  let store: Store;
  let ws: string;

  beforeAll(async () => {
    store = await openTestStore(dialect);
    ws = (await store.workspaces.create('Mine', null)).id;
    const other = (await store.workspaces.create('Theirs', null)).id;
    await store.in(ws).people.createMany(NAMES.map((displayName) => ({ displayName })));
    await store.in(other).people.createMany([{ displayName: 'Ann Other' }]);
  });
  afterAll(() => store.close());

  it('pages in byte order of sort key then id, through ties on the sort key', async () => {
    const expected = [...(await store.in(ws).people.all())].sort(nameOrder);
    expect(expected.map((p) => sortKey(p.displayName))).toEqual([
      'ann b',
      'ann b',
      'ann b',
      'ann-marie',
      'anna',
      'annabel',
      'bea ann',
      'emile zola',
      'emile zola',
      'zoe zed',
      'ａnn fullwidth',
      '𝒜lice ann',
    ]);
    for (const limit of [1, 2, 5, 50]) {
      expect((await pageThrough(store, ws, limit)).map((p) => p.id)).toEqual(
        expected.map((p) => p.id),
      );
    }
    expect((await store.in(ws).people.all()).map((p) => p.id)).toEqual(expected.map((p) => p.id));
  });

  it('continues after a cursor between two people of the same sort key', async () => {
    const all = [...(await store.in(ws).people.all())].sort(nameOrder);
    const [first, second, third, next] = all;
    expect(sortKey(second!.displayName)).toBe(sortKey(first!.displayName));
    const page = await store.in(ws).people.list({ after: cursorOf(first!), limit: 3 });
    expect(page.map((p) => p.id)).toEqual([second!.id, third!.id, next!.id]);
  });

  it('searches in the same order as the list, a page of the first matches at a time', async () => {
    const all = [...(await store.in(ws).people.all())].sort(nameOrder);
    const matching = new Set(['Anna', 'Ann B', 'ANN B', 'ann b', 'Ann-Marie', 'Annabel']);
    for (const name of ['Bea Ann', '𝒜lice Ann']) matching.add(name);
    const expected = all.filter((p) => matching.has(p.displayName)).map((p) => p.id);
    expect((await store.in(ws).people.search('ann', 50)).map((p) => p.id)).toEqual(expected);
    expect((await store.in(ws).people.search('ANN', 3)).map((p) => p.id)).toEqual(
      expected.slice(0, 3),
    );
  });

  it('finds people by every word, in any order of the words', async () => {
    const ids = async (q: string) => (await store.in(ws).people.search(q, 20)).map((p) => p.id);
    const names = async (q: string) =>
      (await store.in(ws).people.search(q, 20)).map((p) => p.displayName);
    expect((await names('ann b')).sort()).toEqual(['ANN B', 'Ann B', 'Bea Ann', 'ann b']);
    expect(await ids('b ann')).toEqual(await ids('ann b'));
    expect(await ids('be an')).toEqual(await ids('bea ann'));
    expect((await names('emile zol')).sort()).toEqual(['Emile Zola', 'Émile Zola']);
    expect(await ids('zol emile')).toEqual(await ids('emile zol'));
    expect(await names('zola zed')).toEqual([]);
    expect(await names('other')).toEqual([]);
  });

  it('keeps the search order in step when a person is renamed', async () => {
    const aaron = await store.in(ws).people.create({ displayName: 'Aaron Quill' });
    const bea = await store.in(ws).people.create({ displayName: 'Bea Quill' });
    const ids = async () => (await store.in(ws).people.search('quill', 10)).map((p) => p.id);
    expect(await ids()).toEqual([aaron.id, bea.id]);
    await store.in(ws).people.update(aaron.id, { displayName: 'Zack Quill' });
    expect(await ids()).toEqual([bea.id, aaron.id]);
  });
});

describe.each(testDialects())('a large write on %s', (dialect) => {
  it('pages through a thousand people written in one transaction', async () => {
    const store = await openTestStore(dialect);
    try {
      const ws = (await store.workspaces.create('Big', null)).id;
      const people = Array.from({ length: 1200 }, (_, i) => ({
        displayName: `Person ${String((i * 7919) % 1200).padStart(4, '0')}`,
      }));
      await store.in(ws).transaction((repos) => repos.people.createMany(people));
      const listed = await pageThrough(store, ws, 50);
      expect(listed).toHaveLength(1200);
      expect(listed.map((p) => p.displayName)).toEqual(people.map((p) => p.displayName).sort());
      const found = await store.in(ws).people.search('person 01', 5);
      expect(found.map((p) => p.displayName)).toEqual(
        listed.slice(100, 105).map((p) => p.displayName),
      );
    } finally {
      await store.close();
    }
  });
});

describe.runIf(testDialects().includes('postgres'))('statistics on PostgreSQL', () => {
  it('are in place for the planner once a large write commits', async () => {
    const adminUrl = inject('postgresAdminUrl') as string;
    const scratch = await createScratchDatabase(adminUrl);
    const opened = await openDatabase({ url: scratch.url, dataDir: ':memory:' });
    const store = storeOver(opened);
    try {
      const ws = (await store.workspaces.create('Big', null)).id;
      await store
        .in(ws)
        .transaction((repos) =>
          repos.people.createMany(
            Array.from({ length: 1000 }, (_, i) => ({ displayName: `Person ${i}` })),
          ),
        );
      const { rows } = await sql<{ relname: string; reltuples: number }>`
        select relname, reltuples from pg_class where relname in ('people', 'person_search')
        order by relname`.execute(opened.db);
      expect(rows.map((r) => [r.relname, Number(r.reltuples) >= 1000])).toEqual([
        ['people', true],
        ['person_search', true],
      ]);
      const { rows: stats } = await sql<{ attname: string }>`
        select attname from pg_stats where tablename = 'people' and attname = 'sort_key'`.execute(
        opened.db,
      );
      expect(stats).toHaveLength(1);
    } finally {
      await store.close();
      await scratch.drop();
    }
  });
});
