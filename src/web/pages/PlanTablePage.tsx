import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FORMAT_LABELS, FORMAT_SEATS, FORMATS, type Format } from '../../domain/format';
import { ApiError, api, type Composition, type Replacements } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { TableValue } from '../components/TableValue';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useSession } from '../hooks/useSession';
import { formatDelta } from '../lib/gathering';
import '../gatherings.css';

type Guest = Composition['guests'][number];

const browserTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

/**
 * The gathering planner: pick a format, a date and a purpose; Salon proposes the table, says
 * why each guest is there and how good the table is; lock, remove or replace guests, then save
 * the table as a draft.
 */
export function PlanTablePage() {
  useDocumentTitle('Plan a table');
  const { workspace } = useSession();
  const navigate = useNavigate();
  const [format, setFormat] = useState<Format>('breakfast');
  const [seats, setSeats] = useState(String(FORMAT_SEATS.breakfast.max));
  const [plusOnes, setPlusOnes] = useState(false);
  const [startsAt, setStartsAt] = useState('');
  const [purpose, setPurpose] = useState('');
  const [title, setTitle] = useState('');
  const [timeZone] = useState(browserTimeZone);
  const [table, setTable] = useState<Composition | null>(null);
  const [locked, setLocked] = useState<ReadonlySet<string>>(new Set());
  const [removed, setRemoved] = useState<readonly string[]>([]);
  const [replacing, setReplacing] = useState<Replacements | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const details = () => ({
    format,
    seats: Number(seats),
    plusOnes,
    startsAt: startsAt || null,
    timeZone,
    purpose: purpose.trim() || null,
  });

  /** Runs one request to the planner's API, showing its error and what is busy meanwhile. */
  const run = async (what: string, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  const compose = (lockedIds: ReadonlySet<string>, excluded: readonly string[]) =>
    run('compose', async () => {
      const next = await api.gatherings.compose(workspace.id, {
        ...details(),
        must: [...lockedIds],
        exclude: [...excluded],
      });
      setTable(next);
      setReplacing(null);
    });

  const changeFormat = (next: Format) => {
    setFormat(next);
    setSeats(String(FORMAT_SEATS[next].max));
  };

  const propose = (event: FormEvent) => {
    event.preventDefault();
    setLocked(new Set());
    setRemoved([]);
    void compose(new Set(), []);
  };

  const toggleLock = (guest: Guest) => {
    const next = new Set(locked);
    if (next.has(guest.person.id)) next.delete(guest.person.id);
    else next.add(guest.person.id);
    setLocked(next);
  };

  const remove = (guest: Guest) => {
    const nextLocked = new Set(locked);
    nextLocked.delete(guest.person.id);
    const nextRemoved = [...removed, guest.person.id];
    setLocked(nextLocked);
    setRemoved(nextRemoved);
    void compose(nextLocked, nextRemoved);
  };

  const askReplacements = (guest: Guest) =>
    run('replace', async () => {
      const others = new Set(locked);
      others.delete(guest.person.id);
      setReplacing(
        await api.gatherings.replacements(workspace.id, {
          ...details(),
          must: [...others],
          exclude: [...removed],
          table: table?.guests.map((g) => g.person.id) ?? [],
          seat: guest.person.id,
        }),
      );
    });

  const swapIn = (seat: string, personId: string) =>
    run('swap', async () => {
      const nextLocked = new Set(locked);
      nextLocked.delete(seat);
      nextLocked.add(personId);
      const guests = (table?.guests ?? []).map((g) =>
        g.person.id === seat ? personId : g.person.id,
      );
      const explained = await api.gatherings.explain(workspace.id, {
        ...details(),
        must: [...nextLocked],
        exclude: [...removed, seat],
        table: guests,
      });
      setLocked(nextLocked);
      setRemoved([...removed, seat]);
      setTable(explained);
      setReplacing(null);
    });

  const save = () =>
    run('save', async () => {
      if (!table) return;
      const saved = await api.gatherings.create(workspace.id, {
        ...details(),
        title: title.trim() || null,
        guests: table.guests.map((g) => ({
          personId: g.person.id,
          reasons: g.reasons,
          locked: locked.has(g.person.id),
          source: 'composed' as const,
        })),
      });
      navigate(`/gatherings/${saved.id}`);
    });

  const reason = (field: string) =>
    error instanceof ApiError ? error.reasonFor(field) : undefined;
  const infeasible = error instanceof ApiError && error.code === 'infeasible' ? error : null;
  const range = FORMAT_SEATS[format];

  return (
    <div className="page page-medium planner">
      <header className="page-header page-header-wrap">
        <div>
          <Link to="/gatherings" className="back-link">
            Gatherings
          </Link>
          <h1>Plan a table</h1>
          <p className="page-lead">
            Choose the kind of table and what it is for. Salon proposes the guests who should meet
            each other, and says why.
          </p>
        </div>
      </header>

      <form
        className="stack form planner-form"
        onSubmit={propose}
        noValidate
        aria-label="Plan a table"
      >
        <div className="form-row">
          <Field label="Format" error={reason('format')}>
            {(control) => (
              <select
                {...control}
                value={format}
                onChange={(e) => changeFormat(e.target.value as Format)}
              >
                {FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {FORMAT_LABELS[f]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Seats"
            error={reason('seats')}
            hint={`Guests besides you: ${range.min === range.max ? range.min : `${range.min} to ${range.max}`}`}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={range.min}
                max={range.max}
                value={seats}
                onChange={(e) => setSeats(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field label="Date and time" optional error={reason('startsAt')} hint={timeZone}>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Purpose"
          optional
          error={reason('purpose')}
          hint="Words such as “climate investors”, matched against what people ask and offer"
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={purpose}
              onChange={(e) => setPurpose(e.target.value)}
            />
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={plusOnes}
            onChange={(e) => setPlusOnes(e.target.checked)}
          />
          Each guest may bring someone I should know (half the seats are kept for them)
        </label>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy !== null}>
            {busy === 'compose' ? 'Composing…' : table ? 'Propose again' : 'Propose a table'}
          </button>
        </div>
      </form>

      {infeasible ? (
        <div className="notice notice-error" role="alert">
          <strong className="notice-title">No table fits these constraints.</strong>
          <span>{infeasible.message}</span>
        </div>
      ) : error instanceof ApiError && error.fields.length > 0 ? null : (
        <ErrorNotice error={error} title="Something went wrong." />
      )}

      {table ? (
        <section className="stack planner-table" aria-labelledby="proposed-heading">
          <div className="planner-table-head">
            <h2 id="proposed-heading">The proposed table</h2>
            <TableValue value={table.value} guests={table.guests.length} />
          </div>
          <p className="muted">{table.proofSentence}</p>

          <ol className="guest-list" aria-label="Guests">
            {table.guests.map((guest) => (
              <GuestItem
                key={guest.person.id}
                guest={guest}
                locked={locked.has(guest.person.id)}
                busy={busy !== null}
                onLock={() => toggleLock(guest)}
                onRemove={() => remove(guest)}
                onReplace={() => askReplacements(guest)}
                alternatives={replacing?.seat.id === guest.person.id ? replacing : null}
                onSwap={(personId) => swapIn(guest.person.id, personId)}
                onCloseAlternatives={() => setReplacing(null)}
              />
            ))}
          </ol>

          {table.strongestPairs.length > 0 ? (
            <section aria-labelledby="pairs-heading" className="card strongest-pairs">
              <h3 id="pairs-heading">Strongest pairs at this table</h3>
              <ul className="plain-list">
                {table.strongestPairs.map((pair) => (
                  <li key={`${pair.people[0].id}-${pair.people[1].id}`}>{pair.sentence}</li>
                ))}
              </ul>
            </section>
          ) : null}

          <div className="card planner-save">
            <Field label="Title" optional error={reason('title')}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  placeholder={FORMAT_LABELS[format]}
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                />
              )}
            </Field>
            <button
              type="button"
              className="button button-primary"
              disabled={busy !== null}
              onClick={() => void save()}
            >
              {busy === 'save' ? 'Saving…' : 'Save as draft'}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function GuestItem({
  guest,
  locked,
  busy,
  onLock,
  onRemove,
  onReplace,
  alternatives,
  onSwap,
  onCloseAlternatives,
}: {
  guest: Guest;
  locked: boolean;
  busy: boolean;
  onLock: () => void;
  onRemove: () => void;
  onReplace: () => void;
  alternatives: Replacements | null;
  onSwap: (personId: string) => void;
  onCloseAlternatives: () => void;
}) {
  const name = guest.person.displayName;
  const role = [guest.person.title, guest.person.organization].filter(Boolean).join(', ');
  return (
    <li className={`card guest${locked ? ' guest-locked' : ''}`}>
      <div className="guest-head">
        <div className="guest-who">
          <Link to={`/people/${guest.person.id}`} className="guest-name">
            {name}
          </Link>
          {role ? <span className="muted guest-role">{role}</span> : null}
        </div>
        <div className="guest-actions">
          <button
            type="button"
            className="button button-small"
            aria-pressed={locked}
            aria-label={`${locked ? 'Unlock' : 'Lock'} ${name}`}
            onClick={onLock}
            disabled={busy}
          >
            {locked ? 'Locked' : 'Lock'}
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label={`Replace ${name}`}
            onClick={onReplace}
            disabled={busy || locked}
          >
            Replace
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            aria-label={`Remove ${name}`}
            onClick={onRemove}
            disabled={busy}
          >
            Remove
          </button>
        </div>
      </div>
      <ul className="guest-reasons" aria-label={`Why ${name}`}>
        {guest.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {alternatives ? (
        <section className="alternatives" aria-label={`Alternatives for ${name}`}>
          <div className="alternatives-head">
            <h3>Instead of {name}</h3>
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={onCloseAlternatives}
            >
              Keep {name}
            </button>
          </div>
          {alternatives.replacements.length === 0 ? (
            <p className="muted">Nobody else fits this seat under your constraints.</p>
          ) : (
            <ol className="plain-list">
              {alternatives.replacements.map((alt) => (
                <li key={alt.person.id} className="alternative">
                  <div className="alternative-text">
                    <strong>{alt.person.displayName}</strong>{' '}
                    <span className={alt.delta >= 0 ? 'delta delta-up' : 'delta delta-down'}>
                      <span className="visually-hidden">table value </span>
                      {formatDelta(alt.delta)}
                    </span>
                    {alt.reasons[0] ? <p className="muted">{alt.reasons[0]}</p> : null}
                  </div>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Swap in ${alt.person.displayName}`}
                    onClick={() => onSwap(alt.person.id)}
                    disabled={busy}
                  >
                    Swap in
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </li>
  );
}
