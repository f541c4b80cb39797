import {
  CONTEXT_LABELS,
  KIND_LABELS,
  type MomentContext,
  type MomentKind,
} from '../../domain/moment';
import type { MomentOfPerson } from '../api/client';
import { formatDay, parseDay } from '../lib/date';
import { MARK_LABELS } from '../lib/labels';
import { plural } from '../lib/text';

const kindOf = (moment: MomentOfPerson): string =>
  KIND_LABELS[moment.kind as MomentKind] ?? moment.kind;
const titleOf = (moment: MomentOfPerson): string => moment.title || kindOf(moment);

/** The moments someone was part of, newest first, grouped by year. */
export function MomentTimeline({ moments }: { moments: readonly MomentOfPerson[] }) {
  if (moments.length === 0) return <p className="muted">No moments yet.</p>;
  const sorted = [...moments].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
  const years = new Map<number, MomentOfPerson[]>();
  for (const moment of sorted) {
    const year = parseDay(moment.occurredOn).getFullYear();
    years.set(year, [...(years.get(year) ?? []), moment]);
  }
  return (
    <div className="timeline">
      {[...years].map(([year, list]) => (
        <section key={year} className="timeline-year" aria-label={String(year)}>
          <h3 className="timeline-year-label">{year}</h3>
          <ol className="timeline-list">
            {list.map((moment) => (
              <li key={moment.id} className="timeline-item">
                <span className={`timeline-dot context-${moment.context}`} aria-hidden="true" />
                <div className="timeline-body">
                  <p className="timeline-title">
                    <span>{titleOf(moment)}</span>
                    <span className={`mark mark-${moment.mark}`}>
                      {MARK_LABELS[moment.mark] ?? moment.mark}
                    </span>
                  </p>
                  <p className="timeline-meta">
                    {[
                      formatDay(moment.occurredOn),
                      ...(kindOf(moment) !== titleOf(moment) ? [kindOf(moment)] : []),
                      CONTEXT_LABELS[moment.context as MomentContext] ?? moment.context,
                      ...(moment.place ? [moment.place] : []),
                      ...(moment.attendeeCount > 1
                        ? [`with ${plural(moment.attendeeCount - 1, 'other', 'others')}`]
                        : []),
                    ].join(' · ')}
                  </p>
                  {moment.notes ? <p className="timeline-notes">{moment.notes}</p> : null}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
