import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import { fixture } from '../interchange/testing';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import {
  BACKUP_TABLES,
  DERIVED_COLUMNS,
  NOT_BACKED_UP,
} from '../store/workspace-backup.repository';
import { fileOf, LINKEDIN_SAMPLE, VCARD_SAMPLE } from './contacts.fixtures';
import { importContacts } from './contacts-import';
import { type AppContext, createContext } from './context';
import { loadDemo } from './demo';
import { backupWorkspace } from './workspace-backup';
import { restoreBackup } from './workspace-restore';
import { type Access, createWorkspace, ownerAccess } from './workspaces';

const PEOPLE = 10_000;

const textOf = async (chunks: AsyncIterable<string>): Promise<string> => {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
};

type Document = Record<string, unknown>;

/** The backup without what names the moment and the workspace it was taken from. */
const body = (text: string): Document => {
  const { exportedAt: _e, workspace: _w, ...rest } = JSON.parse(text) as Document;
  return rest;
};

/**
 * Every id of the backup replaced by its table and rank (`people#41`): two backups whose ids
 * were renewed consistently, in order, become equal. Renewed ids keep their order because ids
 * are time-ordered and are renewed in the order of the rows.
 */
const byRank = (document: Document): Document => {
  const names = new Map<string, string>();
  for (const spec of BACKUP_TABLES) {
    const idColumn = spec.columns.find((c) => c.ids === 'id');
    if (!idColumn) continue;
    const rows = (document[spec.key] ?? []) as Array<Record<string, string>>;
    const ids = rows.map((r) => r.id as string).sort();
    for (const [rank, id] of ids.entries()) names.set(id, `${spec.key}#${rank}`);
  }
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return names.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v)]));
    }
    return value;
  };
  return rename(document) as Document;
};

const counts = async (store: Store, ws: string) => ({
  people: await store.in(ws).people.count(),
  ties: await store.in(ws).ties.count(),
  moments: await store.in(ws).moments.count(),
  imports: (await store.in(ws).imports.list(100)).length,
});

describe.each(testDialects())('backup and restore on %s', (dialect) => {
  let store: Store;
  let ctx: AppContext;
  let source: Access;
  let backup: string;

  const emptyWorkspace = async (on: Store, name: string): Promise<Access> =>
    ownerAccess((await on.transaction((r) => createWorkspace(r, name, null))).id);

  beforeAll(async () => {
    store = await openTestStore(dialect);
    ctx = createContext(store, () => new Date('2026-11-26T10:00:00Z'));
    source = await emptyWorkspace(store, 'Source');
    // A demo network (people, ties, moments, a demo plan naming people by id), then imports
    // that create, update (a typed person found by email) and carry photos and profiles.
    await loadDemo(ctx, source, { people: PEOPLE, seed: 11 });
    await store.in(source.workspaceId).people.create({
      displayName: 'Ana',
      emails: ['ana@verdant.example'],
    });
    await importContacts(ctx, source, [
      fileOf('Connections.csv', LINKEDIN_SAMPLE),
      fileOf('contacts.vcf', VCARD_SAMPLE),
    ]);
    await importContacts(ctx, source, [fileOf('apple.vcf', fixture('apple-contacts.vcf'))]);
    const someone = await store.in(source.workspaceId).people.list({ limit: 3 });
    await store.in(source.workspaceId).circleNames.save(
      'Sunday runners',
      someone.map((p) => p.id),
      [],
    );
    backup = await textOf(backupWorkspace(ctx, source));
  });
  afterAll(() => store.close());

  it('writes every table with its format and version, a row per line', () => {
    const document = JSON.parse(backup) as Document;
    expect(document).toMatchObject({
      format: 'salon-backup',
      version: 1,
      exportedAt: '2026-11-26T10:00:00.000Z',
      workspace: { id: source.workspaceId, name: 'Source' },
    });
    expect(Object.keys(document).slice(4)).toEqual(BACKUP_TABLES.map((t) => t.key));
    expect((document.people as unknown[]).length).toBeGreaterThan(PEOPLE);
    expect((document.importBatches as unknown[]).length).toBe(2);
    expect(backup.split('\n').length).toBeGreaterThan(PEOPLE * 5);
  });

  it(`gives back identical data at ${PEOPLE.toLocaleString('en')} people in a fresh database, ids kept`, async () => {
    const target = await openTestStore(dialect);
    try {
      const access = await emptyWorkspace(target, 'Restored');
      const result = await restoreBackup(createContext(target), access, backup);
      expect(result.idsRenewed).toBe(false);
      expect(result.counts.people).toBe(await store.in(source.workspaceId).people.count());
      expect(await counts(target, access.workspaceId)).toEqual(
        await counts(store, source.workspaceId),
      );
      const again = await textOf(backupWorkspace(createContext(target), access));
      expect(body(again)).toEqual(body(backup));
      const found = await target.in(access.workspaceId).people.search('verdant', 5);
      expect(found.map((p) => p.displayName)).toEqual(['Ana']);
    } finally {
      await target.close();
    }
  });

  it('restores beside the workspace it came from, every id renewed consistently', async () => {
    const access = await emptyWorkspace(store, 'Copy');
    const result = await restoreBackup(ctx, access, backup);
    expect(result.idsRenewed).toBe(true);
    expect(await counts(store, access.workspaceId)).toEqual(
      await counts(store, source.workspaceId),
    );
    const again = await textOf(backupWorkspace(ctx, access));
    const [copy, original] = [body(again), body(backup)];
    expect((copy.people as Array<{ id: string }>)[0]!.id).not.toBe(
      (original.people as Array<{ id: string }>)[0]!.id,
    );
    expect(byRank(copy)).toEqual(byRank(original));
  });

  it('refuses a workspace that is not empty, and files that are not backups, changing nothing', async () => {
    const code = (work: Promise<unknown>) =>
      work.then(
        () => 'none',
        (e: unknown) => (isDomainError(e) ? `${e.code}: ${e.message}` : String(e)),
      );
    expect(await code(restoreBackup(ctx, source, backup))).toMatch(/^conflict: .*empty workspace/);
    const access = await emptyWorkspace(store, 'Empty');
    expect(await code(restoreBackup(ctx, access, '{"people": []}'))).toMatch(
      /^invalid_input: This is not a Salon backup/,
    );
    expect(await code(restoreBackup(ctx, access, backup.slice(0, 5000)))).toMatch(
      /^invalid_input: .*truncated/,
    );
    expect(
      await code(restoreBackup(ctx, access, backup.replace('"version":1', '"version":7'))),
    ).toMatch(/^invalid_input: This backup has format version 7/);
    const dangling = JSON.stringify({
      format: 'salon-backup',
      version: 1,
      ties: [
        {
          id: 't1',
          aId: 'nobody-1',
          bId: 'nobody-2',
          strength: 2,
          source: 'recorded',
          createdAt: 'x',
          updatedAt: 'x',
        },
      ],
    });
    expect(await code(restoreBackup(ctx, access, dangling))).toMatch(
      /^invalid_input: The backup is damaged: ties refer to rows/,
    );
    expect(await counts(store, access.workspaceId)).toEqual({
      people: 1,
      ties: 0,
      moments: 0,
      imports: 0,
    });
  });

  it('backs up every workspace table and column the database has (or says why not)', async () => {
    const catalogue = await store.catalogue.workspaceTables();
    for (const [table, columns] of catalogue) {
      if (NOT_BACKED_UP[table]) continue;
      const spec = BACKUP_TABLES.find((t) => t.table === table || t.nested?.table === table);
      expect(spec, `table ${table} is neither backed up nor in NOT_BACKED_UP`).toBeDefined();
      const listed = spec!.table === table ? spec!.columns : spec!.nested!.columns;
      const known = new Set([
        'workspace_id',
        ...listed.map((c) => c.name),
        ...(DERIVED_COLUMNS[table] ?? []),
        ...(spec!.nested?.table === table ? [spec!.nested.parentColumn] : []),
      ]);
      for (const column of columns) {
        expect(known.has(column), `${table}.${column} is not in the backup`).toBe(true);
      }
    }
  });
});
