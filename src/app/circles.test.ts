import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { listCircles } from './circles';
import { type AppContext, createContext } from './context';
import { hostWithDemo } from './host.fixtures';
import { logMoment } from './moments';
import { networkMap } from './network-map';
import { personReach } from './reach';
import type { Access } from './workspaces';

const NOW = new Date('2026-11-20T12:00:00Z');

describe.each(testDialects())('circles after a moment with someone new, on %s', (dialect) => {
  let store: Store;
  let ctx: AppContext;
  let access: Access;

  beforeAll(async () => {
    store = await openTestStore(dialect);
    ({ access } = await hostWithDemo(
      store,
      { people: 80, ties: 300, seed: 11 },
      { now: () => NOW },
    ));
    ctx = createContext(store, () => NOW);
  });
  afterAll(() => store.close());

  it('puts the new person in the circle of the person they met, on every page at once', async () => {
    const map = await networkMap(ctx, access, 1000);
    const known = map.nodes.find((n) => !n.isSelf && n.circle >= 0)!;
    const sizeOf = async (circle: number) =>
      (await listCircles(ctx, access)).circles.find((c) => c.id === circle)?.size;
    const sizeBefore = await sizeOf(known.circle);

    const logged = await logMoment(ctx, access, {
      kind: 'coffee',
      occurredOn: '2026-11-19',
      attendees: [
        { personId: known.id, mark: 'reconnected' },
        { newPerson: { displayName: 'Olu Newcomer' }, mark: 'met_new' },
      ],
    });
    const newcomerId = logged.moment.attendees.find((a) => a.personId !== known.id)!.personId;

    // Circles counts them in the circle of the person they met…
    expect(await sizeOf(known.circle)).toBe(sizeBefore! + 1);
    // …the map colours them with it…
    const node = (await networkMap(ctx, access, 1000)).nodes.find((n) => n.id === newcomerId);
    expect(node?.circle).toBe(known.circle);
    // …and Movers speaks of the same circle: the one their ties lead into most.
    const reach = await personReach(ctx, access, newcomerId);
    const circles = (await listCircles(ctx, access)).circles;
    expect(reach.bridges[0]).toBe(circles.find((c) => c.id === known.circle)!.name);
  });
});
