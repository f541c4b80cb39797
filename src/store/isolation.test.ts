/**
 * Workspace isolation, repository by repository: the rows of workspace A are never read,
 * changed or deleted through workspace B's store, whatever ids B is given. Each test hands B's
 * repositories the real ids of A's rows, then checks that B saw nothing and that every row A
 * owns (all backed-up tables, its search index and its settings) is exactly as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, WorkspaceStore } from './store';
import { codeOf, openTestStore, testDialects } from './testing';
import { BACKUP_TABLES, type BackupRow } from './workspace-backup.repository';

/** Everything workspace A owns, as its own store reads it. */
const everything = async (a: WorkspaceStore) => {
  const tables: Record<string, BackupRow[]> = {};
  for (const spec of BACKUP_TABLES) {
    const rows: BackupRow[] = [];
    for await (const row of a.backups.rows(spec)) rows.push(row);
    tables[spec.key] = rows;
  }
  const found = async (q: string) => (await a.people.search(q, 10)).map((p) => p.id);
  return {
    tables,
    search: { zora: await found('zora'), quill: await found('quill') },
    weights: await a.engineWeights.find(),
  };
};

interface WorkspaceA {
  readonly host: string;
  readonly zora: string;
  readonly quill: string;
  readonly tie: string;
  readonly moment: string;
  readonly batch: string;
  readonly circleName: string;
}

describe.each(testDialects())('workspace isolation on %s', (dialect) => {
  let store: Store;
  let a: WorkspaceStore;
  let b: WorkspaceStore;
  let ids: WorkspaceA;
  let before: Awaited<ReturnType<typeof everything>>;

  beforeAll(async () => {
    store = await openTestStore(dialect);
    a = store.in((await store.workspaces.create('A', null)).id);
    b = store.in((await store.workspaces.create('B', null)).id);
    const host = await a.people.create({ displayName: 'Host A', isSelf: true });
    await b.people.create({ displayName: 'Host B', isSelf: true });
    const zora = await a.people.create({ displayName: 'Zora Quint', emails: ['z@a.example'] });
    const quill = await a.people.create({
      displayName: 'Quill Ames',
      introducedById: zora.id,
    });
    const tie = await a.ties.create({
      aId: zora.id,
      bId: quill.id,
      strength: 3,
      source: 'recorded',
    });
    await a.ties.create({ aId: host.id, bId: zora.id, strength: 4, source: 'imported' });
    const moment = await a.moments.create({
      context: 'hosted',
      kind: 'dinner',
      title: 'Supper',
      occurredOn: '2026-01-10',
      attendees: [
        { personId: zora.id, mark: 'met_new' },
        { personId: quill.id, mark: 'present' },
      ],
    });
    await a.demoPlans.save(7, { brokers: [zora.id], circles: [] });
    await a.circleNames.save('Supper club', [zora.id, quill.id], []);
    const batch = await a.imports.create({ format: 'vcard', fileName: 'a.vcf', summary: {} });
    await a.imports.recordUpdated(batch.id, [
      { personId: quill.id, previous: { title: 'Was' }, stamp: quill.updatedAt },
    ]);
    await a.imports.recordTies(batch.id, host.id, [zora.id]);
    await a.engineWeights.save({ bridge: 2 });
    ids = {
      host: host.id,
      zora: zora.id,
      quill: quill.id,
      tie: tie.id,
      moment: moment.id,
      batch: batch.id,
      circleName: (await a.circleNames.all())[0]!.id,
    };
    before = await everything(a);
    // The snapshot holds what this test set up: an empty one would prove nothing.
    expect(before.tables.people).toHaveLength(3);
    expect(before.tables.importChanges).toHaveLength(2);
    expect(before.search.zora).toEqual([zora.id]);
  });
  afterAll(() => store.close());

  const unchanged = async () => expect(await everything(a)).toEqual(before);

  it('people: B never reads, changes or deletes A’s people', async () => {
    const { zora, quill, host, moment } = ids;
    expect(await b.people.find(zora)).toBeUndefined();
    expect(await codeOf(b.people.require(zora))).toBe('not_found');
    expect(await b.people.findMany([zora, quill])).toEqual([]);
    expect((await b.people.findSelf())?.displayName).toBe('Host B');
    expect((await b.people.list({ limit: 50 })).map((p) => p.displayName)).toEqual(['Host B']);
    expect((await b.people.all()).map((p) => p.displayName)).toEqual(['Host B']);
    expect(await b.people.search('zora', 10)).toEqual([]);
    expect(await b.people.search('z@a.example', 10)).toEqual([]);
    expect(await b.people.findByName('Zora Quint')).toEqual([]);
    expect(await b.people.count()).toBe(1);
    expect(await b.people.inNetwork([zora, quill])).toEqual([]);
    expect((await b.people.inNetwork()).map((p) => p.displayName)).toEqual(['Host B']);
    expect(await codeOf(b.people.update(zora, { displayName: 'Taken' }))).toBe('not_found');
    expect(await codeOf(b.people.remove(quill))).toBe('not_found');
    await b.people.linkHowWeMet([zora, quill], moment);
    await b.people.touchLastContact([zora, quill, host], '2030-01-01');
    await b.people.reindex([zora, quill]);
    await unchanged();
  });

  it('ties: B never reads, changes or deletes A’s ties, nor ties A’s people', async () => {
    const { zora, quill, host, tie } = ids;
    expect(await b.ties.find(tie)).toBeUndefined();
    expect(await b.ties.ofPerson(zora)).toEqual([]);
    expect(await b.ties.among([zora, quill, host])).toEqual([]);
    expect(await b.ties.all()).toEqual([]);
    expect((await b.ties.byPosition([zora, quill, host])).a).toHaveLength(0);
    expect(await b.ties.count()).toBe(0);
    expect(await codeOf(b.ties.update(tie, { strength: 5 }))).toBe('not_found');
    expect(await codeOf(b.ties.remove(tie))).toBe('not_found');
    const foreign = { aId: zora, bId: quill, strength: 1, source: 'recorded' as const };
    expect(await codeOf(b.ties.create(foreign))).toBe('not_found');
    expect(await codeOf(b.ties.ensure([foreign]))).toBe('not_found');
    expect(await b.ties.count()).toBe(0);
    await unchanged();
  });

  it('moments: B never reads, changes or deletes A’s moments, nor lists A’s people at one', async () => {
    const { zora, quill, moment } = ids;
    expect(await codeOf(b.moments.require(moment))).toBe('not_found');
    expect(await b.moments.list(10)).toEqual([]);
    expect(await b.moments.ofPerson(zora)).toEqual([]);
    expect(await b.moments.attendedBy([zora, quill])).toEqual([]);
    expect(await b.moments.attendances()).toEqual([]);
    expect(await b.moments.count()).toBe(0);
    expect(await codeOf(b.moments.remove(moment))).toBe('not_found');
    const withA = {
      context: 'hosted' as const,
      kind: 'dinner' as const,
      title: 'Theirs',
      occurredOn: '2026-02-01',
      attendees: [{ personId: zora, mark: 'present' as const }],
    };
    expect(await codeOf(b.transaction((t) => t.moments.create(withA)))).toBe('not_found');
    expect(await b.moments.count()).toBe(0);
    await unchanged();
  });

  it('demo plans: B neither sees nor replaces A’s', async () => {
    expect(await b.demoPlans.find()).toBeUndefined();
    await b.demoPlans.save(9, { brokers: [], circles: [] });
    expect(await b.demoPlans.find()).toEqual({ brokers: [], circles: [] });
    await unchanged();
  });

  it('circle names: B neither sees nor replaces A’s', async () => {
    expect(await b.circleNames.all()).toEqual([]);
    await b.circleNames.save('Mine', [], [ids.circleName]);
    expect((await b.circleNames.all()).map((c) => c.name)).toEqual(['Mine']);
    await unchanged();
  });

  it('imports: B never reads, undoes or records into A’s batches', async () => {
    const { zora, quill, host, batch } = ids;
    expect(await b.imports.find(batch)).toBeUndefined();
    expect(await codeOf(b.imports.require(batch))).toBe('not_found');
    expect(await b.imports.list(10)).toEqual([]);
    expect((await b.imports.matchable()).map((p) => p.displayName)).toEqual(['Host B']);
    expect([...(await b.imports.tiedTo(host, [zora, quill]))]).toEqual([]);
    expect([...(await b.imports.snapshot([zora, quill])).keys()]).toEqual([]);
    expect(await b.imports.changes(batch)).toEqual([]);
    expect((await b.imports.changedSince(batch, host)).count).toBe(0);
    await b.imports.setSummary(batch, { created: 99 });
    await b.imports.markUndone(batch);
    await b.imports.revert(quill, { title: 'Overwritten' });
    await b.imports.removeTies(host, [zora]);
    expect(await b.imports.removeCreated(batch)).toEqual({ people: 0, ties: 0 });
    await unchanged();
  });

  it('merges: B never moves A’s ties, attendances or introducers', async () => {
    const { zora, quill, host, tie, moment } = ids;
    await b.merges.repointTie(tie, host, quill);
    expect(await b.merges.attendancesOf(zora)).toEqual([]);
    await b.merges.setMark(moment, quill, 'reconnected');
    expect(await b.merges.moveAttendances(zora, quill)).toBe(0);
    await b.merges.repointIntroducer(zora, quill);
    await unchanged();
  });

  it('backups: B streams, counts and clears only its own rows', async () => {
    for (const spec of BACKUP_TABLES) {
      const rows: BackupRow[] = [];
      for await (const row of b.backups.rows(spec)) rows.push(row);
      const own =
        spec.key === 'people' ? 1 : ['demoPlans', 'circleNames'].includes(spec.key) ? 1 : 0;
      expect(rows, spec.key).toHaveLength(own);
    }
    expect((await b.backups.counts()).people).toBe(0);
    await b.backups.removeStartingHost();
    expect(await b.people.findSelf()).toBeUndefined();
    await unchanged();
  });

  it('engine weights: B neither sees nor changes A’s', async () => {
    expect(await b.engineWeights.find()).toBeNull();
    await b.engineWeights.save({ bridge: 0 });
    expect(await b.engineWeights.find()).toEqual({ bridge: 0 });
    await b.engineWeights.save(null);
    await unchanged();
  });
});
