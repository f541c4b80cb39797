import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmark, runInstance } from './compose.bench';

const file = (content: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'compose-')), 'instance.json');
  writeFileSync(path, content);
  return path;
};

describe('the compose benchmark', () => {
  it('runs in quick mode: optimality, speed with a short seating reference, the fast series', async () => {
    const sections = await benchmark.run({ args: [], quick: true, log: () => {} });
    expect(sections.map((s) => s.title)).toHaveLength(3);
    const rows = sections.flatMap((s) => s.rows);
    for (const row of rows) expect(Number.isFinite(row.ours)).toBe(true);
    const byName = new Map(rows.map((row) => [row.name, row]));
    expect(byName.get('dense, 40 candidates: worst gap to the optimum')?.ours).toBeLessThanOrEqual(
      1,
    );
    expect(byName.get('9 people in groups of 3, 4 rounds')?.ours).toBe(0);
    expect(byName.get('seating value short of a 1 s run of the same search')).toBeDefined();
  }, 240_000);

  it('checks an instance from a file: the chosen table and the proven optimum', () => {
    const path = file(
      JSON.stringify({
        n: 5,
        k: 2,
        weights: [
          [0, 1, 1],
          [2, 3, 4],
        ],
        gain: [0, 0, 0.5, 0, 3],
        must: [],
        never: [[2, 3]],
      }),
    );
    const result = runInstance(path);
    expect(result).toMatchObject({
      ok: true,
      output: { chosen: [2, 4], value: 3.5, optimum: 3.5 },
    });
  });

  it('names the problem in a bad instance file', () => {
    const bad = (content: string) => {
      const result = runInstance(file(content));
      return result.ok ? 'accepted' : result.message.split(': ').slice(1).join(': ');
    };
    expect(bad('{"n": 3, "k": 2, "weights": [[0, 5, 1]]}')).toBe(
      'weights[0][1]: 5 is not a person 0…2',
    );
    expect(bad('{"n": 3, "k": 2, "weights": [[0, 1, "NaN"]]}')).toBe(
      'weights[0]: weight NaN is not a finite number',
    );
    expect(bad('{"n": 3, "k": 2, "weights": []')).toMatch(/JSON/);
    expect(bad('{"n": 3, "k": 2, "weights": [], "must": [0, 1], "never": [[0, 1]]}')).toBe(
      'no choice of 2 keeps must and never',
    );
  });
});
