import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, type Series } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useSession } from '../hooks/useSession';
import '../gatherings.css';

/**
 * A recurring series: a monthly breakfast of six drawn from everyone with a tag, over several
 * rounds, so that pairs meet again as rarely as the numbers allow. Rounds are a grid.
 */
export function SeriesPage() {
  useDocumentTitle('Plan a series');
  const { workspace } = useSession();
  const [pool, setPool] = useState('');
  const [size, setSize] = useState('6');
  const [rounds, setRounds] = useState('6');
  const [series, setSeries] = useState<Series | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const plan = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSeries(
        await api.gatherings.series(workspace.id, {
          pool: pool.trim(),
          size: Number(size),
          rounds: Number(rounds),
        }),
      );
    } catch (failure) {
      setError(failure);
      setSeries(null);
    } finally {
      setBusy(false);
    }
  };

  const reason = (field: string) =>
    error instanceof ApiError ? error.reasonFor(field) : undefined;
  const groups = series ? Math.max(...series.rounds.map((r) => r.length)) : 0;

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <Link to="/gatherings" className="back-link">
            Gatherings
          </Link>
          <h1>Plan a series</h1>
          <p className="page-lead">
            A recurring table drawn from a group of people, so everyone meets as many new faces as
            possible.
          </p>
        </div>
      </header>
      <form
        className="form planner-form series-form"
        onSubmit={plan}
        noValidate
        aria-label="Plan a series"
      >
        <ErrorNotice error={error} title="No series." />
        <div className="form-row">
          <Field label="Pool (a tag)" error={reason('pool')}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={pool}
                onChange={(e) => setPool(e.target.value)}
              />
            )}
          </Field>
          <Field label="People per table" error={reason('size')}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={2}
                value={size}
                onChange={(e) => setSize(e.target.value)}
              />
            )}
          </Field>
          <Field label="Rounds" error={reason('rounds')}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                value={rounds}
                onChange={(e) => setRounds(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Scheduling…' : 'Schedule'}
          </button>
        </div>
      </form>

      {series ? (
        <section aria-labelledby="rounds-heading" className="stack">
          <h2 id="rounds-heading">
            {series.rounds.length} rounds for {series.poolSize} people
          </h2>
          <p>
            {series.repeats === 0
              ? 'No pair meets twice.'
              : `${series.repeats} repeated meeting${series.repeats === 1 ? '' : 's'}; at least ${series.repeatsAtLeast} cannot be avoided with these numbers.`}
          </p>
          <div className="series-scroll">
            <table className="series-grid">
              <thead>
                <tr>
                  <th scope="col">Round</th>
                  {Array.from({ length: groups }, (_, g) => `Table ${g + 1}`).map((name) => (
                    <th key={name} scope="col">
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {series.rounds.map((round, r) => (
                  <tr key={round.map((group) => group[0]?.id).join()}>
                    <th scope="row">{r + 1}</th>
                    {round.map((group) => (
                      <td key={group.map((p) => p.id).join()}>
                        {group.map((p) => p.displayName).join(', ')}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {series.repeatedPairs.length > 0 ? (
            <ul className="plain-list muted" aria-label="Repeated pairs">
              {series.repeatedPairs.slice(0, 10).map((p) => (
                <li key={`${p.people[0].id}-${p.people[1].id}`}>
                  {p.people[0].displayName} and {p.people[1].displayName} meet {p.times} times
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
