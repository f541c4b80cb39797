import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  ATTENDEE_MARKS,
  type AttendeeMark,
  CONTEXT_LABELS,
  KIND_LABELS,
  kindsOf,
  MOMENT_CONTEXTS,
  type MomentContext,
  type MomentKind,
} from '../../domain/moment';
import { ApiError, api, type Moment, type MomentCreate, type Person } from '../api/client';
import { Avatar } from '../components/Avatar';
import { ChoiceChips } from '../components/ChoiceChips';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { PersonTypeahead } from '../components/PersonTypeahead';
import { Spinner } from '../components/Spinner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';
import { formatDay, todayIso } from '../lib/date';
import { MARK_LABELS } from '../lib/labels';

/** Someone at the moment: a person already in the network, or a name to add. */
interface Attendee {
  readonly key: string;
  readonly personId: string | null;
  readonly displayName: string;
  readonly mark: AttendeeMark;
}

const LAST_KIND = 'salon.lastMomentKind';

const rememberedKind = (): { context: MomentContext; kind: MomentKind } => {
  try {
    const stored = localStorage.getItem(LAST_KIND);
    const context = MOMENT_CONTEXTS.find((c) => kindsOf(c).some((k) => k === stored));
    if (context && stored) return { context, kind: stored as MomentKind };
  } catch {
    // No storage: start from the first hosted format.
  }
  return { context: 'hosted', kind: kindsOf('hosted')[0] as MomentKind };
};

const contextLabels = CONTEXT_LABELS as Readonly<Record<MomentContext, string>>;
const kindLabels = KIND_LABELS as Readonly<Record<MomentKind, string>>;
const markLabels = MARK_LABELS as Readonly<Record<AttendeeMark, string>>;

/**
 * "Met Dana at Sam's wedding": log a moment in a few taps from a phone. Pick where it happened,
 * who was there and how you met each of them; the network's ties follow from it.
 */
export function LogMomentPage() {
  useDocumentTitle('Log a moment');
  return <MomentForm editing={null} />;
}

/** Change a logged moment (at /moments/:momentId/edit): the same form, filled in. */
export function EditMomentPage() {
  useDocumentTitle('Edit moment');
  const { momentId = '' } = useParams();
  const { workspace } = useSession();
  const moment = useFetch(() => api.moments.get(workspace.id, momentId), [workspace.id, momentId]);
  if (moment.error) {
    return (
      <div className="page">
        <ErrorNotice error={moment.error} title="This moment could not be loaded." />
      </div>
    );
  }
  // The form takes the moment as its starting values: a later reload does not refill it.
  if (!moment.data) {
    return (
      <div className="page-loading">
        <Spinner label="Loading" />
      </div>
    );
  }
  return <MomentForm key={momentId} editing={moment.data} />;
}

function MomentForm({ editing }: { editing: Moment | null }) {
  const { workspace } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [initial] = useState(() =>
    editing
      ? { context: editing.context as MomentContext, kind: editing.kind as MomentKind }
      : rememberedKind(),
  );
  const [context, setContext] = useState<MomentContext>(initial.context);
  const [kind, setKind] = useState<MomentKind>(initial.kind);
  const [occurredOn, setOccurredOn] = useState(() => editing?.occurredOn ?? todayIso());
  const [attendees, setAttendees] = useState<Attendee[]>(
    () =>
      editing?.attendees.map((a) => ({
        key: a.personId,
        personId: a.personId,
        displayName: a.displayName,
        mark: a.mark as AttendeeMark,
      })) ?? [],
  );
  const [title, setTitle] = useState(editing?.title ?? '');
  const [place, setPlace] = useState(editing?.place ?? '');
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [logged, setLogged] = useState<Moment | null>(null);

  // Arriving from a person's page ("Log a moment" with Dana) starts with Dana at the table.
  const withId = params.get('with');
  useEffect(() => {
    if (!withId) return;
    const controller = new AbortController();
    api.people.get(workspace.id, withId, controller.signal).then(
      (person) => setAttendees((list) => (list.length ? list : [attendeeOf(person)])),
      () => undefined,
    );
    return () => controller.abort();
  }, [withId, workspace.id]);

  const chooseContext = (next: MomentContext) => {
    setContext(next);
    setKind(kindsOf(next)[0] as MomentKind);
  };

  const chosenIds = new Set(attendees.flatMap((a) => (a.personId ? [a.personId] : [])));

  const addPerson = (person: Person) => setAttendees((list) => [...list, attendeeOf(person)]);
  const addNew = (name: string) =>
    setAttendees((list) => [
      ...list,
      { key: `new-${Date.now()}-${name}`, personId: null, displayName: name, mark: 'met_new' },
    ]);
  const setMark = (key: string, mark: AttendeeMark) =>
    setAttendees((list) => list.map((a) => (a.key === key ? { ...a, mark } : a)));
  const removeAttendee = (key: string) => setAttendees((list) => list.filter((a) => a.key !== key));

  const reset = () => {
    setAttendees([]);
    setTitle('');
    setPlace('');
    setNotes('');
    setOccurredOn(todayIso());
    setLogged(null);
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: MomentCreate = {
      kind,
      occurredOn,
      ...(title.trim() ? { title: title.trim() } : {}),
      place: place.trim() || null,
      notes: notes.trim() || null,
      attendees: attendees.map((a) =>
        a.personId
          ? { personId: a.personId, mark: a.mark }
          : { newPerson: { displayName: a.displayName }, mark: a.mark },
      ),
    };
    try {
      if (editing) {
        await api.moments.update(workspace.id, editing.id, body);
        navigate('/moments');
        return;
      }
      setLogged(await api.moments.create(workspace.id, body));
      try {
        localStorage.setItem(LAST_KIND, kind);
      } catch {
        // Remembering the kind is a convenience, not a requirement.
      }
      window.scrollTo({ top: 0 });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (logged) return <Logged moment={logged} onAnother={reset} />;

  const reason = (field: string) =>
    error instanceof ApiError ? error.reasonFor(field) : undefined;

  return (
    <div className="page page-narrow page-log">
      <h1>{editing ? 'Edit moment' : 'Log a moment'}</h1>
      <form
        className="stack form"
        onSubmit={submit}
        noValidate
        aria-label={editing ? 'Edit moment' : 'Log a moment'}
      >
        <ErrorNotice error={error} title={editing ? 'Not saved.' : 'Not logged.'} />

        <ChoiceChips
          legend="Where"
          options={MOMENT_CONTEXTS}
          labels={contextLabels}
          value={context}
          onChange={chooseContext}
        />
        <ChoiceChips
          legend={`Kind of ${contextLabels[context].toLowerCase()}`}
          hideLegend
          options={kindsOf(context)}
          labels={kindLabels}
          value={kind}
          onChange={setKind}
          size="sm"
          className="chips-kinds"
        />
        {reason('kind') ? <p className="field-error">{reason('kind')}</p> : null}

        <Field label="When" error={reason('occurredOn')} className="field-date">
          {(control) => (
            <div className="date-row">
              <input
                {...control}
                type="date"
                required
                value={occurredOn}
                onChange={(e) => setOccurredOn(e.target.value)}
              />
              {occurredOn !== todayIso() ? (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setOccurredOn(todayIso())}
                >
                  Today
                </button>
              ) : null}
            </div>
          )}
        </Field>

        <div className="field">
          <PersonTypeahead
            workspaceId={workspace.id}
            label="Who was there"
            placeholder="Type a name"
            excludeIds={chosenIds}
            excludeSelf
            onPick={addPerson}
            onCreate={addNew}
          />
          {reason('attendees') ? <p className="field-error">{reason('attendees')}</p> : null}
          {attendees.length > 0 ? (
            <ul className="attendees" aria-label="Attendees">
              {attendees.map((a) => (
                <li key={a.key} className="attendee">
                  <div className="attendee-head">
                    <Avatar name={a.displayName} size="sm" />
                    <span className="attendee-name">
                      {a.displayName}
                      {a.personId ? null : <span className="badge badge-new">New</span>}
                    </span>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove ${a.displayName}`}
                      onClick={() => removeAttendee(a.key)}
                    >
                      <Icon name="close" size={16} />
                    </button>
                  </div>
                  <ChoiceChips
                    legend={`How you met ${a.displayName}`}
                    hideLegend
                    options={ATTENDEE_MARKS}
                    labels={markLabels}
                    value={a.mark}
                    onChange={(mark) => setMark(a.key, mark)}
                    size="sm"
                    className="chips-segmented"
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p className="field-hint">
              Everyone you met or reconnected with gets a tie to you and to each other.
            </p>
          )}
        </div>

        <div className="form-row">
          <Field label="Title" optional error={reason('title')}>
            {(control) => (
              <input
                {...control}
                type="text"
                placeholder={kindLabels[kind]}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
            )}
          </Field>
          <Field label="Place" optional error={reason('place')}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={place}
                onChange={(e) => setPlace(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field label="Notes" optional error={reason('notes')}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              placeholder="She coaches my son’s soccer team"
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          )}
        </Field>

        <div className="form-actions form-actions-sticky">
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {editing ? (busy ? 'Saving…' : 'Save changes') : busy ? 'Logging…' : 'Log moment'}
          </button>
          {editing ? (
            <Link to="/moments" className="button button-quiet">
              Cancel
            </Link>
          ) : null}
        </div>
      </form>
    </div>
  );
}

const attendeeOf = (person: Person): Attendee => ({
  key: person.id,
  personId: person.id,
  displayName: person.displayName,
  // Someone you have been in touch with before is a reconnection; anyone else is new to you.
  mark: person.lastContactOn ? 'reconnected' : 'met_new',
});

function Logged({ moment, onAnother }: { moment: Moment; onAnother: () => void }) {
  return (
    <div className="page page-narrow">
      <section className="card logged" aria-labelledby="logged-title">
        <p className="logged-check" aria-hidden="true">
          <Icon name="check" size={28} />
        </p>
        <h1 id="logged-title">Moment logged</h1>
        <p className="muted">
          {moment.title} · {formatDay(moment.occurredOn)}
          {moment.place ? ` · ${moment.place}` : ''}
        </p>
        {moment.attendees.length > 0 ? (
          <ul className="logged-people" aria-label="Attendees">
            {moment.attendees.map((a) => (
              <li key={a.personId}>
                <Link to={`/people/${a.personId}`} className="tie-link">
                  <Avatar name={a.displayName} size="sm" />
                  <span>{a.displayName}</span>
                </Link>
                <span className={`mark mark-${a.mark}`}>{MARK_LABELS[a.mark] ?? a.mark}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={onAnother}>
            Log another
          </button>
          <Link to="/people" className="button button-quiet">
            Done
          </Link>
        </div>
      </section>
    </div>
  );
}
