/**
 * One number that moves whenever a write lands: every loaded answer (a person's ties, "Should
 * meet", circles, movers, the map) depends on it, so a write anywhere refreshes what is on
 * screen instead of leaving an engine answer from before the write until a reload.
 */

let version = 0;
const listeners = new Set<() => void>();

/** The current data version: it only grows. */
export const dataVersion = (): number => version;

/** Called by the API client after every write the server accepted. */
export const bumpDataVersion = (): void => {
  version += 1;
  for (const listener of listeners) listener();
};

/** For `useSyncExternalStore`: calls `listener` after every bump; returns the unsubscribe. */
export const subscribeDataVersion = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
