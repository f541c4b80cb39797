import { describe, expect, it } from 'vitest';
import { benchmark } from './engine-speed.bench';

describe('the engine-speed benchmark', () => {
  it('runs in quick mode and reports finite figures beside each peer', async () => {
    const sections = await benchmark.run({ args: [], quick: true, log: () => {} });
    expect(sections.map((s) => s.title)).toContain('Engine speed against graphology');
    const rows = sections.flatMap((s) => s.rows);
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) {
      for (const value of [row.ours, row.peerValue, row.ratio])
        if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
    }
    const speed = sections[0]!.rows;
    for (const name of ['pagerank (weighted)', 'circles: Leiden vs Louvain']) {
      const row = speed.find((r) => r.name === name);
      expect(row?.ours).toBeGreaterThan(0);
      expect(row?.peerValue).toBeGreaterThan(0);
      expect(row?.ratio).toBeGreaterThan(0);
    }
  });
});
