import { useState } from 'react';
import { Link } from 'react-router';
import { api, type ReachEntry, type ReachThrough } from '../api/client';
import { Avatar } from '../components/Avatar';
import { Bridges } from '../components/Bridges';
import { ErrorNotice } from '../components/ErrorNotice';
import { ReachParts } from '../components/ReachParts';
import { ScoreBar } from '../components/ScoreBar';
import { Spinner } from '../components/Spinner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';
import { asSentence } from '../lib/reasons';
import { plural } from '../lib/text';

const PAGE = 50;
const MOST = 500;
const DOORS_SHOWN = 8;

/**
 * "Movers and shakers": the people of the host's network ranked by reach, each with what makes
 * them well connected; beside them, how far one warm introduction takes the host.
 */
export function MoversPage() {
  useDocumentTitle('Movers and shakers');
  const { workspace } = useSession();
  const [top, setTop] = useState(PAGE);
  const reach = useFetch(
    (signal) => api.network.reach(workspace.id, top, signal),
    [workspace.id, top],
  );
  const through = useFetch(
    (signal) => api.network.reachThrough(workspace.id, signal),
    [workspace.id],
  );
  const people = reach.data?.people ?? [];
  const more = reach.data !== undefined && people.length < reach.data.total && top < MOST;

  return (
    <div className="page page-wide">
      <header className="page-header page-header-wrap">
        <div>
          <h1>Movers and shakers</h1>
          <p className="page-lead">
            The truly well-connected people in your network: known by people who are themselves well
            known, bridging circles that would not otherwise meet.
          </p>
        </div>
      </header>

      <div className="movers-layout">
        <section className="movers-main" aria-labelledby="ranked-title">
          <h2 id="ranked-title" className="visually-hidden">
            Ranked by reach
          </h2>
          {reach.error ? (
            <ErrorNotice error={reach.error} title="Reach could not be worked out." />
          ) : !reach.data ? (
            <div className="page-loading">
              <Spinner label="Ranking your network" />
            </div>
          ) : people.length === 0 ? (
            <p className="empty">No one to rank yet: add people and the ties between them.</p>
          ) : (
            <>
              <ol className="movers" aria-label="People ranked by reach">
                {people.map((entry) => (
                  <Mover key={entry.person.id} entry={entry} />
                ))}
              </ol>
              {more ? (
                <div className="list-more">
                  <button
                    type="button"
                    className="button"
                    disabled={reach.loading}
                    onClick={() => setTop((t) => Math.min(MOST, t + PAGE))}
                  >
                    {reach.loading ? 'Loading…' : 'Show more'}
                  </button>
                  <span className="muted">
                    {people.length.toLocaleString()} of {reach.data.total.toLocaleString()}
                  </span>
                </div>
              ) : null}
              {reach.data.unranked > 0 ? (
                <p className="footnote">
                  {plural(reach.data.unranked, 'person is', 'people are')} not ranked: they have no
                  ties yet, or none but to you.
                </p>
              ) : null}
              <p className="footnote">
                Reach is a score out of 100: standing, brokerage, circles spanned and your stature
                mark, each out of 100 too. Brokerage is estimated from{' '}
                {plural(reach.data.betweenness.samples, 'sampled path', 'sampled paths')}
                {reach.data.betweenness.errorBound > 0
                  ? `; each estimate is within ±${formatBound(reach.data.betweenness.errorBound)} of the exact share of shortest paths through that person`
                  : ', which is every path: the figures are exact'}
                .
              </p>
            </>
          )}
        </section>

        <aside className="movers-aside">
          <ReachThroughCard through={through.data} error={through.error} />
        </aside>
      </div>
    </div>
  );
}

/** A small share as a plain decimal ("0.0004"), never in exponent notation. */
const formatBound = (bound: number): string =>
  bound < 0.001 ? bound.toFixed(Math.max(3, 1 - Math.floor(Math.log10(bound)))) : bound.toFixed(3);

function Mover({ entry }: { entry: ReachEntry }) {
  const role = [entry.person.title, entry.person.organization].filter(Boolean).join(', ');
  return (
    <li className="card mover">
      <div className="mover-head">
        <span className="mover-rank">{entry.rank}</span>
        <Link to={`/people/${entry.person.id}`} className="mover-person">
          <Avatar name={entry.person.displayName} />
          <span className="mover-text">
            <span className="mover-name">{entry.person.displayName}</span>
            {role ? <span className="mover-role">{role}</span> : null}
          </span>
        </Link>
        <span className="mover-score">
          <ScoreBar value={entry.score} label="Reach" />
        </span>
      </div>
      <p className="mover-explanation">{asSentence(entry.explanation)}</p>
      <div className="mover-details">
        <Bridges bridges={entry.bridges} spanned={entry.circlesSpanned} />
        <ReachParts parts={entry.parts} compact />
      </div>
    </li>
  );
}

function ReachThroughCard({
  through,
  error,
}: {
  through: ReachThrough | undefined;
  error: unknown;
}) {
  const [all, setAll] = useState(false);
  if (error)
    return <ErrorNotice error={error} title="Reach through others could not be worked out." />;
  if (!through) {
    return (
      <section className="card reach-through" aria-label="Reach through others">
        <Spinner inline label="Counting who you can reach" />
      </section>
    );
  }
  const doors = all ? through.doors : through.doors.slice(0, DOORS_SHOWN);
  const best = through.doors[0]?.newPeople ?? 1;
  return (
    <section className="card reach-through" aria-labelledby="through-title">
      <h2 id="through-title">Reach through others</h2>
      <p className="through-figures">
        <span className="through-number">{through.reachable.toLocaleString()}</span>
        <span>
          people are one warm introduction away, beyond the{' '}
          {plural(through.direct, 'person', 'people')} you know yourself.
        </span>
      </p>
      {through.doors.length > 0 ? (
        <>
          <h3 className="through-subtitle">Who opens the most doors</h3>
          <ol className="doors" aria-label="Who opens the most doors">
            {doors.map((door) => (
              <li key={door.person.id} className="door">
                <Link to={`/people/${door.person.id}`} className="door-person">
                  <Avatar name={door.person.displayName} size="sm" />
                  <span className="door-text">
                    <span className="door-name">{door.person.displayName}</span>
                    <span className="door-counts">
                      {plural(door.newPeople, 'new person', 'new people')}
                      {door.onlyThrough > 0
                        ? `, ${door.onlyThrough.toLocaleString()} only through them`
                        : ''}
                    </span>
                  </span>
                </Link>
                <span className="door-bar" aria-hidden="true">
                  <span
                    className="door-bar-fill"
                    style={{ width: `${Math.max(4, (door.newPeople / best) * 100)}%` }}
                  />
                </span>
              </li>
            ))}
          </ol>
          {through.doors.length > DOORS_SHOWN ? (
            <button type="button" className="button button-quiet" onClick={() => setAll((a) => !a)}>
              {all ? 'Show fewer' : `Show all ${through.doors.length}`}
            </button>
          ) : null}
        </>
      ) : (
        <p className="muted">Record whom your friends know, and the doors they open show here.</p>
      )}
    </section>
  );
}
