import { Link } from 'react-router';
import { FORMAT_LABELS } from '../../domain/format';
import { api, type Gathering } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Spinner } from '../components/Spinner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';
import { whenOf } from '../lib/gathering';
import '../gatherings.css';

/** The host's gatherings, the soonest first, and the way to plan the next table or a series. */
export function GatheringsPage() {
  useDocumentTitle('Gatherings');
  const { workspace } = useSession();
  const list = useFetch((signal) => api.gatherings.list(workspace.id, signal), [workspace.id]);

  return (
    <div className="page page-medium">
      <header className="page-header page-header-wrap">
        <div>
          <h1>Gatherings</h1>
          <p className="page-lead">
            The tables you host: a few people who should meet each other, each there for a reason.
          </p>
        </div>
        <div className="row">
          <Link to="/gatherings/new" className="button button-primary">
            Plan a table
          </Link>
          <Link to="/gatherings/series" className="button">
            Plan a series
          </Link>
        </div>
      </header>
      {list.error ? (
        <ErrorNotice error={list.error} title="Your gatherings could not be loaded." />
      ) : !list.data ? (
        <div className="page-loading">
          <Spinner label="Loading your gatherings" />
        </div>
      ) : list.data.length === 0 ? (
        <div className="empty">
          <p>No gatherings yet. Plan a breakfast, a dinner or a golf foursome.</p>
        </div>
      ) : (
        <ul className="gathering-list" aria-label="Gatherings">
          {list.data.map((g) => (
            <GatheringRow key={g.id} gathering={g} />
          ))}
        </ul>
      )}
    </div>
  );
}

function GatheringRow({ gathering }: { gathering: Gathering }) {
  return (
    <li className="card gathering-row">
      <Link to={`/gatherings/${gathering.id}`} className="gathering-link">
        <span className="gathering-title">{gathering.title}</span>
        <span className="muted">
          {FORMAT_LABELS[gathering.format]} · {whenOf(gathering)} · {gathering.guests.length} of{' '}
          {gathering.invitedSeats} guests
        </span>
      </Link>
      <span className="badge badge-quiet">
        {gathering.state === 'draft' ? 'Draft' : gathering.state}
      </span>
    </li>
  );
}
