import { describe, expect, it } from 'vitest';
import { benchmark } from './contacts.bench';

describe('the contacts benchmark', () => {
  it('runs in quick mode and reports finite figures for every measure', async () => {
    const sections = await benchmark.run({ args: [], quick: true, log: () => {} });
    const rows = sections.flatMap((s) => s.rows);
    const names = rows.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'bare CSV parse: own tokenizer',
        'import LinkedIn export into SQLite',
        're-import, all matches (SQLite)',
        'export everyone as vCard 3.0 (SQLite)',
        'peak RSS of the import (own process, SQLite)',
      ]),
    );
    for (const row of rows) {
      expect(Number.isFinite(row.ours), row.name).toBe(true);
      expect(row.ours).toBeGreaterThan(0);
      for (const value of [row.peerValue, row.ratio]) {
        if (value !== undefined) expect(Number.isFinite(value), row.name).toBe(true);
      }
    }
  });
});
