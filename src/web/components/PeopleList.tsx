import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Person } from '../api/client';
import { formatDay } from '../lib/date';
import { Avatar } from './Avatar';
import { Spinner } from './Spinner';

const ROW_HEIGHT = 68;
/** Ask for the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 40;

interface PeopleListProps {
  readonly people: readonly Person[];
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly onLoadMore: () => void;
}

const subtitleOf = (person: Person): string =>
  [person.title, person.organization].filter(Boolean).join(', ') || person.location || '';

/**
 * The people list, virtualised against the window: only the rows on screen are in the DOM, so
 * fifty thousand people scroll as smoothly as fifty. Pages load ahead of the scroll.
 */
export function PeopleList({ people, hasMore, loadingMore, onLoadMore }: PeopleListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  // Where the list starts on the page; what sits above it (a header, a notice) may change size.
  useLayoutEffect(() => {
    const measure = () => {
      const top = (listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setScrollMargin((previous) => (Math.abs(previous - top) < 1 ? previous : top));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  });

  const count = people.length + (hasMore ? 1 : 0);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin,
    getItemKey: (index) => people[index]?.id ?? `more-${index}`,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows[rows.length - 1]?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= people.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, people.length, onLoadMore]);

  return (
    <ul
      ref={listRef}
      className="people-list"
      aria-label="People"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {rows.map((row) => {
        const person = people[row.index];
        return (
          <li
            key={row.key}
            className="people-row"
            aria-setsize={hasMore ? -1 : people.length}
            aria-posinset={row.index + 1}
            style={{ height: row.size, transform: `translateY(${row.start - scrollMargin}px)` }}
          >
            {person ? (
              <Link to={`/people/${person.id}`} className="people-link">
                <Avatar name={person.displayName} />
                <span className="people-text">
                  <span className="people-name">
                    {person.displayName}
                    {person.isSelf ? <span className="badge">You</span> : null}
                  </span>
                  {subtitleOf(person) ? (
                    <span className="people-sub">{subtitleOf(person)}</span>
                  ) : null}
                </span>
                <span className="people-meta">
                  {person.tags.slice(0, 2).map((tag) => (
                    <span key={tag} className="tag tag-quiet">
                      {tag}
                    </span>
                  ))}
                  {person.lastContactOn ? (
                    <span className="people-contact">
                      <span className="muted">Last contact</span>{' '}
                      {formatDay(person.lastContactOn, true)}
                    </span>
                  ) : null}
                </span>
              </Link>
            ) : (
              <div className="people-more">
                <Spinner inline label="Loading more people" />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
