import { formatValue } from '../lib/gathering';

/**
 * A table's value as a labelled meter: the sum of its pair values and its guests' own values.
 * The scale's top is what a table of this size could reach were every pair and guest worth 1.
 */
export function TableValue({ value, guests }: { value: number; guests: number }) {
  const pairs = (guests * (guests + 1)) / 2;
  const top = Math.max(1, pairs + guests);
  return (
    <div className="table-value">
      <label className="table-value-label" htmlFor="table-value-meter">
        Table value <strong>{formatValue(value)}</strong>
      </label>
      <meter
        id="table-value-meter"
        min={0}
        max={top}
        low={top * 0.2}
        high={top * 0.5}
        optimum={top}
        value={Math.max(0, Math.min(value, top))}
      >
        {formatValue(value)}
      </meter>
    </div>
  );
}
