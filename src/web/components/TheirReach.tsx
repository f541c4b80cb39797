import { api, type Person } from '../api/client';
import { useFetch } from '../hooks/useFetch';
import { asSentence } from '../lib/reasons';
import { ordinalOf } from '../lib/text';
import { Bridges } from './Bridges';
import { ErrorNotice } from './ErrorNotice';
import { ReachParts } from './ReachParts';
import { ScoreBar } from './ScoreBar';
import { Spinner } from './Spinner';

/** "Their reach": how well connected this person is in the host's network, and why. */
export function TheirReach({ workspaceId, person }: { workspaceId: string; person: Person }) {
  const reach = useFetch(
    (signal) => api.network.reachOf(workspaceId, person.id, signal),
    [workspaceId, person.id],
  );
  const r = reach.data;
  return (
    <section className="card their-reach" aria-labelledby="reach-title">
      <h2 id="reach-title">Their reach</h2>
      {reach.error ? (
        <ErrorNotice error={reach.error} title="Reach could not be worked out." />
      ) : !r ? (
        <Spinner inline label="Working out their reach" />
      ) : r.rank === null ? (
        <p className="reach-explanation">{asSentence(r.explanation)}</p>
      ) : (
        <div className="reach-summary">
          <p className="reach-score">
            <span className="reach-rank">{ordinalOf(r.rank)}</span>
            <span className="muted"> best connected in your network</span>
          </p>
          <ScoreBar value={r.score} label="Reach" />
          <p className="reach-explanation">{asSentence(r.explanation)}</p>
          <Bridges bridges={r.bridges} spanned={r.circlesSpanned} />
          <ReachParts parts={r.parts} />
          <details className="reach-help">
            <summary>What these words mean</summary>
            <p>
              <strong>Your contacts</strong> are the people tied to you: those you recorded as
              knowing, met at a moment you logged, or imported. A <strong>circle</strong> is a group
              of people who mostly know each other; someone who <strong>spans</strong> several
              circles has ties into each of them, so they can carry an introduction across.
            </p>
          </details>
        </div>
      )}
    </section>
  );
}
