import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Introduction } from '../api/client';
import { Avatar } from '../components/Avatar';
import { ErrorNotice } from '../components/ErrorNotice';
import { MutualContacts } from '../components/MutualContacts';
import { ProposeIntroduction } from '../components/ProposeIntroduction';
import { ScoreBar } from '../components/ScoreBar';
import { Spinner } from '../components/Spinner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';
import { asSentence, mutualContactsOf } from '../lib/reasons';

const PAGE = 20;
const MOST = 100;

/** The pairs in the host's network most worth introducing, each with why, best first. */
export function IntroductionsPage() {
  useDocumentTitle('Introductions to make');
  const { workspace } = useSession();
  const [limit, setLimit] = useState(PAGE);
  const intros = useFetch(
    (signal) => api.network.introductions(workspace.id, limit, signal),
    [workspace.id, limit],
  );
  const list = intros.data?.introductions ?? [];
  const more = intros.data !== undefined && list.length >= limit && limit < MOST;

  return (
    <div className="page page-medium">
      <header className="page-header page-header-wrap">
        <div>
          <h1>Introductions to make</h1>
          <p className="page-lead">
            The people in your network who would gain most from meeting each other, and why. No pair
            here knows each other yet, and no one appears more than a few times.
          </p>
        </div>
      </header>

      {intros.error ? (
        <ErrorNotice error={intros.error} title="Introductions could not be worked out." />
      ) : !intros.data ? (
        <div className="page-loading">
          <Spinner label="Looking for the best introductions" />
        </div>
      ) : list.length === 0 ? (
        <div className="empty">
          <p>{intros.data.reason ?? 'No introductions stand out yet.'}</p>
          <Link to="/people" className="button">
            Go to your people
          </Link>
        </div>
      ) : (
        <>
          <ol className="intro-list" aria-label="Introductions to make">
            {list.map((intro, index) => (
              <IntroductionItem key={pairKey(intro)} intro={intro} rank={index + 1} />
            ))}
          </ol>
          {more ? (
            <div className="list-more">
              <button
                type="button"
                className="button"
                disabled={intros.loading}
                onClick={() => setLimit((l) => Math.min(MOST, l + PAGE))}
              >
                {intros.loading ? 'Loading…' : 'Show more'}
              </button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

const pairKey = (intro: Introduction): string => `${intro.people[0].id}:${intro.people[1].id}`;

function IntroductionItem({ intro, rank }: { intro: Introduction; rank: number }) {
  const [a, b] = intro.people;
  const mutual = mutualContactsOf(intro.reasons);
  return (
    <li className="card intro">
      <div className="intro-head">
        <span className="intro-rank" aria-hidden="true">
          {rank}
        </span>
        <div className="intro-pair">
          <Link to={`/people/${a.id}`} className="intro-person">
            <Avatar name={a.displayName} size="sm" />
            <span>{a.displayName}</span>
          </Link>
          <span className="intro-and">and</span>
          <Link to={`/people/${b.id}`} className="intro-person">
            <Avatar name={b.displayName} size="sm" />
            <span>{b.displayName}</span>
          </Link>
        </div>
        <ScoreBar value={intro.value} label="How much this introduction is worth" />
      </div>
      <p className="intro-sentence">{asSentence(intro.sentence)}</p>
      {mutual ? <MutualContacts mutual={mutual} label="mutual contact" /> : null}
      <ProposeIntroduction a={a} b={b} letter={intro.letter} />
    </li>
  );
}
