import { useMemo, useState } from 'react';
import type { Seating } from '../api/client';
import { formatDelta, formatValue, pairLookup, tableValues } from '../lib/gathering';

type Person = Seating['tables'][number]['people'][number];

/** Places n names evenly around a circle of radius r centred at (c, c). */
const around = (n: number, r: number, c: number) =>
  Array.from({ length: n }, (_, k) => {
    const angle = (2 * Math.PI * k) / Math.max(1, n) - Math.PI / 2;
    return { x: c + r * Math.cos(angle), y: c + r * Math.sin(angle) };
  });

const tableNames = (count: number): string[] =>
  Array.from({ length: count }, (_, k) => `Table ${k + 1}`);

const firstName = (name: string): string => name.split(/\s+/)[0] ?? name;

/**
 * The seating drawn as round tables with their people around them. Moving someone to another
 * table (with the select beside their name) shows each table's value and the change in the
 * total against the proposed seating.
 */
export function SeatingView({ seating }: { seating: Seating }) {
  const people = useMemo(() => seating.tables.flatMap((t) => t.people), [seating]);
  const value = useMemo(() => pairLookup(seating.pairs), [seating]);
  const proposed = useMemo(
    () => Object.fromEntries(seating.tables.flatMap((t, k) => t.people.map((p) => [p.id, k]))),
    [seating],
  );
  const [tableOf, setTableOf] = useState<Record<string, number>>(proposed);

  const tables = seating.tables.map((_, k) => people.filter((p) => tableOf[p.id] === k));
  const values = tableValues(
    tables.map((t) => t.map((p) => p.id)),
    value,
  );
  const total = values.reduce((a, b) => a + b, 0);
  const base = tableValues(
    seating.tables.map((t) => t.people.map((p) => p.id)),
    value,
  ).reduce((a, b) => a + b, 0);
  const moved = people.some((p) => tableOf[p.id] !== proposed[p.id]);

  return (
    <div className="seating">
      <p className="seating-total" aria-live="polite">
        Value within tables <strong>{formatValue(total)}</strong>
        {moved ? (
          <>
            {' '}
            <span className={total >= base ? 'delta delta-up' : 'delta delta-down'}>
              {formatDelta(total - base)}
            </span>{' '}
            against the proposed seating{' '}
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => setTableOf(proposed)}
            >
              Undo moves
            </button>
          </>
        ) : null}
      </p>
      <div className="seating-tables">
        {tables.map((seated, k) => (
          <TableCircle
            key={seating.tables[k]!.people[0]?.id ?? k}
            number={k + 1}
            size={seating.tables[k]!.size}
            seated={seated}
            value={values[k] ?? 0}
            tableCount={seating.tables.length}
            onMove={(personId, to) => setTableOf({ ...tableOf, [personId]: to })}
            strongest={seating.tables[k]!.strongestPairs.map((p) => p.sentence)}
            showStrongest={!moved}
          />
        ))}
      </div>
    </div>
  );
}

function TableCircle({
  number,
  size,
  seated,
  value,
  tableCount,
  onMove,
  strongest,
  showStrongest,
}: {
  number: number;
  size: number;
  seated: readonly Person[];
  value: number;
  tableCount: number;
  onMove: (personId: string, table: number) => void;
  strongest: readonly string[];
  showStrongest: boolean;
}) {
  const spots = around(seated.length, 62, 90);
  const over = seated.length > size;
  return (
    <section className="card seating-table" aria-label={`Table ${number}`}>
      <h3>
        Table {number}{' '}
        <span className="muted">
          {seated.length} of {size} · value {formatValue(value)}
        </span>
      </h3>
      {over ? <p className="field-error">More people than its {size} seats.</p> : null}
      <svg
        viewBox="0 0 180 180"
        className="seating-svg"
        role="img"
        aria-label={`Table ${number}: ${seated.map((p) => p.displayName).join(', ')}`}
      >
        <circle cx="90" cy="90" r="44" className="seating-board" />
        <text x="90" y="95" textAnchor="middle" className="seating-number">
          {number}
        </text>
        {seated.map((p, i) => (
          <g key={p.id}>
            <circle
              cx={spots[i]!.x}
              cy={spots[i]!.y}
              r="15"
              className={p.isHost ? 'seat seat-host' : 'seat'}
            />
            <text x={spots[i]!.x} y={spots[i]!.y + 4} textAnchor="middle" className="seat-label">
              {firstName(p.displayName).slice(0, 6)}
            </text>
          </g>
        ))}
      </svg>
      <ul className="plain-list seating-people">
        {seated.map((p) => (
          <li key={p.id} className="seating-person">
            <span>
              {p.displayName}
              {p.isHost ? ' (you)' : ''}
            </span>
            <select
              aria-label={`Table for ${p.displayName}`}
              value={number - 1}
              onChange={(e) => onMove(p.id, Number(e.target.value))}
            >
              {tableNames(tableCount).map((name, k) => (
                <option key={name} value={k}>
                  {name}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      {showStrongest && strongest.length > 0 ? (
        <ul
          className="plain-list muted seating-pairs"
          aria-label={`Strongest pairs at table ${number}`}
        >
          {strongest.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
