import { describe, expect, it } from 'vitest';
import { benchmark } from './network.bench';

describe('the network benchmark', () => {
  it('runs in quick mode: the graph from the store, then a real server asked over HTTP', async () => {
    const [section] = await benchmark.run({ args: [], quick: true, log: () => {} });
    const byName = new Map(section!.rows.map((row) => [row.name, row]));
    for (const row of section!.rows) expect(Number.isFinite(row.ours)).toBe(true);
    expect(byName.get('compact graph built from the store (ties read + CSR)')?.note).toMatch(
      /\d[\d,]* ties/,
    );
    expect(byName.get('suggestions, hub, p99 (HTTP)')?.note).toMatch(/2 people with 2\d\d/);
    // The server's own memory, read from the operating system: more than Node alone.
    expect(byName.get('peak RSS of salon serve with the network loaded')?.ours).toBeGreaterThan(40);
  });
});
