import { describe, expect, it } from 'vitest';
import { benchmark as foundation } from './foundation.bench';

const finiteRows = (sections: Awaited<ReturnType<typeof foundation.run>>) => {
  const rows = sections.flatMap((s) => s.rows);
  for (const row of rows) {
    for (const value of [row.ours, row.peerValue, row.ratio]) {
      if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
    }
  }
  return rows;
};

describe('the foundation benchmark', () => {
  it('measures search, list and demo load in quick mode, with PostgreSQL beside SQLite when it answers', async () => {
    const rows = finiteRows(await foundation.run({ args: [], quick: true, log: () => {} }));
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'people search p95 (API, in-process)',
        'people list page p95 (50 people)',
      ]),
    );
    expect(rows.every((r) => (r.ours ?? 0) > 0)).toBe(true);
  });
});
