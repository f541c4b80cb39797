/**
 * A backup restores on either database, whichever it was taken from: SQLite keeps a NUL byte
 * that came in before the API refused them, and PostgreSQL cannot store one, so restore cleans
 * control characters out instead of failing half way.
 */
import { describe, expect, it } from 'vitest';
import type { DialectName } from '../store/database';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { createContext } from './context';
import { backupWorkspace } from './workspace-backup';
import { restoreBackup } from './workspace-restore';
import { createWorkspace, ownerAccess } from './workspaces';

const textOf = async (chunks: AsyncIterable<string>): Promise<string> => {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
};

const workspaceOn = async (store: Store, name: string) =>
  ownerAccess((await store.transaction((r) => createWorkspace(r, name, null))).id);

const pairs = (): Array<[DialectName, DialectName]> => {
  const dialects = testDialects();
  return dialects.flatMap((from) => dialects.map((to): [DialectName, DialectName] => [from, to]));
};

describe.each(pairs())('a backup taken on %s', (from, to) => {
  it(`restores on ${to}, with control characters cleaned out`, async () => {
    const source = await openTestStore(from);
    const target = await openTestStore(to);
    try {
      const access = await workspaceOn(source, 'Source');
      // Written past the API, as an old version or a direct import could have.
      const stored = await source.in(access.workspaceId).people.create({
        displayName: from === 'sqlite' ? 'Nul\u0000Person' : 'Plain Person',
        notes: 'first line\r\nsecond\tline\u0007',
      });
      const backup = await textOf(backupWorkspace(createContext(source), access));
      const into = await workspaceOn(target, 'Restored');
      const result = await restoreBackup(createContext(target), into, backup);
      expect(result.counts.people).toBe(await source.in(access.workspaceId).people.count());
      const restored = await target.in(into.workspaceId).people.find(stored.id);
      expect(restored?.displayName).toBe(from === 'sqlite' ? 'NulPerson' : 'Plain Person');
      expect(restored?.notes).toBe('first line\r\nsecond\tline');
    } finally {
      await source.close();
      await target.close();
    }
  });
});
