import { describe, expect, it } from 'vitest';
import { IdPositions } from './id-positions';
import { newId } from './ids';

/** Each id's position as found in the ids joined by `sep`, walking the text as the store does. */
const findAll = (positions: IdPositions, text: string, sep = '\u001f'): number[] => {
  const found: number[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf(sep, start);
    if (end === -1) end = text.length;
    found.push(positions.at(text, start, end));
    start = end + 1;
  }
  return found;
};

describe('IdPositions', () => {
  it('finds UUIDs inside a joined text, in any order, and answers -1 for unknown ones', () => {
    const ids = Array.from({ length: 500 }, () => newId());
    const positions = new IdPositions(ids);
    const asked = [ids[499]!, newId(), ids[0]!, ids[250]!, ids[250]!];
    expect(findAll(positions, asked.join('\u001f'))).toEqual([499, -1, 0, 250, 250]);
  });

  it('tells apart UUIDs that share their last digits', () => {
    // The last word decides where a UUID is looked for; these collide there and nowhere else.
    const ids = [
      '0190f1a2-0000-7000-8000-00000000abcd',
      '0190f1a2-0000-7000-8000-11110000abcd',
      '0190f1a2-0001-7000-8000-00000000abcd',
      '0190f1a3-0000-7000-8000-00000000abcd',
    ];
    const positions = new IdPositions(ids);
    expect(findAll(positions, [...ids].reverse().join(','), ',')).toEqual([3, 2, 1, 0]);
    expect(findAll(positions, '0190f1a2-0000-7000-8000-22220000abcd')).toEqual([-1]);
  });

  it('stays quick when thousands of ids share all but their first digits (UUIDv1 from one machine)', () => {
    const ids = Array.from(
      { length: 20_000 },
      (_, i) => `${i.toString(16).padStart(8, '0')}-1dd2-11b2-8000-0242ac120002`,
    );
    const started = performance.now();
    const positions = new IdPositions(ids);
    expect(findAll(positions, ids.join('\u001f'))).toEqual(ids.map((_, i) => i));
    // One probe chain would make this quadratic: minutes, not milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('keeps the first position of an id given twice', () => {
    const id = newId();
    const positions = new IdPositions([id, 'p1', id, 'p1']);
    expect(findAll(positions, `${id}\u001fp1`)).toEqual([0, 1]);
  });

  it('finds ids that are not canonical UUIDs by their whole text', () => {
    const ids = ['p1', 'ABCDEF01-0000-7000-8000-000000000001', 'Zoë-1', '', newId()];
    const positions = new IdPositions(ids);
    expect(findAll(positions, ids.join('\u001f'))).toEqual([0, 1, 2, 3, 4]);
    expect(findAll(positions, 'abcdef01-0000-7000-8000-000000000001')).toEqual([-1]);
  });

  it('never mistakes a text with a non-hex character for the UUID it resembles', () => {
    const real = '0190f1a2-0000-7000-8000-fffffffffff5';
    const positions = new IdPositions([real, 'x']);
    for (const lookalike of [
      'g190f1a2-0000-7000-8000-fffffffffff5',
      '0190f1a2-0000-7000-8000-gffffffffff5',
      '0190f1a2-0000-7000-8000-fffffffffff\u0105',
      '0190f1a2x0000-7000-8000-fffffffffff5',
    ])
      expect(positions.at(lookalike, 0, lookalike.length)).toBe(-1);
    expect(positions.at(`..${real}..`, 2, 38)).toBe(0);
  });

  it('answers -1 for everything when it holds no ids', () => {
    const positions = new IdPositions([]);
    const id = newId();
    expect(positions.at(id, 0, id.length)).toBe(-1);
    expect(positions.at('p1', 0, 2)).toBe(-1);
  });
});
