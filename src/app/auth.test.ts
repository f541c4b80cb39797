import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { openTestStore, testDialects } from '../store/testing';
import { signUp } from './auth';
import { createContext } from './context';
import { createWorkspace } from './workspaces';

describe.each(testDialects())('the first account on %s', (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(dialect);
  });
  afterEach(() => store.close());

  const cliWorkspace = () => store.transaction((r) => createWorkspace(r, 'My network', null));

  it('gives its name to the "Me" of a workspace the CLI made before anyone signed up', async () => {
    const workspace = await cliWorkspace();
    expect((await store.in(workspace.id).people.findSelf())?.displayName).toBe('Me');
    await signUp(createContext(store), {
      email: 'dana@example.com',
      password: 'a long enough secret',
      name: 'Dana Levi',
    });
    expect((await store.in(workspace.id).people.findSelf())?.displayName).toBe('Dana Levi');
  });

  it('keeps a name the host already gave themself', async () => {
    const workspace = await cliWorkspace();
    const self = await store.in(workspace.id).people.findSelf();
    await store.in(workspace.id).people.update(self!.id, { displayName: 'Dana L.' });
    await signUp(createContext(store), {
      email: 'dana@example.com',
      password: 'a long enough secret',
      name: 'Dana Levi',
    });
    expect((await store.in(workspace.id).people.findSelf())?.displayName).toBe('Dana L.');
  });
});
