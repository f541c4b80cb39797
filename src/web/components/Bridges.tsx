import { plural } from '../lib/text';

/** The circles someone's ties lead into most, and how many circles they span in all. */
export function Bridges({ bridges, spanned }: { bridges: readonly string[]; spanned: number }) {
  return (
    <div className="bridges">
      <p className="bridges-label">Spans {plural(spanned, 'circle', 'circles')}</p>
      {bridges.length > 0 ? (
        <ul className="tags" aria-label="Circles their ties lead into most">
          {bridges.map((b) => (
            <li key={b} className="tag">
              {b}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
