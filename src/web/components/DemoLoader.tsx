import { useEffect, useId, useState } from 'react';
import { api, type DemoResult } from '../api/client';
import { plural } from '../lib/text';
import { ErrorNotice } from './ErrorNotice';

const SIZES = [300, 1000, 5000] as const;

/**
 * Offered on an empty workspace: fills it with a realistic demo network (circles, brokers,
 * two years of moments) so the host can see what Salon does before typing anyone in.
 */
export function DemoLoader({
  workspaceId,
  onLoaded,
}: {
  workspaceId: string;
  onLoaded: (result: DemoResult) => void;
}) {
  const sizeId = useId();
  const [size, setSize] = useState<number>(1000);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setElapsed((Date.now() - startedAt) / 1000), 250);
    return () => clearInterval(timer);
  }, [startedAt]);

  const load = async () => {
    setError(null);
    setElapsed(0);
    setStartedAt(Date.now());
    try {
      onLoaded(await api.workspaces.loadDemo(workspaceId, { people: size }));
    } catch (failure) {
      setError(failure);
    } finally {
      setStartedAt(null);
    }
  };

  const busy = startedAt !== null;
  return (
    <section className="card demo" aria-labelledby={`${sizeId}-title`} aria-busy={busy}>
      <h2 id={`${sizeId}-title`}>Your network starts with you</h2>
      <p>
        Add the people you know one by one, or explore Salon first with a demo network: circles from
        work, a running club, a congregation, a school’s parents and a charity board, with the
        well-connected people who bridge them and two years of moments.
      </p>
      <ErrorNotice error={error} title="The demo network could not be loaded." />
      {busy ? (
        <div className="demo-progress" role="status">
          <div className="progress" aria-hidden="true">
            <div className="progress-bar" />
          </div>
          <p>
            Generating {plural(size, 'person', 'people')}, their ties and moments…{' '}
            <span className="muted">{elapsed.toFixed(0)} s</span>
          </p>
        </div>
      ) : (
        <div className="demo-actions">
          <label className="field-label" htmlFor={sizeId}>
            Size
          </label>
          <select id={sizeId} value={size} onChange={(e) => setSize(Number(e.target.value))}>
            {SIZES.map((n) => (
              <option key={n} value={n}>
                {plural(n, 'person', 'people')}
              </option>
            ))}
          </select>
          <button type="button" className="button button-primary" onClick={load}>
            Load a demo network
          </button>
        </div>
      )}
    </section>
  );
}
