import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import type { Store } from './store';
import { openTestStore, testDialects } from './testing';

const codeOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
    return 'none';
  } catch (error) {
    return isDomainError(error) ? error.code : String(error);
  }
};

describe.each(testDialects())('store on %s', (dialect) => {
  let store: Store;
  let ws: string;
  let other: string;

  beforeAll(async () => {
    store = await openTestStore(dialect);
    ws = (await store.workspaces.create('Mine', null)).id;
    other = (await store.workspaces.create('Theirs', null)).id;
  });
  afterAll(() => store.close());

  it('creates a person with tidy lists and a derived display name', async () => {
    const person = await store.in(ws).people.create({
      givenName: ' Jürgen ',
      familyName: 'Müller',
      emails: ['j@example.com', 'J@example.com ', ''],
      tags: ['Running club', 'running club'],
    });
    expect(person.displayName).toBe('Jürgen Müller');
    expect(person.givenName).toBe('Jürgen');
    expect(person.emails).toEqual(['j@example.com']);
    expect(person.tags).toEqual(['Running club']);
    expect(person.isSelf).toBe(false);
  });

  it('finds people by a prefix of any name, email, organisation or tag, ignoring diacritics', async () => {
    await store.in(ws).people.create({
      displayName: 'Zoë Okafor',
      organization: 'Greenfield Capital',
    });
    await store.in(ws).people.create({ displayName: 'Søren Berg', tags: ['Sunday runners'] });
    const names = async (q: string) =>
      (await store.in(ws).people.search(q, 10)).map((p) => p.displayName);
    expect(await names('jur')).toEqual(['Jürgen Müller']);
    expect(await names('MUEL')).toEqual([]);
    expect(await names('mul')).toEqual(['Jürgen Müller']);
    expect(await names('zoe')).toEqual(['Zoë Okafor']);
    expect(await names('green')).toEqual(['Zoë Okafor']);
    expect(await names('sunday')).toEqual(['Søren Berg']);
    expect(await names('soren b')).toEqual(['Søren Berg']);
    expect(await names('j@exa')).toEqual(['Jürgen Müller']);
    expect(await names('nobody')).toEqual([]);
  });

  it('pages through people in name order with a cursor, never repeating or skipping', async () => {
    const page1 = await store.in(ws).people.list({ limit: 2 });
    const last = page1.at(-1)!;
    const page2 = await store.in(ws).people.list({
      after: { sortKey: last.displayName.toLowerCase(), id: last.id },
      limit: 2,
    });
    const all = await store.in(ws).people.all();
    expect([...page1, ...page2].map((p) => p.id)).toEqual(all.map((p) => p.id));
  });

  it('keeps search terms in step when a person is renamed', async () => {
    const person = await store.in(ws).people.create({ displayName: 'Ana Lima' });
    await store.in(ws).people.update(person.id, { displayName: 'Ana Souza' });
    expect((await store.in(ws).people.search('lima', 10)).map((p) => p.id)).toEqual([]);
    expect((await store.in(ws).people.search('souza', 10)).map((p) => p.id)).toEqual([person.id]);
  });

  it('never shows one workspace the people of another', async () => {
    const theirs = await store.in(other).people.create({ displayName: 'Secret Person' });
    expect(await store.in(ws).people.find(theirs.id)).toBeUndefined();
    expect(await store.in(ws).people.search('secret', 10)).toEqual([]);
    expect(await codeOf(store.in(ws).people.update(theirs.id, { notes: 'x' }))).toBe('not_found');
    expect(await codeOf(store.in(ws).people.remove(theirs.id))).toBe('not_found');
    expect(await store.in(other).people.find(theirs.id)).toBeDefined();
  });

  it('stores a tie once per unordered pair and refuses a second one', async () => {
    const a = await store.in(ws).people.create({ displayName: 'Tie A' });
    const b = await store.in(ws).people.create({ displayName: 'Tie B' });
    const tie = await store.in(ws).ties.create({
      aId: b.id,
      bId: a.id,
      strength: 3,
      source: 'recorded',
    });
    expect([tie.aId, tie.bId]).toEqual([a.id, b.id].sort());
    expect(
      await codeOf(
        store.in(ws).ties.create({ aId: a.id, bId: b.id, strength: 1, source: 'recorded' }),
      ),
    ).toBe('conflict');
    const ofA = await store.in(ws).ties.ofPerson(a.id);
    expect(ofA.map((t) => t.otherName)).toEqual(['Tie B']);
  });

  it('refuses a tie to a person of another workspace, in the database itself', async () => {
    const mine = await store.in(ws).people.create({ displayName: 'Mine' });
    const theirs = await store.in(other).people.create({ displayName: 'Theirs' });
    expect(
      await codeOf(
        store.in(ws).ties.create({ aId: mine.id, bId: theirs.id, strength: 2, source: 'recorded' }),
      ),
    ).toBe('not_found');
    expect(await store.in(ws).ties.ofPerson(mine.id)).toEqual([]);
  });

  it('reads every tie as positions in the given people, each with its own strength', async () => {
    const graphWs = (await store.workspaces.create('Graph', null)).id;
    const [p0, p1, p2, p3] = (await store
      .in(graphWs)
      .people.createMany(['P0', 'P1', 'P2', 'P3'].map((displayName) => ({ displayName })))) as [
      string,
      string,
      string,
      string,
    ];
    await store.in(graphWs).ties.ensure([
      { aId: p0, bId: p1, strength: 5, source: 'recorded' },
      { aId: p2, bId: p0, strength: 2, source: 'recorded' },
      { aId: p1, bId: p2, strength: 4, source: 'recorded' },
      { aId: p3, bId: p0, strength: 1, source: 'recorded' },
    ]);
    // P3 is left out, as someone added after the caller read the people would be.
    const ties = await store.in(graphWs).ties.byPosition([p2, p0, p1]);
    const read = Array.from(ties.a, (a, e) => {
      const pair = [a, ties.b[e]!].sort();
      return `${pair[0]}-${pair[1]}:${ties.strength[e]}`;
    }).sort();
    expect(read).toEqual(['0-1:2', '0-2:4', '1-2:5']);
  });

  it('rolls a transaction back whole when any part fails', async () => {
    const before = await store.in(ws).people.count();
    const failed = store.in(ws).transaction(async (tx) => {
      await tx.people.create({ displayName: 'Half Written' });
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    expect(await store.in(ws).people.count()).toBe(before);
    expect(await store.in(ws).people.search('half', 5)).toEqual([]);
  });

  it('records a moment with attendees and shows it on each attendee timeline', async () => {
    const p = await store.in(ws).people.create({ displayName: 'Dana Reyes' });
    const moment = await store.in(ws).moments.create({
      context: 'everyday',
      kind: 'wedding',
      title: "Sam's wedding",
      occurredOn: '2026-06-13',
      attendees: [{ personId: p.id, mark: 'met_new' }],
    });
    expect(moment.attendees).toEqual([{ personId: p.id, mark: 'met_new' }]);
    const timeline = await store.in(ws).moments.ofPerson(p.id);
    expect(timeline.map((m) => [m.title, m.mark, m.attendeeCount])).toEqual([
      ["Sam's wedding", 'met_new', 1],
    ]);
    expect(await store.in(other).moments.ofPerson(p.id)).toEqual([]);
  });

  it('moves the last-contact date forward only', async () => {
    const p = await store.in(ws).people.create({ displayName: 'Contact Date' });
    await store.in(ws).people.touchLastContact([p.id], '2026-05-01');
    await store.in(ws).people.touchLastContact([p.id], '2026-01-01');
    expect((await store.in(ws).people.require(p.id)).lastContactOn).toBe('2026-05-01');
  });
});

describe.runIf(testDialects().includes('postgres'))('store on PostgreSQL, connections', () => {
  it('carries on when the server ends its idle connections', async () => {
    const store = await openTestStore('postgres');
    const warnings: string[] = [];
    const heard = (warning: Error) => warnings.push(warning.message);
    process.on('warning', heard);
    try {
      const ws = (await store.workspaces.create('Mine', null)).id;
      await store.in(ws).people.create({ displayName: 'Before The Restart' });
      // As a server restart or an administrator would: end every session of this database.
      const database = new URL(store.location).pathname.slice(1);
      const endSessions = async (): Promise<void> => {
        const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') as string });
        await admin.connect();
        try {
          const ended = await admin.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1',
            [database],
          );
          expect(ended.rowCount).toBeGreaterThan(0);
        } finally {
          await admin.end();
        }
      };
      await endSessions();
      await expect.poll(() => warnings.length).toBeGreaterThan(0);
      expect(warnings[0]).toMatch(/PostgreSQL ended an idle connection/);
      // The next query opens a new connection; nothing was lost.
      expect(await store.in(ws).people.count()).toBe(1);
      // A connection ended inside a transaction: that transaction fails, the process carries on.
      const cut = store.in(ws).transaction(async (tx) => {
        await tx.people.create({ displayName: 'Half Written' });
        await endSessions();
        await tx.people.create({ displayName: 'Never Written' });
      });
      await expect(cut).rejects.toThrow();
      expect(await store.in(ws).people.count()).toBe(1);
    } finally {
      process.off('warning', heard);
      await store.close();
    }
  });
});
