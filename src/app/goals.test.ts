import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { createContext } from './context';
import { listGoals, setGoal } from './goals';
import { signedUpHost } from './host.fixtures';
import { suggestionsFor } from './introductions';
import { createPerson, getPerson } from './people';
import { recordTie } from './ties';

describe.each(testDialects())('the host’s goals on %s', (dialect) => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(() => store.close());

  it('raises what meeting someone is worth once you want to grow closer to them', async () => {
    const { ctx, access } = await signedUpHost(store, { email: 'goals@example.com' });
    const add = (displayName: string) =>
      createPerson(ctx, access, { displayName, asks: ['a rowing coach'] }, { strength: 2 });
    const [dana, priya, sam] = [await add('Dana'), await add('Priya'), await add('Sam')];
    await recordTie(ctx, access, { aId: dana.id, bId: sam.id, strength: 3 });
    await recordTie(ctx, access, { aId: sam.id, bId: priya.id, strength: 3 });
    const priyaFor = async (c = ctx) => {
      const { suggestions } = await suggestionsFor(c, access, dana.id, 10);
      return suggestions.find((s) => s.person.id === priya.id)!;
    };
    const before = await priyaFor();
    expect(before.parts.goals).toBe(0);

    await setGoal(ctx, access, priya.id, true);

    const after = await priyaFor();
    expect(after.parts.goals).toBe(0.5);
    expect(after.value).toBeGreaterThan(before.value);
    expect((await getPerson(ctx, access, priya.id)).isGoal).toBe(true);
    expect(await listGoals(ctx, access)).toEqual([{ id: priya.id, displayName: 'Priya' }]);
    // A network built afresh from the store reads the goal too.
    expect((await priyaFor(createContext(store))).value).toBe(after.value);

    await setGoal(ctx, access, priya.id, false);
    expect((await priyaFor()).value).toBe(before.value);
    expect(await listGoals(ctx, access)).toEqual([]);
  });

  it('refuses to make you your own goal', async () => {
    const { ctx, access, selfId } = await signedUpHost(store, { email: 'self-goal@example.com' });
    await expect(setGoal(ctx, access, selfId, true)).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
