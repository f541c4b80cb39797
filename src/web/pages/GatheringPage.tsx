import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FORMAT_LABELS } from '../../domain/format';
import { ApiError, api, type Gathering } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { SeatingView } from '../components/SeatingView';
import { Spinner } from '../components/Spinner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';
import { whenOf } from '../lib/gathering';
import '../gatherings.css';

/** One gathering: its details, its guests and why each is there, and its seating. */
export function GatheringPage() {
  const { gatheringId = '' } = useParams();
  const { workspace } = useSession();
  const navigate = useNavigate();
  const gathering = useFetch(
    (signal) => api.gatherings.get(workspace.id, gatheringId, signal),
    [workspace.id, gatheringId],
  );
  useDocumentTitle(gathering.data?.title ?? 'Gathering');
  const [error, setError] = useState<unknown>(null);

  const remove = async () => {
    if (!window.confirm('Delete this gathering?')) return;
    try {
      await api.gatherings.remove(workspace.id, gatheringId);
      navigate('/gatherings');
    } catch (failure) {
      setError(failure);
    }
  };

  if (gathering.error) {
    return (
      <div className="page page-medium">
        <ErrorNotice error={gathering.error} title="This gathering could not be loaded." />
      </div>
    );
  }
  const g = gathering.data;
  if (!g) {
    return (
      <div className="page-loading">
        <Spinner label="Loading the gathering" />
      </div>
    );
  }
  return (
    <div className="page page-medium">
      <header className="page-header page-header-wrap">
        <div>
          <Link to="/gatherings" className="back-link">
            Gatherings
          </Link>
          <h1>{g.title}</h1>
          <p className="page-lead">
            {FORMAT_LABELS[g.format]} · {whenOf(g)}
            {g.place ? ` · ${g.place}` : ''}
          </p>
          <p className="muted">
            {g.state === 'draft' ? 'Draft' : g.state} · {g.guests.length} of {g.invitedSeats} guests
            {g.plusOneSeats > 0 ? ` · ${g.plusOneSeats} seats kept for whom they bring` : ''}
            {g.purpose ? ` · for ${g.purpose}` : ''}
          </p>
        </div>
        <button type="button" className="button button-quiet" onClick={() => void remove()}>
          Delete
        </button>
      </header>
      <ErrorNotice error={error} title="Not deleted." />

      <section aria-labelledby="guests-heading" className="stack">
        <h2 id="guests-heading">Guests</h2>
        {g.guests.length === 0 ? (
          <p className="muted">No guests yet.</p>
        ) : (
          <ol className="guest-list" aria-label="Guests">
            {g.guests.map((guest) => (
              <li key={guest.personId} className="card guest">
                <div className="guest-head">
                  <Link to={`/people/${guest.personId}`} className="guest-name">
                    {guest.person.displayName}
                  </Link>
                  {guest.locked ? <span className="badge badge-quiet">Locked</span> : null}
                </div>
                {guest.reasons.length > 0 ? (
                  <ul className="guest-reasons" aria-label={`Why ${guest.person.displayName}`}>
                    {guest.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">Picked by you.</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {g.guests.length > 0 ? <Seating gathering={g} /> : null}
    </div>
  );
}

/** Default table sizes: everyone (the host included) split over tables of at most eight. */
const defaultTables = (people: number): string => {
  const tables = Math.max(1, Math.ceil(people / 8));
  const base = Math.ceil(people / tables);
  return Array.from({ length: tables }, () => base).join(',');
};

function Seating({ gathering }: { gathering: Gathering }) {
  const { workspace } = useSession();
  const [sizes, setSizes] = useState(() => defaultTables(gathering.guests.length + 1));
  const [seating, setSeating] = useState<Awaited<ReturnType<typeof api.gatherings.seating>> | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const seat = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const tables = sizes.split(',').map((s) => Number(s.trim()));
      setSeating(await api.gatherings.seating(workspace.id, gathering.id, tables));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const reason = error instanceof ApiError ? error.reasonFor('tables') : undefined;
  return (
    <section aria-labelledby="seating-heading" className="stack">
      <h2 id="seating-heading">Seating</h2>
      <form className="inline-form" onSubmit={seat} aria-label="Seat the guests">
        <Field
          label="Table sizes"
          error={reason}
          hint="Seats per table, such as 6,6 (you included)"
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={sizes}
              onChange={(e) => setSizes(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Seating…' : 'Seat guests'}
        </button>
      </form>
      {reason ? null : <ErrorNotice error={error} title="Not seated." />}
      {seating ? <SeatingView seating={seating} /> : null}
    </section>
  );
}
