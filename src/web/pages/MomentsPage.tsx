import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Moment } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { MomentList } from '../components/MomentList';
import { Spinner } from '../components/Spinner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';

const PAGE = 50;
/** The most the API lists at once. */
const MOST = 500;

/**
 * Every moment the host logged, newest first, to look back, correct or remove one. Deleting a
 * moment removes the ties only it made (the server keeps those another moment or the host made).
 */
export function MomentsPage() {
  useDocumentTitle('Moments');
  const { workspace, canEdit } = useSession();
  const [limit, setLimit] = useState(PAGE);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const moments = useFetch(
    (signal) => api.moments.list(workspace.id, limit, signal),
    [workspace.id, limit],
  );

  const remove = async (moment: Moment) => {
    const question = `Delete “${moment.title}” of ${moment.occurredOn}? The ties only this moment made go with it.`;
    if (!window.confirm(question)) return;
    setDeleteError(null);
    try {
      await api.moments.remove(workspace.id, moment.id);
    } catch (failure) {
      setDeleteError(failure);
    }
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>Moments</h1>
        {canEdit ? (
          <Link to="/moments/new" className="button button-primary">
            Log a moment
          </Link>
        ) : null}
      </header>
      <ErrorNotice error={deleteError} title="The moment could not be deleted." />
      {moments.error ? (
        <ErrorNotice error={moments.error} title="Moments could not be loaded." />
      ) : !moments.data ? (
        <Spinner label="Loading moments" />
      ) : (
        <section className="card" aria-label="Moments, newest first">
          <MomentList moments={moments.data} {...(canEdit ? { onDelete: remove } : {})} />
          {moments.data.length === limit && limit < MOST ? (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setLimit((n) => Math.min(n + PAGE, MOST))}
              disabled={moments.loading}
            >
              {moments.loading ? 'Loading…' : 'Show more'}
            </button>
          ) : null}
        </section>
      )}
    </div>
  );
}
