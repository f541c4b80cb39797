/** What every use case receives: the store and the clock (so tests can set the time). */
import { openStore, type Store } from '../store/store';
import { type AttemptLimiters, createAttemptLimiters } from './attempt-limiter';
import { NetworkCache } from './network';

export interface AppContext {
  readonly store: Store;
  readonly now: () => Date;
  /** The engine's in-memory view of each workspace; use cases that write tell it what changed. */
  readonly network: NetworkCache;
  /** Back-off for guessing (sign-in, sign-up, tokens), kept per process. */
  readonly limits: AttemptLimiters;
}

export const createContext = (store: Store, now: () => Date = () => new Date()): AppContext => ({
  store,
  now,
  network: new NetworkCache(store, now),
  limits: createAttemptLimiters(() => now().getTime()),
});

/** Today's date in the host's calendar, as YYYY-MM-DD (UTC: the server has no host time zone). */
export const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);

/** Opens the database named by `url` (PostgreSQL) or the SQLite file in `dataDir`, migrated. */
export const openContext = async (config: {
  url?: string | undefined;
  dataDir: string;
}): Promise<AppContext> => createContext(await openStore(config));
