import { describe, expect, it } from 'vitest';
import { formatDelta, pairLookup, tableValues } from './gathering';

describe('the planner’s numbers', () => {
  it('signs a change in value, with a true minus sign', () => {
    expect(formatDelta(0.123)).toBe('+0.12');
    expect(formatDelta(-0.05)).toBe('−0.05');
    expect(formatDelta(0.001)).toBe('±0.00');
  });

  it('sums the pair values within each table, whichever way a pair is named', () => {
    const value = pairLookup([
      { a: 'ana', b: 'ben', value: 0.5 },
      { a: 'carla', b: 'ana', value: 0.25 },
      { a: 'ben', b: 'carla', value: 0.125 },
    ]);
    expect(tableValues([['ana', 'ben', 'carla'], ['dev']], value)).toEqual([0.875, 0]);
    expect(tableValues([['ana', 'carla'], ['ben']], value)).toEqual([0.25, 0]);
  });
});
