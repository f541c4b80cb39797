import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { DEFAULT_TIE_STRENGTH, TIE_STRENGTH_MAX, TIE_STRENGTH_MIN } from '../../domain/tie';
import { ApiError, api, type Person, type TieOfPerson } from '../api/client';
import { formatDay } from '../lib/date';
import { STRENGTH_LABELS, TIE_SOURCE_LABELS } from '../lib/labels';
import { Avatar } from './Avatar';
import { useConfirm } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';
import { Icon } from './Icon';
import { PersonTypeahead } from './PersonTypeahead';
import { StrengthMeter } from './StrengthMeter';

const STRENGTHS = Array.from(
  { length: TIE_STRENGTH_MAX - TIE_STRENGTH_MIN + 1 },
  (_, i) => TIE_STRENGTH_MIN + i,
);

interface TieListProps {
  readonly workspaceId: string;
  readonly person: Person;
  readonly ties: readonly TieOfPerson[];
  readonly canEdit: boolean;
}

/**
 * Whom this person knows, strongest first, and a way to record one more. A change reloads the
 * list (and every engine answer on screen) through the data version, not a callback.
 */
export function TieList({ workspaceId, person, ties, canEdit }: TieListProps) {
  const strengthId = useId();
  const [other, setOther] = useState<Person | null>(null);
  const [strength, setStrength] = useState(DEFAULT_TIE_STRENGTH);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const confirm = useConfirm();
  const sorted = [...ties].sort(
    (a, b) => b.strength - a.strength || a.otherName.localeCompare(b.otherName),
  );
  const known = new Set([person.id, ...ties.map((t) => t.otherId)]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!other) return;
    setBusy(true);
    setError(null);
    try {
      await api.ties.create(workspaceId, { aId: person.id, bId: other.id, strength });
      setOther(null);
      setStrength(DEFAULT_TIE_STRENGTH);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (tie: TieOfPerson) => {
    const confirmed = await confirm.ask({
      title: 'Remove this tie?',
      message: `${person.displayName} and ${tie.otherName} will no longer be tied. Their moments stay.`,
      confirmLabel: 'Remove tie',
    });
    if (!confirmed) return;
    try {
      await api.ties.remove(workspaceId, tie.id);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="ties">
      {confirm.dialog}
      {sorted.length === 0 ? (
        <p className="muted">No ties recorded yet.</p>
      ) : (
        <>
          <p className="muted tie-legend">
            Dots: how well they know each other, from {TIE_STRENGTH_MIN} (
            {STRENGTH_LABELS[TIE_STRENGTH_MIN]}) to {TIE_STRENGTH_MAX} (
            {STRENGTH_LABELS[TIE_STRENGTH_MAX]}).
          </p>
          <ul className="tie-list" aria-label={`People ${person.displayName} knows`}>
            {sorted.map((tie) => (
              <li key={tie.id} className="tie">
                <Link to={`/people/${tie.otherId}`} className="tie-link">
                  <Avatar name={tie.otherName} size="sm" />
                  <span className="tie-text">
                    <span className="tie-name">{tie.otherName}</span>
                    <span className="tie-source">
                      {TIE_SOURCE_LABELS[tie.source] ?? tie.source}
                      {tie.since ? ` · since ${formatDay(tie.since, true)}` : ''}
                    </span>
                  </span>
                </Link>
                <StrengthMeter strength={tie.strength} />
                {canEdit ? (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove tie with ${tie.otherName}`}
                    onClick={() => remove(tie)}
                  >
                    <Icon name="close" size={16} />
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}

      {canEdit ? (
        <form className="tie-add" onSubmit={add} aria-label="Add a tie">
          <ErrorNotice error={error} />
          {other ? (
            <div className="chosen">
              <Avatar name={other.displayName} size="sm" />
              <span>{other.displayName}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Choose someone else instead of ${other.displayName}`}
                onClick={() => setOther(null)}
              >
                <Icon name="close" size={16} />
              </button>
            </div>
          ) : (
            <PersonTypeahead
              workspaceId={workspaceId}
              label={`Who else does ${person.displayName} know?`}
              placeholder="Type a name"
              excludeIds={known}
              onPick={setOther}
            />
          )}
          <div className="tie-add-row">
            <label htmlFor={strengthId} className="field-label">
              Strength
            </label>
            <select
              id={strengthId}
              value={strength}
              onChange={(e) => setStrength(Number(e.target.value))}
            >
              {STRENGTHS.map((n) => (
                <option key={n} value={n}>
                  {n} · {STRENGTH_LABELS[n]}
                </option>
              ))}
            </select>
            <button type="submit" className="button" disabled={!other || busy}>
              Add tie
            </button>
          </div>
          {error instanceof ApiError && error.fields.length > 0 ? (
            <ul className="field-error">
              {error.fields.map((f) => (
                <li key={f.field}>{f.reason}</li>
              ))}
            </ul>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
