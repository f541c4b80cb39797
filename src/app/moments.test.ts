import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { type AppContext, createContext } from './context';
import { type Host, signedUpHost } from './host.fixtures';
import { suggestionsFor } from './introductions';
import { deleteMoment, logMoment, updateMoment } from './moments';
import { createPerson, getPerson, listPeople, tiesOfPerson } from './people';
import { updateTie } from './ties';

/** Every tie the engine's network holds, by the two ids, with its weight. */
const tiesSeen = async (ctx: AppContext, workspaceId: string): Promise<string[]> => {
  const { graph } = await ctx.network.get(workspaceId);
  const out: string[] = [];
  for (let i = 0; i < graph.n; i++)
    for (let e = graph.offsets[i]!; e < graph.offsets[i + 1]!; e++) {
      const pair = [graph.ids[i]!, graph.ids[graph.neighbors[e]!]!].sort().join('|');
      if (graph.ids[i]! < graph.ids[graph.neighbors[e]!]!)
        out.push(`${pair}:${graph.weights[e]!.toFixed(9)}`);
    }
  return out.sort();
};

describe.each(testDialects())('changing and deleting moments on %s', (dialect) => {
  let store: Store;
  let hosts = 0;

  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(() => store.close());

  /** A host, Priya (recorded as known), and Dana and Sam (met with Priya at a dinner). */
  const scene = async () => {
    const host: Host = await signedUpHost(store, { email: `host${++hosts}@example.com` });
    const { ctx, access } = host;
    const priya = await createPerson(ctx, access, { displayName: 'Priya' }, { strength: 4 });
    const { moment } = await logMoment(ctx, access, {
      kind: 'dinner',
      occurredOn: '2026-03-01',
      attendees: [
        { newPerson: { displayName: 'Dana' }, mark: 'met_new' },
        { newPerson: { displayName: 'Sam' }, mark: 'met_new' },
        { personId: priya.id, mark: 'reconnected' },
      ],
    });
    const byName = async (name: string): Promise<string> =>
      (await listPeople(ctx, access, { q: name, limit: 1 })).items[0]!.id;
    /** Whom `name` is tied to, by name, with the tie's strength. */
    const tiesOf = async (name: string) =>
      (await tiesOfPerson(ctx, access, await byName(name)))
        .map((t) => `${t.otherId === host.selfId ? 'you' : t.otherName}:${t.strength}`)
        .sort();
    const lastContact = async (name: string) =>
      (await getPerson(ctx, access, await byName(name))).lastContactOn;
    return { host, moment, byName, tiesOf, lastContact };
  };

  it('deletes a moment and undoes only the ties and contact dates no other moment gives', async () => {
    const { host, moment, byName, tiesOf, lastContact } = await scene();
    const { ctx, access } = host;
    const [dana, sam] = [await byName('Dana'), await byName('Sam')];
    // Dana was at an earlier moment too; the host made the Dana–Sam tie their own by editing it.
    await logMoment(ctx, access, {
      kind: 'coffee',
      occurredOn: '2026-02-01',
      attendees: [{ personId: dana, mark: 'reconnected' }],
    });
    const danaSam = (await tiesOfPerson(ctx, access, dana)).find((t) => t.otherId === sam)!;
    await updateTie(ctx, access, danaSam.id, { strength: 4 });
    expect(await tiesOf('Priya')).toEqual(['Dana:2', 'Sam:2', 'you:4']);
    // Read the network once so that the deletion patches a cached one.
    await suggestionsFor(ctx, access, host.selfId, 10);

    await deleteMoment(ctx, access, moment.id);

    expect(await tiesOf('Priya')).toEqual(['you:4']);
    expect(await tiesOf('Dana')).toEqual(['Sam:4', 'you:2']);
    expect(await tiesOf('Sam')).toEqual(['Dana:4']);
    expect(await lastContact('Dana')).toBe('2026-02-01');
    expect(await lastContact('Sam')).toBeNull();
    expect(await lastContact('Priya')).toBeNull();
    // The patched network weighs the same ties as one rebuilt from the store.
    expect(await tiesSeen(ctx, access.workspaceId)).toEqual(
      await tiesSeen(createContext(store), access.workspaceId),
    );
  });

  it('changes who was at a moment, keeping the ties of those still there', async () => {
    const { host, moment, byName, tiesOf, lastContact } = await scene();
    const { ctx, access } = host;
    await suggestionsFor(ctx, access, host.selfId, 10);

    const changed = await updateMoment(ctx, access, moment.id, {
      kind: 'brunch',
      title: 'Sunday brunch',
      occurredOn: '2026-03-08',
      place: 'Kreuzberg',
      attendees: [
        { personId: await byName('Dana'), mark: 'met_new' },
        { personId: await byName('Sam'), mark: 'present' },
        { newPerson: { displayName: 'Lea' }, mark: 'met_new' },
      ],
    });

    expect(changed).toMatchObject({ title: 'Sunday brunch', kind: 'brunch', place: 'Kreuzberg' });
    expect(changed.attendees.map((a) => a.displayName).sort()).toEqual(['Dana', 'Lea', 'Sam']);
    expect(await tiesOf('Dana')).toEqual(['Lea:2', 'you:2']);
    expect(await tiesOf('Sam')).toEqual([]);
    expect(await tiesOf('Priya')).toEqual(['you:4']);
    expect(await lastContact('Dana')).toBe('2026-03-08');
    expect(await lastContact('Sam')).toBeNull();
    expect(await tiesSeen(ctx, access.workspaceId)).toEqual(
      await tiesSeen(createContext(store), access.workspaceId),
    );
  });
});
