import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTie } from '../engine/graph';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { signedUpHost } from './host.fixtures';
import { createPerson, tiesOfPerson } from './people';

describe.each(testDialects())('adding a person by hand on %s', (dialect) => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(() => store.close());

  it('ties them to you when you say how you know them, and the network sees the tie', async () => {
    const { ctx, access, selfId } = await signedUpHost(store, { email: 'tie@example.com' });
    await ctx.network.get(access.workspaceId);
    const dana = await createPerson(
      ctx,
      access,
      { displayName: 'Dana', howWeMet: 'Running club' },
      { strength: 3, since: '2024-05-01' },
    );
    const ties = await tiesOfPerson(ctx, access, dana.id);
    expect(ties.map((t) => [t.otherId, t.strength, t.source, t.since])).toEqual([
      [selfId, 3, 'recorded', '2024-05-01'],
    ]);
    const { graph } = await ctx.network.get(access.workspaceId);
    expect(hasTie(graph, graph.indexOf.get(selfId)!, graph.indexOf.get(dana.id)!)).toBe(true);
  });

  it('leaves someone you have not met untied', async () => {
    const { ctx, access } = await signedUpHost(store, { email: 'untied@example.com' });
    const lea = await createPerson(ctx, access, { displayName: 'Lea' }, null);
    expect(await tiesOfPerson(ctx, access, lea.id)).toEqual([]);
  });
});
