import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isAbort, type Person } from '../api/client';
import { useDataVersion } from './useDataVersion';

export interface PeopleSearch {
  readonly items: readonly Person[];
  /** The query the items answer (the debounced one, not what is in the box right now). */
  readonly query: string;
  readonly hasMore: boolean;
  /** True while the first page for the current query is on its way. */
  readonly loading: boolean;
  /** True while a further page is on its way. */
  readonly loadingMore: boolean;
  readonly error: unknown;
  /** Asks for the next page; calls while one is already on its way are ignored. */
  loadMore(): void;
  reload(): void;
}

interface Page {
  readonly query: string;
  readonly items: readonly Person[];
  readonly nextCursor: string | null;
}

/**
 * People matching a query, a page at a time, following the server's cursor as the list scrolls.
 * A new query aborts whatever the old one still had in flight.
 */
export const usePeopleSearch = (
  workspaceId: string,
  query: string,
  pageSize = 100,
): PeopleSearch => {
  const [page, setPage] = useState<Page>({ query, items: [], nextCursor: null });
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [generation, setGeneration] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const pageRef = useRef(page);
  pageRef.current = page;
  const loadingMoreRef = useRef(false);

  const version = useDataVersion();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` and `version` (a write landed) force a reload.
  useEffect(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(true);
    setLoadingMore(false);
    api.people.list(workspaceId, { q: query, limit: pageSize }, current.signal).then(
      (result) => {
        if (current.signal.aborted) return;
        setPage({ query, items: result.items, nextCursor: result.nextCursor });
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (current.signal.aborted || isAbort(failure)) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => current.abort();
  }, [workspaceId, query, pageSize, generation, version]);

  const loadMore = useCallback(() => {
    const { nextCursor, query: pageQuery } = pageRef.current;
    if (!nextCursor || loadingMoreRef.current) return;
    const current = controller.current;
    if (!current || current.signal.aborted) return;
    loadingMoreRef.current = true;
    setLoadingMore(true);
    api.people
      .list(workspaceId, { q: pageQuery, cursor: nextCursor, limit: pageSize }, current.signal)
      .then(
        (result) => {
          if (current.signal.aborted) return;
          setPage((previous) =>
            previous.nextCursor === nextCursor
              ? {
                  query: previous.query,
                  items: [...previous.items, ...result.items],
                  nextCursor: result.nextCursor,
                }
              : previous,
          );
        },
        (failure: unknown) => {
          if (!current.signal.aborted && !isAbort(failure)) setError(failure);
        },
      )
      .finally(() => {
        loadingMoreRef.current = false;
        if (!current.signal.aborted) setLoadingMore(false);
      });
  }, [workspaceId, pageSize]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return {
    items: page.items,
    query: page.query,
    hasMore: page.nextCursor !== null,
    loading,
    loadingMore,
    error,
    loadMore,
    reload,
  };
};
