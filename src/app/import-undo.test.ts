import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { fileOf, LINKEDIN_SAMPLE, VCARD_SAMPLE } from './contacts.fixtures';
import { importContacts } from './contacts-import';
import { createContext } from './context';
import { listImports, undoImport } from './import-undo';
import { logMoment } from './moments';
import { createWorkspace, ownerAccess } from './workspaces';

const codeOf = (error: unknown) => (isDomainError(error) ? error.code : String(error));

describe.each(testDialects())('undoing an import on %s', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(() => store.close());

  const fresh = async () => {
    const ctx = createContext(store);
    const access = ownerAccess(
      (await store.transaction((r) => createWorkspace(r, 'Undo', null))).id,
    );
    return { ctx, access, ws: access.workspaceId };
  };

  /** Everything an undo must put back, person by person. */
  const state = async (ws: string) => ({
    people: (await store.in(ws).people.all()).map(({ updatedAt: _u, ...p }) => p),
    ties: (await store.in(ws).ties.all()).sort((a, b) => (a.aId + a.bId < b.aId + b.bId ? -1 : 1)),
    search: (await store.in(ws).people.search('silva', 10)).map((p) => p.id),
  });

  it('removes the people it created, reverts the people it updated, and removes its ties', async () => {
    const { ctx, access, ws } = await fresh();
    const typed = await store.in(ws).people.create({
      displayName: 'Ana',
      emails: ['ana@verdant.example'],
    });
    const before = await state(ws);
    const typedBefore = await store.in(ws).people.require(typed.id);
    const report = await importContacts(ctx, access, [
      fileOf('Connections.csv', LINKEDIN_SAMPLE),
      fileOf('contacts.vcf', VCARD_SAMPLE),
    ]);
    expect(report.counts).toMatchObject({ created: 3, updated: 1 });
    expect((await store.in(ws).people.require(typed.id)).familyName).toBe('Silva');

    const undone = await undoImport(ctx, access, report.batchId!);
    expect(undone).toEqual({ batchId: report.batchId, removed: 3, reverted: 1, tiesRemoved: 1 });
    expect(await state(ws)).toEqual(before);
    expect(await store.in(ws).people.require(typed.id)).toEqual(typedBefore);
    const [batch] = await listImports(ctx, access);
    expect(batch).toMatchObject({ id: report.batchId, undoneAt: expect.any(String) });
    expect(batch!.summary).toMatchObject({ created: 3, updated: 1 });
    await expect(undoImport(ctx, access, report.batchId!)).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('refuses while a person it created has been edited, or met at a moment, since', async () => {
    const { ctx, access, ws } = await fresh();
    const report = await importContacts(ctx, access, [fileOf('Connections.csv', LINKEDIN_SAMPLE)]);
    const carla = (await store.in(ws).people.search('carla', 1))[0]!;
    await store.in(ws).people.update(carla.id, { notes: 'Met her again at the board dinner' });
    const refused = await undoImport(ctx, access, report.batchId!).catch(codeOf);
    expect(refused).toBe('conflict');
    await expect(undoImport(ctx, access, report.batchId!)).rejects.toThrow(/Carla Mendes/);
    expect(await store.in(ws).people.count()).toBe(4);

    const other = await importContacts(ctx, access, [fileOf('contacts.vcf', VCARD_SAMPLE)]);
    const dev = (await store.in(ws).people.search('dev', 1))[0]!;
    await logMoment(ctx, access, {
      kind: 'coffee',
      occurredOn: '2026-11-20',
      attendees: [{ personId: dev.id, mark: 'reconnected' }],
    });
    expect(await undoImport(ctx, access, other.batchId!).catch(codeOf)).toBe('conflict');
  });

  it('undoes a later import first, then the earlier one, back to the empty workspace', async () => {
    const { ctx, access, ws } = await fresh();
    const before = await state(ws);
    const first = await importContacts(ctx, access, [fileOf('Connections.csv', LINKEDIN_SAMPLE)]);
    const second = await importContacts(ctx, access, [fileOf('contacts.vcf', VCARD_SAMPLE)]);
    expect(second.counts).toMatchObject({ created: 1, updated: 2 });
    expect(await undoImport(ctx, access, first.batchId!).catch(codeOf)).toBe('conflict');
    await undoImport(ctx, access, second.batchId!);
    await undoImport(ctx, access, first.batchId!);
    expect(await state(ws)).toEqual(before);
  });

  it('answers not_found for an import of another workspace', async () => {
    const mine = await fresh();
    const theirs = await fresh();
    const report = await importContacts(theirs.ctx, theirs.access, [
      fileOf('Connections.csv', LINKEDIN_SAMPLE),
    ]);
    expect(await undoImport(mine.ctx, mine.access, report.batchId!).catch(codeOf)).toBe(
      'not_found',
    );
  });
});
