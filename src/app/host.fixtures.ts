/**
 * A host as the tests and benchmarks need one: signed up on an open store (which makes their
 * workspace and their own person), with their access to it, and a demo network loaded.
 */
import type { Store } from '../store/store';
import { signUp } from './auth';
import { type AppContext, createContext } from './context';
import { loadDemo } from './demo';
import { type Access, accessTo } from './workspaces';

export interface Host {
  readonly ctx: AppContext;
  readonly access: Access;
  /** The host's session secret: the `salon_session` cookie. */
  readonly session: string;
  /** The host's own person. */
  readonly selfId: string;
}

export interface HostWithDemo extends Host {
  /** How long the demo network took to load. */
  readonly demoSeconds: number;
}

/** A host signed up on `store`, alone in a new workspace. */
export const signedUpHost = async (
  store: Store,
  options: { email?: string; name?: string; now?: () => Date } = {},
): Promise<Host> => {
  const ctx = createContext(store, options.now);
  const signedIn = await signUp(ctx, {
    email: options.email ?? 'host@example.com',
    password: 'a long password',
    ...(options.name ? { name: options.name } : {}),
  });
  const [workspace] = await store.workspaces.ofUser(signedIn.user.id);
  const access = await accessTo(ctx, signedIn.user.id, workspace!.id);
  const self = await store.in(access.workspaceId).people.findSelf();
  return { ctx, access, session: signedIn.sessionSecret, selfId: self!.id };
};

export const hostWithDemo = async (
  store: Store,
  demo: { people: number; ties?: number; seed: number },
  options: { email?: string; now?: () => Date } = {},
): Promise<HostWithDemo> => {
  const host = await signedUpHost(store, options);
  const loaded = await loadDemo(host.ctx, host.access, demo);
  return { ...host, demoSeconds: loaded.seconds };
};
