import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { DemoLoader } from '../components/DemoLoader';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { PeopleList } from '../components/PeopleList';
import { Spinner } from '../components/Spinner';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { usePeopleSearch } from '../hooks/usePeopleSearch';
import { useSession } from '../hooks/useSession';
import { plural } from '../lib/text';

/** Everyone in the network, searchable as you type. */
export function PeoplePage() {
  useDocumentTitle('People');
  const { workspace, canEdit } = useSession();
  const [params, setParams] = useSearchParams();
  const urlText = params.get('q') ?? '';
  // The box keeps its own text: the URL follows it (so a search can be shared and survives a
  // reload), but typing never waits for the router, which would drop fast keystrokes.
  const [text, setTextState] = useState(urlText);
  const written = useRef(urlText);
  useEffect(() => {
    if (urlText !== written.current) {
      written.current = urlText;
      setTextState(urlText);
    }
  }, [urlText]);
  const query = useDebouncedValue(text.trim(), 150);
  const search = usePeopleSearch(workspace.id, query);
  const stats = useFetch((signal) => api.workspaces.stats(workspace.id, signal), [workspace.id]);

  const setText = (value: string) => {
    setTextState(value);
    written.current = value;
    setParams(value ? { q: value } : {}, { replace: true, preventScrollReset: true });
  };

  const { reload: reloadStats } = stats;
  const { reload: reloadPeople } = search;
  const onDemoLoaded = useCallback(() => {
    reloadStats();
    reloadPeople();
  }, [reloadStats, reloadPeople]);

  // New results start at the top: a search typed far down a long list would otherwise land
  // somewhere past its end.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the answered query changes.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [search.query]);

  const empty = stats.data !== undefined && stats.data.people <= 1;
  const searching = query !== '' || text !== '';
  const noMatches =
    searching && !search.loading && search.items.length === 0 && query === text.trim();

  return (
    <div className="page page-people">
      <header className="page-header">
        <div>
          <h1>People</h1>
          {stats.data ? (
            <p className="page-subtitle">
              {plural(stats.data.people, 'person', 'people')} ·{' '}
              {plural(stats.data.ties, 'tie', 'ties')} ·{' '}
              {plural(stats.data.moments, 'moment', 'moments')}
            </p>
          ) : null}
        </div>
        {canEdit ? (
          <Link to="/people/new" className="button button-primary">
            <Icon name="plus" size={18} />
            <span>Add person</span>
          </Link>
        ) : null}
      </header>

      {empty && canEdit && !searching ? (
        <DemoLoader workspaceId={workspace.id} onLoaded={onDemoLoaded} />
      ) : null}

      <search className="search">
        <span className="search-icon">
          <Icon name="search" size={18} />
        </span>
        <label htmlFor="people-search" className="visually-hidden">
          Search people
        </label>
        <input
          id="people-search"
          type="search"
          placeholder="Name, email, organisation or tag"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {search.loading && searching ? <Spinner inline label="Searching" /> : null}
      </search>

      <ErrorNotice error={search.error} title="People could not be loaded." />

      <p className="visually-hidden" aria-live="polite">
        {searching && !search.loading
          ? search.items.length === 0
            ? `No one matches ${query}`
            : search.hasMore
              ? 'Many people match'
              : `${plural(search.items.length, 'person matches', 'people match')}`
          : ''}
      </p>

      {noMatches ? (
        <div className="empty">
          <p>No one matches ‘{text.trim()}’.</p>
          {canEdit ? (
            <Link to={`/people/new?name=${encodeURIComponent(text.trim())}`} className="button">
              + Add ‘{text.trim()}’
            </Link>
          ) : null}
        </div>
      ) : search.loading && search.items.length === 0 ? (
        <div className="page-loading">
          <Spinner label="Loading people" />
        </div>
      ) : (
        <PeopleList
          people={search.items}
          hasMore={search.hasMore}
          loadingMore={search.loadingMore}
          onLoadMore={search.loadMore}
        />
      )}
    </div>
  );
}
