/** Numbers of a table as the planner shows them: values, changes in value, seating sums. */

/** A table's value with two decimals: "3.42". */
export const formatValue = (value: number): string => value.toFixed(2);

/** A change in value with its sign: "+0.12", "−0.05" (a true minus sign), "±0.00". */
export const formatDelta = (delta: number): string => {
  const rounded = Math.round(delta * 100) / 100;
  if (rounded === 0) return '±0.00';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(2)}`;
};

/** Pair values among seated people, looked up by the two ids in either order. */
export const pairLookup = (
  pairs: ReadonlyArray<{ readonly a: string; readonly b: string; readonly value: number }>,
): ((a: string, b: string) => number) => {
  const values = new Map<string, number>();
  for (const p of pairs) {
    values.set(`${p.a} ${p.b}`, p.value);
    values.set(`${p.b} ${p.a}`, p.value);
  }
  return (a, b) => values.get(`${a} ${b}`) ?? 0;
};

/** The value within each table: the sum of the pair values of the people seated together. */
export const tableValues = (
  tables: ReadonlyArray<readonly string[]>,
  pairValue: (a: string, b: string) => number,
): number[] =>
  tables.map((people) => {
    let sum = 0;
    for (let x = 0; x < people.length; x++)
      for (let y = x + 1; y < people.length; y++) sum += pairValue(people[x]!, people[y]!);
    return sum;
  });

/** When a gathering is, on its own wall clock: "Thu, 10 Dec 2026, 08:00 (Europe/Berlin)". */
export const whenOf = (g: {
  readonly startsAt: string | null;
  readonly timeZone: string;
}): string => {
  if (!g.startsAt) return 'No date yet';
  try {
    const text = new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: g.timeZone,
    }).format(new Date(g.startsAt));
    return `${text} (${g.timeZone})`;
  } catch {
    return g.startsAt;
  }
};
