import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import { DEFAULTS } from '../engine/pair-value';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { type AppContext, createContext } from './context';
import { engineWeights, setEngineWeights } from './engine-weights';
import { backupWorkspace } from './workspace-backup';
import { restoreBackup } from './workspace-restore';
import { type Access, createWorkspace, ownerAccess } from './workspaces';

const TUNED = { ...DEFAULTS.weights, complementarity: 0.1, novelty: 0.9 };

const textOf = async (chunks: AsyncIterable<string>): Promise<string> => {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
};

const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (e: unknown) => (isDomainError(e) ? { code: e.code, fields: e.fields } : e),
  );

describe.each(testDialects())('engine weights of a workspace on %s', (dialect) => {
  let store: Store;
  let ctx: AppContext;

  const emptyWorkspace = async (name: string): Promise<Access> =>
    ownerAccess((await store.transaction((r) => createWorkspace(r, name, null))).id);

  beforeAll(async () => {
    store = await openTestStore(dialect);
    ctx = createContext(store);
  });
  afterAll(() => store.close());

  it('checks weights from any caller, not only the API', async () => {
    const access = await emptyWorkspace('Checked');
    expect(
      await failureOf(setEngineWeights(ctx, access, { ...TUNED, warmth: Number.NaN })),
    ).toEqual({
      code: 'invalid_input',
      fields: [{ field: 'weights.warmth', reason: 'must be a number from 0 to 1' }],
    });
    expect((await engineWeights(ctx, access)).weights).toEqual(DEFAULTS.weights);
  });

  it('travels with a backup and comes back on restore', async () => {
    const source = await emptyWorkspace('Tuned');
    await setEngineWeights(ctx, source, TUNED);
    const backup = await textOf(backupWorkspace(ctx, source));
    expect(JSON.parse(backup).workspace.engineWeights).toEqual(TUNED);

    const target = await emptyWorkspace('Restored');
    await restoreBackup(ctx, target, backup);
    expect((await engineWeights(ctx, target)).weights).toEqual(TUNED);
  });

  it('restores an untuned workspace as untuned, keeps the tuning for a backup from before it, refuses damaged weights', async () => {
    const source = await emptyWorkspace('Plain');
    const backup = JSON.parse(await textOf(backupWorkspace(ctx, source)));
    expect(backup.workspace.engineWeights).toBeNull();

    const untuned = await emptyWorkspace('Untuned');
    await setEngineWeights(ctx, untuned, TUNED);
    await restoreBackup(ctx, untuned, JSON.stringify(backup));
    expect((await engineWeights(ctx, untuned)).weights).toEqual(DEFAULTS.weights);

    const kept = await emptyWorkspace('Kept');
    await setEngineWeights(ctx, kept, TUNED);
    const { engineWeights: _none, ...older } = backup.workspace;
    await restoreBackup(ctx, kept, JSON.stringify({ ...backup, workspace: older }));
    expect((await engineWeights(ctx, kept)).weights).toEqual(TUNED);

    const damaged = { ...backup, workspace: { ...older, engineWeights: { warmth: 3 } } };
    const refused = await failureOf(
      restoreBackup(ctx, await emptyWorkspace('Refused'), JSON.stringify(damaged)),
    );
    expect(refused).toMatchObject({
      code: 'invalid_input',
      fields: expect.arrayContaining([
        { field: 'workspace.engineWeights.warmth', reason: 'must be a number from 0 to 1' },
      ]),
    });
  });
});
