import { Link } from 'react-router';
import { api, type Person } from '../api/client';
import { useFetch } from '../hooks/useFetch';
import { asSentence, mutualContactsOf } from '../lib/reasons';
import { Avatar } from './Avatar';
import { ErrorNotice } from './ErrorNotice';
import { MutualContacts } from './MutualContacts';
import { ProposeIntroduction } from './ProposeIntroduction';
import { ScoreBar } from './ScoreBar';
import { Spinner } from './Spinner';

const SHOWN = 6;

/** "Should meet": the people this person would gain most from meeting, each with the why. */
export function ShouldMeet({ workspaceId, person }: { workspaceId: string; person: Person }) {
  const suggestions = useFetch(
    (signal) => api.network.suggestions(workspaceId, person.id, SHOWN, signal),
    [workspaceId, person.id],
  );
  const list = suggestions.data?.suggestions ?? [];
  return (
    <section className="card should-meet" aria-labelledby="should-meet-title">
      <h2 id="should-meet-title">
        {person.isSelf ? 'You should meet' : 'Should meet'}
        {list.length > 0 ? <span className="count">{list.length}</span> : null}
      </h2>
      {suggestions.error ? (
        <ErrorNotice error={suggestions.error} title="Suggestions could not be worked out." />
      ) : !suggestions.data ? (
        <Spinner inline label="Working out who they should meet" />
      ) : list.length === 0 ? (
        <>
          <p className="muted">
            {suggestions.data.reason ?? 'No one stands out yet: record more ties, asks and offers.'}
          </p>
          {person.isSelf ? (
            <p className="muted">
              Whom the people you know should meet among themselves is under{' '}
              <Link to="/introductions">Introductions to make</Link>.
            </p>
          ) : null}
        </>
      ) : (
        <ol className="suggestions" aria-label={`People ${person.displayName} should meet`}>
          {list.map((s) => {
            const mutual = mutualContactsOf(s.reasons);
            const role = [s.person.title, s.person.organization].filter(Boolean).join(', ');
            return (
              <li key={s.person.id} className="suggestion">
                <div className="suggestion-head">
                  <Link to={`/people/${s.person.id}`} className="suggestion-person">
                    <Avatar name={s.person.displayName} size="sm" />
                    <span className="suggestion-text">
                      <span className="suggestion-name">{s.person.displayName}</span>
                      {role ? <span className="suggestion-role">{role}</span> : null}
                    </span>
                  </Link>
                  <ScoreBar value={s.value} label="How much this meeting is worth" />
                </div>
                <p className="suggestion-sentence">{asSentence(s.sentence)}</p>
                {mutual ? <MutualContacts mutual={mutual} label="mutual contact" /> : null}
                <ProposeIntroduction a={person} b={s.person} letter={s.letter} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
