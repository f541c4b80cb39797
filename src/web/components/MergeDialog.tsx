import { useEffect, useId, useRef, useState } from 'react';
import { survivorByDefault } from '../../domain/merge-survivor';
import { api, type Person } from '../api/client';
import { Avatar } from './Avatar';
import { ErrorNotice } from './ErrorNotice';
import { Icon } from './Icon';
import { PersonTypeahead } from './PersonTypeahead';

interface MergeDialogProps {
  readonly workspaceId: string;
  readonly person: Person;
  readonly onClose: () => void;
  /** Called with the surviving person, and the record merged into them, once it is done. */
  readonly onMerged: (survivor: Person, removed: Person) => void;
}

const roleOf = (p: Person): string =>
  [p.title, p.organization].filter(Boolean).join(', ') || p.emails[0] || p.location || '';

/**
 * "Merge with…": pick the duplicate by typing its name, choose which record's details win, see
 * what will happen, confirm. A modal dialog, so focus stays inside and Escape closes it.
 */
export function MergeDialog({ workspaceId, person, onClose, onMerged }: MergeDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [other, setOther] = useState<Person | null>(null);
  const [keepThis, setKeepThis] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const keep = keepThis ? person : other;
  const drop = keepThis ? other : person;

  const merge = async () => {
    if (!keep || !drop) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.contacts.merge(workspaceId, keep.id, drop.id);
      onMerged(result.person, drop);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>Merge {person.displayName} with a duplicate</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          onClick={onClose}
          disabled={busy}
        >
          <Icon name="close" size={18} />
        </button>
      </div>

      {other ? (
        <div className="merge-choice">
          <fieldset className="merge-keep">
            <legend className="field-label">Whose details come first?</legend>
            {[person, other].map((p) => {
              const checked = (p.id === person.id) === keepThis;
              return (
                <label
                  key={p.id}
                  className={checked ? 'merge-option merge-option-on' : 'merge-option'}
                >
                  <input
                    type="radio"
                    name="merge-keep"
                    checked={checked}
                    onChange={() => setKeepThis(p.id === person.id)}
                  />
                  <Avatar name={p.displayName} size="sm" />
                  <span className="merge-option-text">
                    <span className="merge-option-name">{p.displayName}</span>
                    {roleOf(p) ? <span className="muted">{roleOf(p)}</span> : null}
                  </span>
                </label>
              );
            })}
          </fieldset>
          {keep && drop ? (
            <p className="merge-explain">
              <strong>{keep.displayName}</strong> keeps their details and fills the empty ones from{' '}
              {drop.displayName}; {drop.displayName}’s emails, phones and tags are added. Ties and
              moments move to {keep.displayName}, then the other record is removed.{' '}
              <strong>This cannot be undone.</strong>
            </p>
          ) : null}
          <ErrorNotice error={error} title="The two could not be merged." />
          <div className="form-actions dialog-actions">
            <button type="button" className="button button-primary" onClick={merge} disabled={busy}>
              {busy ? 'Merging…' : 'Merge'}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setOther(null)}
              disabled={busy}
            >
              Pick someone else
            </button>
          </div>
        </div>
      ) : (
        <div className="merge-pick">
          <p className="muted">
            When the same person is in your network twice, merge the two records into one.
          </p>
          <PersonTypeahead
            workspaceId={workspaceId}
            label="Which record is the same person?"
            placeholder="Type a name or an email"
            excludeIds={new Set([person.id])}
            excludeSelf
            onPick={(p) => {
              setOther(p);
              // The older, fuller record comes first unless the host says otherwise.
              setKeepThis(survivorByDefault(person, p) === person);
            }}
            autoFocus
          />
        </div>
      )}
    </dialog>
  );
}
