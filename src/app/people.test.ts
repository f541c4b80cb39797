import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { createContext } from './context';
import { createPerson, updatePerson } from './people';
import { createWorkspace, ownerAccess } from './workspaces';

describe.each(testDialects())('phones a host types on %s', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(() => store.close());

  const fresh = async () => ({
    ctx: createContext(store),
    access: ownerAccess((await store.transaction((r) => createWorkspace(r, 'Phones', null))).id),
  });

  it('are stored as E.164 when they say their country, and as typed when they do not', async () => {
    const { ctx, access } = await fresh();
    const person = await createPerson(ctx, access, {
      displayName: 'Jürgen Weiß',
      phones: ['+49 30 1234567', '0049 170 1112223', '030 9876543'],
    });
    expect(person.phones).toEqual(['+49301234567', '+491701112223', '030 9876543']);
    const updated = await updatePerson(ctx, access, person.id, {
      phones: ['+1 (415) 555-0132 ext. 12'],
    });
    expect(updated.phones).toEqual(['+14155550132;ext=12']);
  });

  it('refuse a phone without digits, naming it, and write nothing', async () => {
    const { ctx, access } = await fresh();
    const before = await store.in(access.workspaceId).people.count();
    const refused = await createPerson(ctx, access, {
      displayName: 'Ana',
      phones: ['+49 30 1234567', 'call me'],
    }).catch((error: unknown) => error);
    expect(isDomainError(refused) && refused.code).toBe('invalid_input');
    expect(isDomainError(refused) && refused.fields).toEqual([
      { field: 'phones.1', reason: 'has no digits' },
    ]);
    expect(await store.in(access.workspaceId).people.count()).toBe(before);
  });
});
