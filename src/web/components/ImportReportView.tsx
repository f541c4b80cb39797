import { Link } from 'react-router';
import { personFieldLabel } from '../../domain/person';
import type { ImportReport } from '../api/client';
import { MATCHED_BY_LABELS } from '../lib/labels';
import { plural } from '../lib/text';

const LIST_SHOWN = 8;

type Counts = ImportReport['counts'];

/** The counts of an import or its preview, as a row of figures. */
export function ImportCounts({ counts, preview }: { counts: Counts; preview: boolean }) {
  const figures: Array<{ key: keyof Counts; label: string; hint: string }> = [
    {
      key: 'created',
      label: preview ? 'New people' : 'Added',
      hint: 'Not in your network yet',
    },
    {
      key: 'updated',
      label: preview ? 'To update' : 'Updated',
      hint: 'Already here: empty fields filled, emails, phones and tags added',
    },
    {
      key: 'unchanged',
      label: 'Already up to date',
      hint: 'Already here with everything the file says',
    },
    { key: 'merged', label: 'Duplicates merged', hint: 'The same person twice in the files' },
    { key: 'conflicts', label: 'Conflicts', hint: 'Could be one of several people: left for you' },
    { key: 'rejected', label: 'Rows with problems', hint: 'Not imported' },
  ];
  return (
    <dl className="import-counts">
      {figures.map((f) => (
        <div
          key={f.key}
          className={`import-count${counts[f.key] > 0 && (f.key === 'rejected' || f.key === 'conflicts') ? ' import-count-warn' : ''}`}
          title={f.hint}
        >
          <dt className="import-count-label">{f.label}</dt>
          <dd className="import-count-value">{counts[f.key].toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}

const placeText = (place: { file: string; line: number }): string => `${place.file}:${place.line}`;

/** What the preview found, beyond the counts: duplicates, matches, conflicts and problems. */
export function ImportDetails({ report }: { report: ImportReport }) {
  const { duplicates, matches, conflicts, problems } = report;
  return (
    <div className="import-details">
      {duplicates.length > 0 ? (
        <details className="import-detail" open={duplicates.length <= LIST_SHOWN}>
          <summary>
            {plural(report.counts.merged, 'duplicate', 'duplicates')} recognised between the records
          </summary>
          <ul className="import-rows">
            {duplicates.slice(0, 100).map((d) => (
              <li key={`${d.file}:${d.line}`}>
                <strong>{d.displayName}</strong> <span className="muted">({placeText(d)})</span> is
                the same person as <strong>{d.into.displayName}</strong>{' '}
                <span className="muted">
                  ({placeText(d.into)}, {MATCHED_BY_LABELS[d.matchedBy] ?? d.matchedBy})
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {matches.length > 0 ? (
        <details className="import-detail" open={matches.length <= LIST_SHOWN}>
          <summary>
            {plural(matches.length, 'person is', 'people are')} already in your network
          </summary>
          <ul className="import-rows">
            {matches.slice(0, 100).map((m) => (
              <li key={`${m.file}:${m.line}`}>
                <strong>{m.displayName}</strong> <span className="muted">({placeText(m)})</span> is{' '}
                <Link to={`/people/${m.personId}`}>{m.personName}</Link>{' '}
                <span className="muted">({MATCHED_BY_LABELS[m.matchedBy] ?? m.matchedBy})</span>
                {m.fields.length > 0 ? (
                  <span className="import-fields">
                    {' '}
                    · adds {m.fields.map(personFieldLabel).join(', ')}
                  </span>
                ) : (
                  <span className="muted"> · nothing new</span>
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {conflicts.length > 0 ? (
        <section className="import-detail import-conflicts" aria-labelledby="conflicts-title">
          <h3 id="conflicts-title">
            {plural(conflicts.length, 'conflict', 'conflicts')}: left for you to resolve
          </h3>
          <p className="muted">
            Each of these records could be more than one person already here, so Salon does not
            guess: they are left out of the import. Add what matters to the right person by hand.
          </p>
          <ul className="import-rows">
            {conflicts.slice(0, 100).map((c) => (
              <li key={`${c.file}:${c.line}`}>
                <strong>{c.displayName}</strong> <span className="muted">({placeText(c)})</span>:{' '}
                {c.reason}
                {c.candidates.length > 0 ? (
                  <>
                    {' '}
                    — could be{' '}
                    {c.candidates.map((candidate, index) => (
                      <span key={candidate.id}>
                        {index > 0 ? ' or ' : ''}
                        <Link to={`/people/${candidate.id}`}>{candidate.displayName}</Link>
                      </span>
                    ))}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {problems.length > 0 ? (
        <section className="import-detail import-problems" aria-labelledby="problems-title">
          <h3 id="problems-title">
            {plural(problems.length, 'problem', 'problems')} in{' '}
            {plural(report.counts.rejected, 'row', 'rows')}
          </h3>
          <ul className="problem-list">
            {problems.slice(0, 200).map((p, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one row may have two problems in one field.
              <li key={`${p.file}:${p.line}:${p.field}:${index}`}>
                <code className="problem-place">
                  {p.file}:{p.line}
                </code>{' '}
                <span className="problem-field">{p.field}</span>: {p.reason}
              </li>
            ))}
          </ul>
          {problems.length > 200 ? (
            <p className="muted">…and {(problems.length - 200).toLocaleString()} more.</p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
