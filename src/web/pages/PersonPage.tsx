import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, api, type Person } from '../api/client';
import { Avatar } from '../components/Avatar';
import { useConfirm } from '../components/ConfirmDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { MergeDialog } from '../components/MergeDialog';
import { MomentList } from '../components/MomentList';
import { MomentTimeline } from '../components/MomentTimeline';
import { PersonContactCard } from '../components/PersonContactCard';
import { ShouldMeet } from '../components/ShouldMeet';
import { Spinner } from '../components/Spinner';
import { TheirReach } from '../components/TheirReach';
import { TieList } from '../components/TieList';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { usePerson } from '../hooks/usePerson';
import { useSession } from '../hooks/useSession';
import { formatDay, sinceDay } from '../lib/date';
import { PERSON_SOURCE_LABELS } from '../lib/labels';

/** Keyed by id in the router, so moving from one person to the next starts clean. */
export function PersonPage() {
  const { personId = '' } = useParams();
  return <PersonView key={personId} personId={personId} />;
}

function PersonView({ personId }: { personId: string }) {
  const { workspace, canEdit } = useSession();
  const navigate = useNavigate();
  const { person, ties, moments } = usePerson(workspace.id, personId);
  const mergedFrom = (useLocation().state as { mergedFrom?: string } | null)?.mergedFrom;
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [goalError, setGoalError] = useState<unknown>(null);
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState<string | null>(null);
  const confirm = useConfirm();
  useDocumentTitle(person.data?.displayName);

  if (person.error) {
    const missing = person.error instanceof ApiError && person.error.status === 404;
    return (
      <div className="page">
        <BackLink />
        {missing ? (
          <div className="empty">
            <h1>No one here</h1>
            <p>This person is not in your network, or was removed.</p>
          </div>
        ) : (
          <ErrorNotice error={person.error} title="This person could not be loaded." />
        )}
      </div>
    );
  }
  if (!person.data) {
    return (
      <div className="page-loading">
        <Spinner label="Loading" />
      </div>
    );
  }

  const p = person.data;
  const subtitle = [p.title, p.organization].filter(Boolean).join(', ');

  const remove = async () => {
    const confirmed = await confirm.ask({
      title: `Remove ${p.displayName}?`,
      message: `${p.displayName} leaves your network, with their ties. This cannot be undone.`,
      confirmLabel: 'Remove',
    });
    if (!confirmed) return;
    try {
      await api.people.remove(workspace.id, p.id);
      navigate('/people', { replace: true });
    } catch (failure) {
      setDeleteError(failure);
    }
  };

  const onMerged = (survivor: Person, other: string) => {
    setMerging(false);
    if (survivor.id === p.id) {
      person.set(survivor);
      setMerged(other);
    } else {
      navigate(`/people/${survivor.id}`, { replace: true, state: { mergedFrom: p.displayName } });
    }
  };

  return (
    <article className="page page-person">
      <BackLink />
      <header className="person-header">
        <Avatar name={p.displayName} size="lg" />
        <div className="person-heading">
          <h1>
            {p.displayName}
            {p.isSelf ? <span className="badge">You</span> : null}
          </h1>
          {subtitle ? <p className="person-subtitle">{subtitle}</p> : null}
          {p.location ? <p className="person-location">{p.location}</p> : null}
        </div>
        <div className="person-actions">
          {canEdit && !p.isSelf ? (
            <Link to={`/moments/new?with=${p.id}`} className="button button-primary">
              Log a moment
            </Link>
          ) : null}
          {canEdit && !p.isSelf ? (
            <button
              type="button"
              className="button"
              aria-pressed={p.isGoal === true}
              title="One of your goals: Salon weighs meeting them higher"
              onClick={() => {
                api.people.setGoal(workspace.id, p.id, !p.isGoal).catch(setGoalError);
              }}
            >
              {p.isGoal ? 'Growing closer' : 'Grow closer'}
            </button>
          ) : null}
          {canEdit ? (
            <Link to={`/people/${p.id}/edit`} className="button">
              Edit
            </Link>
          ) : null}
          {canEdit && !p.isSelf ? (
            <button type="button" className="button button-quiet" onClick={() => setMerging(true)}>
              <Icon name="merge" size={18} />
              <span>Merge with…</span>
            </button>
          ) : null}
          {canEdit && !p.isSelf ? (
            <button type="button" className="button button-quiet" onClick={remove}>
              Remove
            </button>
          ) : null}
        </div>
      </header>
      <ErrorNotice error={deleteError} title="Could not remove this person." />
      <ErrorNotice error={goalError} title="Could not change whether you want to grow closer." />
      {(merged ?? mergedFrom) ? (
        <p className="notice notice-success" role="status">
          {(merged ?? mergedFrom) === p.displayName
            ? `The two records of ${p.displayName} are now one.`
            : `${merged ?? mergedFrom} was merged into ${p.displayName}.`}
        </p>
      ) : null}
      {merging ? (
        <MergeDialog
          workspaceId={workspace.id}
          person={p}
          onClose={() => setMerging(false)}
          onMerged={(survivor, removed) => onMerged(survivor, removed.displayName)}
        />
      ) : null}
      {confirm.dialog}

      {p.isSelf ? (
        <p className="self-explain">
          This is you. Your page is about your network rather than a contact: the moments you
          logged, your ties (the people tied to you are “your contacts” everywhere in Salon), and
          whom you could meet next.
        </p>
      ) : null}

      <dl className="facts">
        {p.isSelf ? null : (
          <div className="fact">
            <dt>Last contact</dt>
            <dd>
              {p.lastContactOn ? (
                <>
                  {formatDay(p.lastContactOn)}{' '}
                  <span className="muted">({sinceDay(p.lastContactOn)})</span>
                </>
              ) : (
                <span className="muted">Not yet</span>
              )}
            </dd>
          </div>
        )}
        {p.howWeMet ? (
          <div className="fact">
            <dt>How you met</dt>
            <dd>{p.howWeMet}</dd>
          </div>
        ) : null}
        {p.introducedById ? (
          <div className="fact">
            <dt>Introduced by</dt>
            <dd>
              <IntroducedBy workspaceId={workspace.id} personId={p.introducedById} />
            </dd>
          </div>
        ) : null}
        {p.stature ? (
          <div className="fact">
            <dt>Stature</dt>
            <dd>{p.stature} of 5</dd>
          </div>
        ) : null}
        {!p.isSelf ? (
          <div className="fact">
            <dt>Source</dt>
            <dd>{PERSON_SOURCE_LABELS[p.source] ?? p.source}</dd>
          </div>
        ) : null}
      </dl>

      <div className="person-layout">
        <div className="person-about">
          <section className="card card-asks" aria-labelledby="asks-title">
            <h2 id="asks-title">Looking for</h2>
            <ItemList items={p.asks} empty="Nothing recorded." />
          </section>
          <section className="card card-offers" aria-labelledby="offers-title">
            <h2 id="offers-title">Can help with</h2>
            <ItemList items={p.offers} empty="Nothing recorded." />
          </section>

          {/* The host knows everyone here: their own reach says nothing new. */}
          {p.isSelf ? null : <TheirReach workspaceId={workspace.id} person={p} />}

          {p.tags.length + p.interests.length > 0 ? (
            <section className="card card-tags" aria-labelledby="tags-title">
              <h2 id="tags-title">Tags and interests</h2>
              <TagCloud person={p} />
            </section>
          ) : null}

          <PersonContactCard person={p} />

          {p.notes ? (
            <section className="card card-notes" aria-labelledby="notes-title">
              <h2 id="notes-title">Notes</h2>
              <p className="notes">{p.notes}</p>
            </section>
          ) : null}
        </div>

        <div className="person-activity">
          <ShouldMeet workspaceId={workspace.id} person={p} />

          {p.isSelf ? (
            <YourMoments workspaceId={workspace.id} />
          ) : (
            <section className="card card-moments" aria-labelledby="moments-title">
              <h2 id="moments-title">
                Moments{moments.data ? <span className="count">{moments.data.length}</span> : null}
              </h2>
              {moments.data ? (
                <MomentTimeline moments={moments.data} />
              ) : moments.error ? (
                <ErrorNotice error={moments.error} />
              ) : (
                <Spinner inline label="Loading moments" />
              )}
            </section>
          )}

          <section className="card card-ties" aria-labelledby="ties-title">
            <h2 id="ties-title">
              Ties{ties.data ? <span className="count">{ties.data.length}</span> : null}
            </h2>
            {ties.data ? (
              <TieList workspaceId={workspace.id} person={p} ties={ties.data} canEdit={canEdit} />
            ) : ties.error ? (
              <ErrorNotice error={ties.error} />
            ) : (
              <Spinner inline label="Loading ties" />
            )}
          </section>
        </div>
      </div>
    </article>
  );
}

const RECENT = 5;

/** On your own page: the moments you logged (you were at each), the latest first. */
function YourMoments({ workspaceId }: { workspaceId: string }) {
  const recent = useFetch((signal) => api.moments.list(workspaceId, RECENT, signal), [workspaceId]);
  const stats = useFetch((signal) => api.workspaces.stats(workspaceId, signal), [workspaceId]);
  return (
    <section className="card card-moments" aria-labelledby="moments-title">
      <h2 id="moments-title">
        Your moments{stats.data ? <span className="count">{stats.data.moments}</span> : null}
      </h2>
      {recent.data ? (
        <>
          <MomentList moments={recent.data} />
          {recent.data.length > 0 ? <Link to="/moments">All your moments</Link> : null}
        </>
      ) : recent.error ? (
        <ErrorNotice error={recent.error} />
      ) : (
        <Spinner inline label="Loading moments" />
      )}
    </section>
  );
}

function BackLink() {
  return (
    <Link to="/people" className="back-link">
      <Icon name="back" size={18} />
      <span>People</span>
    </Link>
  );
}

function ItemList({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="item-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function TagCloud({ person }: { person: Person }) {
  return (
    <ul className="tags" aria-label="Tags and interests">
      {person.tags.map((tag) => (
        <li key={`t-${tag}`} className="tag">
          {tag}
        </li>
      ))}
      {person.interests.map((interest) => (
        <li key={`i-${interest}`} className="tag tag-interest">
          {interest}
        </li>
      ))}
    </ul>
  );
}

function IntroducedBy({ workspaceId, personId }: { workspaceId: string; personId: string }) {
  const introducer = useFetch(
    (signal) => api.people.get(workspaceId, personId, signal),
    [workspaceId, personId],
  );
  if (!introducer.data) return <span className="muted">…</span>;
  return <Link to={`/people/${personId}`}>{introducer.data.displayName}</Link>;
}
