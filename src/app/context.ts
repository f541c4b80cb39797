/** What every use case receives: the store and the clock (so tests can set the time). */
import type { Store } from '../store/store';

export interface AppContext {
  readonly store: Store;
  readonly now: () => Date;
}

export const createContext = (store: Store, now: () => Date = () => new Date()): AppContext => ({
  store,
  now,
});

/** Today's date in the host's calendar, as YYYY-MM-DD (UTC: the server has no host time zone). */
export const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);
