import { describe, expect, it } from 'vitest';
import { type CircleTraits, carriedNames, carryNames, nameCircles } from './circles';

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

describe('names across recomputations (carriedNames and nameCircles)', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
  const dinner = person(['dinner'], null, ['Wedding']);

  /** Names the partition, keeping the names of `previous` (as the app does on each rebuild). */
  const rename = (
    communities: Int32Array,
    people: readonly CircleTraits[],
    previous: ReadonlyArray<{ name: string; members: string[] }>,
  ) => nameCircles(communities, people, {}, carriedNames(communities, ids, previous));

  it('keeps an automatic name while the circle is mostly the same people', () => {
    // Five people with nothing in common are "Circle 1"; then three of them get a label.
    const first = rename(new Int32Array([0, 0, 0, 0, 0]), Array(5).fill(person()), []);
    expect(first.map((c) => c.name)).toEqual(['Circle 1']);
    const tagged = [dinner, dinner, dinner, ...Array<CircleTraits>(7).fill(person())];
    const previous = first.map((c) => ({ name: c.name, members: c.members.map((i) => ids[i]!) }));
    const grown = new Int32Array([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(rename(grown, tagged, previous).map((c) => c.name)).toEqual(['Circle 1', 'Circle 2']);
    // Without the previous names the same partition would be named afresh.
    expect(nameCircles(grown, tagged)[0]!.name).toBe('dinner · Wedding');
  });

  it('keeps a labelled name when the labels drift, and numbers placeholders stably', () => {
    const previous = [
      { name: 'Wedding · dinner', members: ['a', 'b', 'c', 'd'] },
      { name: 'Circle 1', members: ['e', 'f', 'g'] },
    ];
    // Circle numbers swap, one person joins each, and a new unlabelled circle appears first.
    const communities = new Int32Array([1, 1, 1, 1, 2, 2, 2, 2, 0, 0]);
    const circles = rename(communities, Array(10).fill(person()), [...previous]);
    expect(circles.map((c) => c.name)).toEqual(['Circle 2', 'Wedding · dinner', 'Circle 1']);
  });

  it('lets a name go when fewer than half of the people stayed, and never reuses a kept name', () => {
    const previous = [{ name: 'chess', members: ['a', 'b', 'c', 'd', 'e', 'f'] }];
    const chess = person(['chess']);
    // Circle 0 keeps a, b, c of six (Jaccard 0.5); circle 1 is new but also plays chess.
    const circles = rename(
      new Int32Array([0, 0, 0, 1, 1, 1, 2, 2]),
      [person(), person(), person(), chess, chess, chess, person(), person()],
      previous,
    );
    expect(circles.map((c) => c.name)).toEqual(['chess', 'chess 2', 'Circle 1']);
    const moved = rename(new Int32Array([0, 0, 1, 1, 1, 1]), Array(6).fill(person()), previous);
    expect(moved.map((c) => c.name)).toEqual(['Circle 1', 'chess']);
  });
});
