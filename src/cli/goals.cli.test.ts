import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../app/context';
import { ownerAccess, workspaceForCli } from '../app/workspaces';
import { salon } from './run.fixtures';

describe('salon goals', () => {
  const data = mkdtempSync(join(tmpdir(), 'salon-goals-'));
  let names: string[];

  beforeAll(async () => {
    expect((await salon(['--data', data, 'demo', '--people', '40', '--json'])).code).toBe(0);
    const ctx = await openContext({ dataDir: data });
    try {
      const access = ownerAccess((await workspaceForCli(ctx, undefined)).id);
      const people = await ctx.store.in(access.workspaceId).people.all();
      names = people.filter((p) => !p.isSelf).map((p) => p.displayName);
    } finally {
      await ctx.store.close();
    }
  });

  it('marks and unmarks people by name, and lists them', async () => {
    const [first = '', second = ''] = names;
    const added = await salon(['--data', data, 'goals', '--add', first, '--add', second, '--json']);
    expect(added.code).toBe(0);
    const goals = (JSON.parse(added.stdout) as { goals: Array<{ displayName: string }> }).goals;
    expect(goals.map((g) => g.displayName).sort()).toEqual([first, second].sort());
    const removed = await salon(['--data', data, 'goals', '--remove', first]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('You want to grow closer to 1 person:');
    expect(removed.stdout).toContain(second);
    expect(removed.stdout).not.toContain(`  ${first}\n`);
  });

  it('says plainly when nobody by that name is in the network', async () => {
    const ran = await salon(['--data', data, 'goals', '--add', 'Nobody Atall Zzyzx']);
    expect(ran.code).toBe(3);
    expect(ran.stderr).toContain('No one called "Nobody Atall Zzyzx" is in your network');
  });
});
