import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, type Circle } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';
import { circleColour } from '../lib/palette';
import { plural } from '../lib/text';

const LABEL_KINDS: Readonly<Record<string, string>> = {
  tag: 'Tag',
  organization: 'Organisation',
  context: 'Where they meet',
};

/** The circles the host's network falls into: names, sizes, what they share; rename inline. */
export function CirclesPage() {
  useDocumentTitle('Circles');
  const { workspace, canEdit } = useSession();
  const circles = useFetch((signal) => api.network.circles(workspace.id, signal), [workspace.id]);

  const onRenamed = (renamed: Circle) => {
    if (!circles.data) return;
    circles.set({
      ...circles.data,
      circles: circles.data.circles.map((c) => (c.id === renamed.id ? renamed : c)),
    });
  };

  return (
    <div className="page page-medium">
      <header className="page-header page-header-wrap">
        <div>
          <h1>Circles</h1>
          <p className="page-lead">
            The groups your network falls into, found from who knows whom and named from what their
            people share. Rename any: the name stays as long as the circle is mostly the same
            people.
          </p>
        </div>
        <Link to="/map" className="button">
          <Icon name="map" size={18} />
          <span>See them on the map</span>
        </Link>
      </header>

      {circles.error ? (
        <ErrorNotice error={circles.error} title="Circles could not be worked out." />
      ) : !circles.data ? (
        <div className="page-loading">
          <Spinner label="Finding your circles" />
        </div>
      ) : circles.data.circles.length === 0 ? (
        <p className="empty">
          No circles yet: they appear once people in your network know each other.
        </p>
      ) : (
        <>
          <p className="page-subtitle circles-summary">
            {plural(circles.data.circles.length, 'circle', 'circles')} ·{' '}
            {plural(
              circles.data.circles.reduce((sum, c) => sum + c.size, 0),
              'person',
              'people',
            )}{' '}
            ·{' '}
            <span title="Modularity: how much more your people know each other within circles than across them">
              how distinct they are: {Math.round(circles.data.modularity * 100)} of 100
            </span>
          </p>
          <ul className="circles" aria-label="Circles">
            {circles.data.circles.map((circle) => (
              <CircleItem
                key={circle.id}
                workspaceId={workspace.id}
                circle={circle}
                canEdit={canEdit}
                onRenamed={onRenamed}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface CircleItemProps {
  readonly workspaceId: string;
  readonly circle: Circle;
  readonly canEdit: boolean;
  readonly onRenamed: (circle: Circle) => void;
}

function CircleItem({ workspaceId, circle, canEdit, onRenamed }: CircleItemProps) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(circle.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) input.current?.select();
    else if (wasEditing.current) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed === circle.name) {
      setEditing(false);
      setName(circle.name);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onRenamed(await api.network.renameCircle(workspaceId, circle.id, trimmed));
      setEditing(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    setEditing(false);
    setName(circle.name);
    setError(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  const nameError = error instanceof ApiError ? error.reasonFor('name') : undefined;
  const titleId = `circle-${circle.id}-name`;

  return (
    <li className="card circle" aria-labelledby={titleId}>
      <div className="circle-head">
        <span
          className="circle-swatch"
          style={{ background: circleColour(circle.id) }}
          aria-hidden="true"
        />
        {editing ? (
          <form className="circle-rename" onSubmit={save} aria-label={`Rename ${circle.name}`}>
            <label htmlFor={`${titleId}-input`} className="visually-hidden">
              New name for {circle.name}
            </label>
            <input
              ref={input}
              id={`${titleId}-input`}
              type="text"
              value={name}
              maxLength={100}
              aria-invalid={nameError ? true : undefined}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={onKeyDown}
            />
            <button type="submit" className="button button-small button-primary" disabled={busy}>
              Save
            </button>
            <button type="button" className="button button-small button-quiet" onClick={cancel}>
              Cancel
            </button>
          </form>
        ) : (
          <>
            <h2 id={titleId} className="circle-name">
              {circle.name}
              {circle.namedByHost ? <span className="badge">Named by you</span> : null}
            </h2>
            {canEdit ? (
              <button
                ref={renameButton}
                type="button"
                className="icon-button"
                aria-label={`Rename ${circle.name}`}
                title="Rename"
                onClick={() => setEditing(true)}
              >
                <Icon name="pencil" size={16} />
              </button>
            ) : null}
          </>
        )}
        <span className="circle-size">{plural(circle.size, 'person', 'people')}</span>
      </div>
      {nameError ? <p className="field-error">{nameError}</p> : <ErrorNotice error={error} />}

      {circle.labels.length > 0 ? (
        <ul className="tags circle-labels" aria-label={`What ${circle.name} shares`}>
          {circle.labels.map((label) => (
            <li
              key={`${label.kind}:${label.value}`}
              className="tag tag-interest"
              title={`${LABEL_KINDS[label.kind] ?? label.kind}: ${Math.round(label.share * 100)}% of the circle`}
            >
              {label.value}
              <span className="tag-share"> {Math.round(label.share * 100)}%</span>
            </li>
          ))}
        </ul>
      ) : null}

      {circle.sample.length > 0 ? (
        <p className="circle-sample">
          <span className="muted">Best connected: </span>
          {circle.sample.map((person, index) => (
            <span key={person.id}>
              {index > 0 ? ', ' : ''}
              <Link to={`/people/${person.id}`}>{person.displayName}</Link>
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}
