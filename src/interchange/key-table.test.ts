import { describe, expect, it } from 'vitest';
import { IntList, KeyTable, Postings } from './key-table';

describe('the table of matching keys', () => {
  it('numbers each distinct key once, in the order added, and finds it again', () => {
    const table = new KeyTable();
    expect(table.add('ana@example.com')).toBe(0);
    expect(table.add('in/ana-silva')).toBe(1);
    expect(table.add('ana@example.com')).toBe(0);
    expect(table.find('in/ana-silva')).toBe(1);
    expect(table.find('in/ana-silv')).toBe(-1);
    expect(table.find('')).toBe(-1);
    expect(table.add('')).toBe(2);
    expect(table.find('')).toBe(2);
  });

  it('tells apart keys in any script, and keys that differ only past the ASCII range', () => {
    const table = new KeyTable();
    const keys = ['jose garcia', 'josé garcía', 'иван петров', '王小明', 'zoë', 'zoe', '😀 smile'];
    const ids = keys.map((key) => table.add(key));
    expect(new Set(ids).size).toBe(keys.length);
    expect(keys.map((key) => table.find(key))).toEqual(ids);
  });

  it('keeps every key findable as it grows past its first sizes', () => {
    const table = new KeyTable();
    const keys = Array.from({ length: 100_000 }, (_, i) => `person${i}@example.com`);
    for (const key of keys) table.add(key);
    expect(keys.every((key, i) => table.find(key) === i)).toBe(true);
    expect(table.find('person100000@example.com')).toBe(-1);
  });
});

describe('entries by key', () => {
  const entriesOf = (postings: Postings, key: string): number[] => [
    ...(postings.collect(key, true, null)?.keys() ?? []),
  ];

  it('keeps each key’s entries once, in the order posted', () => {
    const postings = new Postings();
    postings.post('sam lee', 0, true);
    postings.post('sam lee', 0, true);
    postings.post('ana silva', 1, true);
    postings.post('sam lee', 2, true);
    postings.post('sam lee', 0, false);
    postings.post('sam lee', 1, false);
    expect(entriesOf(postings, 'sam lee')).toEqual([0, 2, 1]);
    expect(entriesOf(postings, 'ana silva')).toEqual([1]);
    expect(postings.collect('nobody', true, null)).toBeNull();
  });

  it('adds to what was collected before, keeping the first value of an entry', () => {
    const postings = new Postings();
    postings.post('ana@example.com', 4, true);
    postings.post('in/ana', 4, true);
    postings.post('in/ana', 7, true);
    const found = postings.collect(
      'in/ana',
      'linkedin',
      postings.collect('ana@example.com', 'email', null),
    );
    expect([...(found ?? [])]).toEqual([
      [4, 'email'],
      [7, 'linkedin'],
    ]);
  });
});

describe('a growing list of integers', () => {
  it('reads zero where nothing was set, and keeps values as it grows', () => {
    const list = new IntList();
    list.set(3, 7);
    list.set(5000, 9);
    expect([list.get(3), list.get(4), list.get(5000), list.get(1_000_000)]).toEqual([7, 0, 9, 0]);
  });
});
