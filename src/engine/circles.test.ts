import { describe, expect, it } from 'vitest';
import { type CircleTraits, carryNames, nameCircles } from './circles';

const person = (
  tags: string[] = [],
  organization: string | null = null,
  contexts: string[] = [],
): CircleTraits => ({ tags, organization, contexts });

describe('nameCircles', () => {
  // Circle 0: runners met on Sunday runs; circle 1: climate investors; everyone is a "friend".
  const people = [
    person(['running', 'friend'], null, ['Sunday running group']),
    person(['running', 'friend'], 'Acme', ['Sunday running group']),
    person(['Running', 'friend'], null, ['Sunday running group']),
    person(['friend'], null, ['Sunday running group']),
    person(['climate', 'investor', 'friend'], 'Seedcamp'),
    person(['climate', 'investor', 'friend'], 'Seedcamp'),
    person(['climate', 'investor', 'friend'], 'Acme'),
    person(['Climate', 'friend']),
  ];
  const communities = new Int32Array([0, 0, 0, 0, 1, 1, 1, 1]);

  it('names each circle from its most characteristic labels by lift', () => {
    const circles = nameCircles(communities, people);
    expect(circles.map((c) => c.name)).toEqual([
      'Sunday running group · running',
      'climate · investor',
    ]);
    expect(circles[0]!.labels[0]).toMatchObject({ kind: 'context', count: 4, share: 1, lift: 2 });
    expect(circles[1]!.members).toEqual([4, 5, 6, 7]);
  });

  it('never names a circle after a label everyone shares', () => {
    const circles = nameCircles(communities, people);
    for (const circle of circles)
      expect(circle.labels.map((label) => label.value)).not.toContain('friend');
  });

  it('merges spellings that differ only in case and shows the commonest', () => {
    const circles = nameCircles(communities, people);
    expect(circles[0]!.labels.find((l) => l.kind === 'tag')).toMatchObject({
      value: 'running',
      count: 3,
    });
  });

  it('falls back to a numbered name when nothing stands out', () => {
    const circles = nameCircles(new Int32Array([0, 0, 1, 1]), [
      person(['friend']),
      person(['friend']),
      person(['friend']),
      person(['friend']),
    ]);
    expect(circles.map((c) => c.name)).toEqual(['Circle 1', 'Circle 2']);
  });

  it('keeps names unique when two circles share their best labels', () => {
    const chess = person(['chess']);
    const circles = nameCircles(new Int32Array([0, 0, 0, 1, 1, 1, 2, 2, 2, 2]), [
      chess,
      chess,
      chess,
      chess,
      chess,
      chess,
      person(),
      person(),
      person(),
      person(),
    ]);
    expect(circles.map((c) => c.name)).toEqual(['chess', 'chess 2', 'Circle 1']);
  });

  it('leaves people labelled −1 out of every circle', () => {
    const circles = nameCircles(new Int32Array([-1, 0, 0]), [
      person(['host']),
      person(['chess']),
      person(['chess']),
    ]);
    expect(circles).toHaveLength(1);
    expect(circles[0]).toMatchObject({ name: 'chess', members: [1, 2] });
  });

  it('handles no people, people with no labels and missing entries', () => {
    expect(nameCircles(new Int32Array(0), [])).toEqual([]);
    const circles = nameCircles(new Int32Array([0, 1]), [undefined, person()]);
    expect(circles.map((c) => c.name)).toEqual(['Circle 1', 'Circle 2']);
  });
});

describe('carryNames', () => {
  const previous = [
    { name: 'Sunday running group', members: ['a', 'b', 'c', 'd'] },
    { name: 'Climate investors', members: ['e', 'f', 'g'] },
  ];

  it('keeps a host-given name when the new circle is mostly the same people', () => {
    const next = [
      { name: 'running · Acme', members: ['a', 'b', 'c', 'x'] },
      { name: 'climate · investor', members: ['e', 'f', 'g', 'h'] },
    ];
    const carried = carryNames(previous, next);
    expect(carried.map((c) => c.name)).toEqual(['Sunday running group', 'Climate investors']);
    expect(carried.map((c) => c.carriedFrom)).toEqual([0, 1]);
  });

  it('lets a name go when fewer than half of the people stayed', () => {
    const carried = carryNames(previous, [{ name: 'new', members: ['a', 'x', 'y'] }]);
    expect(carried).toEqual([{ name: 'new', members: ['a', 'x', 'y'], carriedFrom: null }]);
  });

  it('gives an old name to its best match only, best matches first', () => {
    const carried = carryNames(
      [{ name: 'Book club', members: ['a', 'b', 'c', 'd'] }],
      [
        { name: 'half', members: ['a', 'b'] },
        { name: 'most', members: ['a', 'b', 'c'] },
      ],
    );
    expect(carried.map((c) => c.name)).toEqual(['half', 'Book club']);
  });

  it('keeps extra fields and handles empty lists', () => {
    expect(carryNames([], [{ name: 'x', members: [], size: 0 }])).toEqual([
      { name: 'x', members: [], size: 0, carriedFrom: null },
    ]);
    expect(carryNames(previous, [])).toEqual([]);
  });
});
