import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { formatPhone } from '../../contracts/phone';
import { STATURE_MAX, STATURE_MIN } from '../../domain/person';
import { DEFAULT_TIE_STRENGTH, TIE_STRENGTH_MAX, TIE_STRENGTH_MIN } from '../../domain/tie';
import { ApiError, api, type Person, type PersonInput } from '../api/client';
import { ChoiceChips } from '../components/ChoiceChips';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';
import { STRENGTH_LABELS } from '../lib/labels';
import { splitList } from '../lib/text';

/** "How do you know them?": not yet, or how well (the strength of their tie to you). */
const KNOWING = [
  'not-yet',
  ...Array.from({ length: TIE_STRENGTH_MAX - TIE_STRENGTH_MIN + 1 }, (_, i) =>
    String(TIE_STRENGTH_MIN + i),
  ),
] as const;
type Knowing = (typeof KNOWING)[number];
const KNOWING_LABELS: Readonly<Record<Knowing, string>> = Object.fromEntries(
  KNOWING.map((k) => [k, k === 'not-yet' ? 'We have not met' : STRENGTH_LABELS[Number(k)]]),
) as Record<Knowing, string>;

/** The form's values: every field as the text in its box. */
interface Draft {
  displayName: string;
  givenName: string;
  familyName: string;
  emails: string;
  phones: string;
  organization: string;
  title: string;
  location: string;
  tags: string;
  interests: string;
  asks: string;
  offers: string;
  notes: string;
  stature: string;
  howWeMet: string;
  websites: string;
  /** `YYYY-MM-DD`, or `--MM-DD` without the year. */
  birthday: string;
}

const draftOf = (person: Person | undefined, name = ''): Draft => ({
  displayName: person?.displayName ?? name,
  givenName: person?.givenName ?? '',
  familyName: person?.familyName ?? '',
  emails: person?.emails.join(', ') ?? '',
  phones: person?.phones.map(formatPhone).join(', ') ?? '',
  organization: person?.organization ?? '',
  title: person?.title ?? '',
  location: person?.location ?? '',
  tags: person?.tags.join(', ') ?? '',
  interests: person?.interests.join(', ') ?? '',
  asks: person?.asks.join('\n') ?? '',
  offers: person?.offers.join('\n') ?? '',
  notes: person?.notes ?? '',
  stature: person?.stature ? String(person.stature) : '',
  howWeMet: person?.howWeMet ?? '',
  websites: person?.websites.map((w) => w.url).join(', ') ?? '',
  birthday: person?.dates.find((d) => d.kind === 'birthday')?.date ?? '',
});

const text = (value: string): string | null => value.trim() || null;

/** The web sites typed, keeping the label of each address the person already had. */
const websitesOf = (draft: Draft, person: Person | undefined): PersonInput['websites'] =>
  splitList(draft.websites).map((url) => ({
    url,
    label: person?.websites.find((w) => w.url === url)?.label ?? null,
  }));

/** The birthday typed, with the person's other dates as they were. */
const datesOf = (draft: Draft, person: Person | undefined): PersonInput['dates'] => [
  ...(draft.birthday.trim()
    ? [{ kind: 'birthday' as const, date: draft.birthday.trim(), label: null }]
    : []),
  ...(person?.dates.filter((d) => d.kind !== 'birthday') ?? []),
];

const inputOf = (draft: Draft, person: Person | undefined): PersonInput => ({
  displayName: text(draft.displayName),
  givenName: text(draft.givenName),
  familyName: text(draft.familyName),
  emails: splitList(draft.emails),
  phones: splitList(draft.phones),
  organization: text(draft.organization),
  title: text(draft.title),
  location: text(draft.location),
  tags: splitList(draft.tags),
  interests: splitList(draft.interests),
  asks: splitList(draft.asks, false),
  offers: splitList(draft.offers, false),
  notes: text(draft.notes),
  stature: draft.stature ? Number(draft.stature) : null,
  howWeMet: text(draft.howWeMet),
  websites: websitesOf(draft, person),
  dates: datesOf(draft, person),
});

/** Add a person (at /people/new) or edit one (at /people/:id/edit). */
export function PersonEditPage() {
  const { personId } = useParams();
  const { workspace } = useSession();
  const existing = useFetch(
    (signal) =>
      personId ? api.people.get(workspace.id, personId, signal) : Promise.resolve(undefined),
    [workspace.id, personId],
  );
  useDocumentTitle(personId ? 'Edit person' : 'Add a person');

  if (personId && existing.error) {
    return (
      <div className="page">
        <ErrorNotice error={existing.error} title="This person could not be loaded." />
      </div>
    );
  }
  if (personId && !existing.data) {
    return (
      <div className="page-loading">
        <Spinner label="Loading" />
      </div>
    );
  }
  return <PersonForm key={personId ?? 'new'} person={existing.data} />;
}

function PersonForm({ person }: { person: Person | undefined }) {
  const { workspace } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [draft, setDraft] = useState<Draft>(() => draftOf(person, params.get('name') ?? ''));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [showMore, setShowMore] = useState(() => !!person);
  const [knowing, setKnowing] = useState<Knowing>(String(DEFAULT_TIE_STRENGTH));
  const formRef = useRef<HTMLFormElement>(null);

  // Take the user to the first field the server turned down, with its reason read out.
  useEffect(() => {
    if (error instanceof ApiError && error.fields.length > 0) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [error]);

  const set =
    (key: keyof Draft) =>
    (event: { target: { value: string } }): void =>
      setDraft((d) => ({ ...d, [key]: event.target.value }));
  const reason = (field: keyof Draft) =>
    error instanceof ApiError ? error.reasonFor(field) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = person
        ? await api.people.update(workspace.id, person.id, inputOf(draft, person))
        : await api.people.create(workspace.id, {
            ...inputOf(draft, undefined),
            tieToYou: knowing === 'not-yet' ? null : { strength: Number(knowing) },
          });
      navigate(`/people/${saved.id}`, { replace: !!person });
    } catch (failure) {
      setError(failure);
      // Details hide fields the server may have complained about: open them so the reason shows.
      if (failure instanceof ApiError && failure.fields.length > 0) setShowMore(true);
    } finally {
      setBusy(false);
    }
  };

  const line = (key: keyof Draft, label: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} error={reason(key)} optional>
      {(control) => (
        <input {...control} {...extra} type="text" value={draft[key]} onChange={set(key)} />
      )}
    </Field>
  );

  return (
    <div className="page page-narrow">
      <Link to={person ? `/people/${person.id}` : '/people'} className="back-link">
        <Icon name="back" size={18} />
        <span>{person ? person.displayName : 'People'}</span>
      </Link>
      <h1>{person ? `Edit ${person.displayName}` : 'Add a person'}</h1>
      <form ref={formRef} className="stack form" onSubmit={submit} noValidate>
        <ErrorNotice error={error} title="Not saved." />
        <Field
          label="Name"
          error={reason('displayName')}
          hint="How you refer to them. Leave blank to use their given and family names."
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              autoCapitalize="words"
              value={draft.displayName}
              onChange={set('displayName')}
            />
          )}
        </Field>
        <div className="form-row">
          {line('organization', 'Organisation')}
          {line('title', 'Title')}
        </div>
        <Field
          label="Emails"
          error={reason('emails')}
          optional
          hint="Separate several with commas."
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="email"
              autoComplete="off"
              value={draft.emails}
              onChange={set('emails')}
            />
          )}
        </Field>
        {person ? null : (
          <div className="stack know-them">
            <ChoiceChips
              legend="How do you know them?"
              options={KNOWING}
              labels={KNOWING_LABELS}
              value={knowing}
              onChange={setKnowing}
              size="sm"
            />
            <p className="field-hint">
              Someone you know is tied to you, so Salon sees whom they reach through you. Choose “We
              have not met” for someone you only want to meet.
            </p>
            {line('howWeMet', 'Where you met')}
          </div>
        )}
        <Field
          label="Looking for"
          error={reason('asks')}
          optional
          hint="One per line: what they need."
        >
          {(control) => (
            <textarea {...control} rows={3} value={draft.asks} onChange={set('asks')} />
          )}
        </Field>
        <Field
          label="Can help with"
          error={reason('offers')}
          optional
          hint="One per line: what they offer."
        >
          {(control) => (
            <textarea {...control} rows={3} value={draft.offers} onChange={set('offers')} />
          )}
        </Field>
        <Field
          label="Tags"
          error={reason('tags')}
          optional
          hint="Separate with commas: running club, investor."
        >
          {(control) => (
            <input {...control} type="text" value={draft.tags} onChange={set('tags')} />
          )}
        </Field>

        {showMore ? (
          <>
            <div className="form-row">
              {line('givenName', 'Given name')}
              {line('familyName', 'Family name')}
            </div>
            <div className="form-row">
              {line('phones', 'Phones', { inputMode: 'tel' })}
              {line('location', 'Location')}
            </div>
            <div className="form-row">
              {line('websites', 'Web sites', { inputMode: 'url' })}
              {line('birthday', 'Birthday', { placeholder: '1980-04-12, or --04-12' })}
            </div>
            <Field
              label="Interests"
              error={reason('interests')}
              optional
              hint="Separate with commas."
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  value={draft.interests}
                  onChange={set('interests')}
                />
              )}
            </Field>
            {person ? line('howWeMet', 'How you met') : null}
            <Field
              label="Stature"
              error={reason('stature')}
              optional
              hint="Your own judgement of how much weight they carry."
            >
              {(control) => (
                <select {...control} value={draft.stature} onChange={set('stature')}>
                  <option value="">Not set</option>
                  {Array.from(
                    { length: STATURE_MAX - STATURE_MIN + 1 },
                    (_, i) => STATURE_MIN + i,
                  ).map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Notes" error={reason('notes')} optional>
              {(control) => (
                <textarea {...control} rows={5} value={draft.notes} onChange={set('notes')} />
              )}
            </Field>
          </>
        ) : (
          <button type="button" className="button button-quiet" onClick={() => setShowMore(true)}>
            More details: names, phone, location, interests, notes
          </button>
        )}

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : person ? 'Save changes' : 'Add person'}
          </button>
          <Link to={person ? `/people/${person.id}` : '/people'} className="button button-quiet">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
