import { describe, expect, it } from 'vitest';
import { createRng } from '../domain/random';
import { buildGraph, type CompactGraph, type GraphEdge } from './graph';
import { withoutPerson, withoutTie, withPerson, withTie, withTies } from './graph-patch';

const expectSameGraph = (actual: CompactGraph, expected: CompactGraph): void => {
  expect(actual.n).toBe(expected.n);
  expect(actual.m).toBe(expected.m);
  expect([...actual.ids]).toEqual([...expected.ids]);
  expect([...actual.indexOf.entries()]).toEqual([...expected.indexOf.entries()]);
  expect([...actual.offsets]).toEqual([...expected.offsets]);
  expect([...actual.neighbors]).toEqual([...expected.neighbors]);
  expect([...actual.weights]).toEqual([...expected.weights]);
  expect([...actual.strength]).toEqual([...expected.strength]);
};

const ids = ['ana', 'ben', 'carla', 'dev', 'eli'];
const edges: GraphEdge[] = [
  { a: 'ana', b: 'ben', weight: 1 },
  { a: 'ben', b: 'carla', weight: 0.5 },
  { a: 'carla', b: 'dev', weight: 2 },
  { a: 'ana', b: 'dev', weight: 0.25 },
];

describe('withTie', () => {
  it('adds a tie exactly as rebuilding the graph with it would', () => {
    const patched = withTie(buildGraph(ids, edges), 'eli', 'ben', 0.75);
    expectSameGraph(patched, buildGraph(ids, [...edges, { a: 'ben', b: 'eli', weight: 0.75 }]));
  });

  it('gives an existing tie its new weight', () => {
    const patched = withTie(buildGraph(ids, edges), 'carla', 'ben', 3);
    const rebuilt = buildGraph(ids, [
      edges[0]!,
      { a: 'ben', b: 'carla', weight: 3 },
      edges[2]!,
      edges[3]!,
    ]);
    expectSameGraph(patched, rebuilt);
  });

  it('leaves the graph as it is for a self-tie, an unknown person or a weight that is not positive', () => {
    const graph = buildGraph(ids, edges);
    expect(withTie(graph, 'ana', 'ana', 1)).toBe(graph);
    expect(withTie(graph, 'ana', 'zoe', 1)).toBe(graph);
    expect(withTie(graph, 'ana', 'eli', 0)).toBe(graph);
    expect(withTie(graph, 'ana', 'eli', Number.NaN)).toBe(graph);
  });

  it('never changes the graph it was given', () => {
    const graph = buildGraph(ids, edges);
    const before = buildGraph(ids, edges);
    withTie(graph, 'eli', 'ana', 1);
    withTie(graph, 'ana', 'ben', 9);
    expectSameGraph(graph, before);
  });
});

describe('withTies', () => {
  it('re-weighs existing ties and adds new ones exactly as rebuilding with them would', () => {
    const graph = buildGraph(ids, edges);
    const before = buildGraph(ids, edges);
    const patched = withTies(graph, [
      { a: 'carla', b: 'ben', weight: 3 },
      { a: 'eli', b: 'ana', weight: 0.5 },
      { a: 'dev', b: 'ana', weight: 0.75 },
      { a: 'eli', b: 'dev', weight: 1.5 },
      { a: 'ana', b: 'ana', weight: 1 },
      { a: 'ana', b: 'zoe', weight: 1 },
    ]);
    const rebuilt = buildGraph(ids, [
      edges[0]!,
      { a: 'ben', b: 'carla', weight: 3 },
      edges[2]!,
      { a: 'ana', b: 'dev', weight: 0.75 },
      { a: 'ana', b: 'eli', weight: 0.5 },
      { a: 'dev', b: 'eli', weight: 1.5 },
    ]);
    expectSameGraph(patched, rebuilt);
    expectSameGraph(graph, before);
  });

  it('leaves the graph as it is when there is nothing to change', () => {
    const graph = buildGraph(ids, edges);
    expect(withTies(graph, [])).toBe(graph);
  });
});

describe('withoutTie', () => {
  it('removes a tie exactly as rebuilding the graph without it would', () => {
    const patched = withoutTie(buildGraph(ids, edges), 'dev', 'carla');
    expectSameGraph(patched, buildGraph(ids, [edges[0]!, edges[1]!, edges[3]!]));
  });

  it('leaves the graph as it is when there is no such tie', () => {
    const graph = buildGraph(ids, edges);
    expect(withoutTie(graph, 'ana', 'eli')).toBe(graph);
    expect(withoutTie(graph, 'ana', 'zoe')).toBe(graph);
    expect(withoutTie(graph, 'ana', 'ana')).toBe(graph);
  });
});

describe('withPerson', () => {
  it('adds an untied person at the next index', () => {
    const patched = withPerson(buildGraph(ids, edges), 'fay');
    expectSameGraph(patched, buildGraph([...ids, 'fay'], edges));
    expect(patched.indexOf.get('fay')).toBe(5);
  });

  it('adds the first person to an empty graph', () => {
    expectSameGraph(withPerson(buildGraph([], []), 'ana'), buildGraph(['ana'], []));
  });

  it('leaves the graph as it is for someone already there', () => {
    const graph = buildGraph(ids, edges);
    expect(withPerson(graph, 'ben')).toBe(graph);
  });
});

describe('withoutPerson', () => {
  it('removes a person and their ties, moving later people down one index', () => {
    const patched = withoutPerson(buildGraph(ids, edges), 'ben');
    const rest = ids.filter((id) => id !== 'ben');
    expectSameGraph(
      patched,
      buildGraph(
        rest,
        edges.filter((e) => e.a !== 'ben' && e.b !== 'ben'),
      ),
    );
    expect(patched.indexOf.get('carla')).toBe(1);
  });

  it('empties a graph of one person', () => {
    expectSameGraph(withoutPerson(buildGraph(['ana'], []), 'ana'), buildGraph([], []));
  });

  it('leaves the graph as it is for someone unknown', () => {
    const graph = buildGraph(ids, edges);
    expect(withoutPerson(graph, 'zoe')).toBe(graph);
  });
});

describe('a long run of patches', () => {
  it('ends in the same graph as building from the final people and ties', () => {
    const rng = createRng(7);
    let people = Array.from({ length: 30 }, (_, i) => `p${i}`);
    const ties = new Map<string, GraphEdge>();
    const key = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
    let graph = buildGraph(people, []);
    let next = 30;
    for (let step = 0; step < 600; step++) {
      const roll = rng();
      const a = people[Math.floor(rng() * people.length)]!;
      const b = people[Math.floor(rng() * people.length)]!;
      if (roll < 0.55) {
        const weight = Math.round(rng() * 100) / 100 + 0.01;
        graph = withTie(graph, a, b, weight);
        if (a !== b) ties.set(key(a, b), { a, b, weight });
      } else if (roll < 0.8) {
        graph = withoutTie(graph, a, b);
        ties.delete(key(a, b));
      } else if (roll < 0.9) {
        const id = `p${next++}`;
        graph = withPerson(graph, id);
        people = [...people, id];
      } else if (people.length > 2) {
        graph = withoutPerson(graph, a);
        people = people.filter((id) => id !== a);
        for (const [k, tie] of ties) if (tie.a === a || tie.b === a) ties.delete(k);
      }
    }
    expectSameGraph(graph, buildGraph(people, [...ties.values()]));
  });
});
