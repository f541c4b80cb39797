import { Link } from 'react-router';
import {
  CONTEXT_LABELS,
  KIND_LABELS,
  type MomentContext,
  type MomentKind,
} from '../../domain/moment';
import type { Moment } from '../api/client';
import { formatDay } from '../lib/date';
import { MARK_LABELS } from '../lib/labels';

interface MomentListProps {
  readonly moments: readonly Moment[];
  /** With it, each moment offers Edit and Delete. */
  readonly onDelete?: (moment: Moment) => void;
}

/** Moments as the host logged them, newest first: what, when, where, and who was there. */
export function MomentList({ moments, onDelete }: MomentListProps) {
  if (moments.length === 0) return <p className="muted">No moments logged yet.</p>;
  return (
    <ol className="moment-list">
      {moments.map((moment) => {
        const kind = KIND_LABELS[moment.kind as MomentKind] ?? moment.kind;
        return (
          <li key={moment.id} className="moment-item" aria-label={moment.title}>
            <div className="moment-item-head">
              <p className="timeline-title">{moment.title}</p>
              {onDelete ? (
                <div className="moment-item-actions">
                  <Link
                    to={`/moments/${moment.id}/edit`}
                    className="button button-quiet"
                    aria-label={`Edit ${moment.title}`}
                  >
                    Edit
                  </Link>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Delete ${moment.title}`}
                    onClick={() => onDelete(moment)}
                  >
                    Delete
                  </button>
                </div>
              ) : null}
            </div>
            <p className="timeline-meta">
              {[
                formatDay(moment.occurredOn),
                ...(kind !== moment.title ? [kind] : []),
                CONTEXT_LABELS[moment.context as MomentContext] ?? moment.context,
                ...(moment.place ? [moment.place] : []),
              ].join(' · ')}
            </p>
            {moment.attendees.length > 0 ? (
              <ul className="moment-people" aria-label={`Who was at ${moment.title}`}>
                {moment.attendees.map((a) => (
                  <li key={a.personId}>
                    <Link to={`/people/${a.personId}`}>{a.displayName}</Link>{' '}
                    <span className={`mark mark-${a.mark}`}>{MARK_LABELS[a.mark] ?? a.mark}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {moment.notes ? <p className="timeline-notes">{moment.notes}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
