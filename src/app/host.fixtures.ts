/**
 * A host as the tests and benchmarks need one: signed up on an open store (which makes their
 * workspace and their own person), with their access to it, and a demo network loaded.
 */
import type { Store } from '../store/store';
import { signUp } from './auth';
import { type AppContext, createContext } from './context';
import { loadDemo } from './demo';
import { type Access, accessTo } from './workspaces';

export interface HostWithDemo {
  readonly ctx: AppContext;
  readonly access: Access;
  /** The host's session secret: the `salon_session` cookie. */
  readonly session: string;
  /** How long the demo network took to load. */
  readonly demoSeconds: number;
}

export const hostWithDemo = async (
  store: Store,
  demo: { people: number; ties?: number; seed: number },
  options: { email?: string; now?: () => Date } = {},
): Promise<HostWithDemo> => {
  const ctx = createContext(store, options.now);
  const signedIn = await signUp(ctx, {
    email: options.email ?? 'host@example.com',
    password: 'a long password',
  });
  const [workspace] = await store.workspaces.ofUser(signedIn.user.id);
  const access = await accessTo(ctx, signedIn.user.id, workspace!.id);
  const loaded = await loadDemo(ctx, access, demo);
  return { ctx, access, session: signedIn.sessionSecret, demoSeconds: loaded.seconds };
};
