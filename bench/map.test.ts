import { describe, expect, it } from 'vitest';
import { benchmark } from './map.bench';

describe('the map benchmark', () => {
  it('runs in quick mode: a real server, the map page in Chromium, frames counted while dragging', async () => {
    const [section] = await benchmark.run({ args: [], quick: true, log: () => {} });
    expect(section!.rows).toHaveLength(1);
    const [row] = section!.rows;
    // Frames were drawn while the mouse dragged the map, and the page showed every person.
    expect(row!.ours).toBeGreaterThan(0);
    expect(Number.isFinite(row!.ours)).toBe(true);
    expect(row!.note).toMatch(/Showing 300 people · [\d,]+ ties/);
    expect(section!.notes?.[0]).toMatch(/^Chromium \d+/);
  });
});
