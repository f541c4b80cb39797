import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  benchmark,
  bestReference,
  DEFAULT_DATASETS,
  evaluateNetwork,
  NETWORKS,
  qualitySections,
  REFERENCE,
  referenceMismatches,
} from './quality.bench';

describe('the reference table', () => {
  it('names the best index of each network as the README does', () => {
    expect(bestReference('USAir')).toEqual({ index: 'ra', auc: 0.954 });
    expect(bestReference('Power')).toEqual({ index: 'katz', auc: 0.653 });
    expect(NETWORKS.map((n) => bestReference(n).index)).toEqual([
      'ra',
      'lp',
      'lp',
      'lp',
      'ra',
      'katz',
      'lp',
    ]);
  });
});

describe('the quality bench on USAir, quick', () => {
  // Two seeded splits of USAir (332 people): the split-to-split sd is about 0.012, so our
  // baselines land within 0.02 of the README's 10-split values.
  const quality = evaluateNetwork('USAir', { splits: 2, seed: 1 });

  it('reads the network as the README counts it', () => {
    expect(quality.nodes).toBe(332);
    expect(quality.edges).toBe(2126);
  });

  it('computes CN, AA, RA and LP within 0.02 of the README reference values', () => {
    for (const index of ['cn', 'aa', 'ra', 'lp'] as const)
      expect(Math.abs(quality.result.mean[index]! - REFERENCE.USAir[index])).toBeLessThan(0.02);
  });

  it('scores the engine at least as well as RA', () => {
    expect(quality.result.mean.engine!).toBeGreaterThanOrEqual(quality.result.mean.ra!);
  });

  it('reports the baselines against the reference in the section notes', () => {
    const sections = qualitySections([quality], 2, 1);
    expect(sections).toHaveLength(3);
    expect(referenceMismatches(quality)).toEqual([]);
    expect(sections[2]!.notes?.[0]).toBe(
      "Required baselines (CN, AA, RA, LP) on 1 network(s): all within 0.02 of the README's reference values.",
    );
  });
});

describe('npm run bench -- quality --edges FILE --json', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints only the mean AUCs and the number of splits', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const sections = await benchmark.run({
      args: ['--edges', join(DEFAULT_DATASETS, 'NS.txt'), '--splits', '2', '--json'],
      quick: false,
      log: () => {},
    });
    expect(sections).toEqual([]);
    expect(lines).toHaveLength(1);
    const printed = JSON.parse(lines[0]!) as Record<string, number>;
    expect(Object.keys(printed)).toEqual(['engine', 'cn', 'aa', 'ra', 'lp', 'splits']);
    expect(printed.splits).toBe(2);
    for (const key of ['engine', 'cn', 'aa', 'ra', 'lp']) {
      expect(printed[key]).toBeGreaterThan(0.5);
      expect(printed[key]).toBeLessThanOrEqual(1);
    }
  });
});
