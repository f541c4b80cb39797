import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../api/client';
import { useDataVersion } from './useDataVersion';

export interface Fetched<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  /** Fetches again, keeping the current data on screen until the new data arrives. */
  reload(): void;
  /** Replaces the data locally, after a change the page already knows the result of. */
  set(data: T): void;
}

/**
 * Loads data for a page and reloads it when `deps` change or any write lands (the data version,
 * see `api/data-version.ts`). A newer load aborts the older one, so a fast typist or a quick
 * back-and-forth never sees a stale answer land last.
 */
export const useFetch = <T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): Fetched<T> => {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const version = useDataVersion();
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the dependencies.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loadRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted || isAbort(failure)) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [...deps, generation, version]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((value: T) => setData(value), []);
  return { data, error, loading, reload, set };
};
