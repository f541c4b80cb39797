import { describe, expect, it } from 'vitest';
import { generateSocialGraph } from '../../bench/generators/social-graph';
import { betweenness } from './betweenness';
import { buildGraph, type CompactGraph, type GraphEdge } from './graph';
import { withoutPerson } from './graph-patch';
import { isRanked, type PersonReach, reach, reachDetailed, reachThroughOthers } from './reach';

const clique = (ids: readonly string[]): GraphEdge[] =>
  ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ a, b, weight: 1 })));

/**
 * The host ("me") knows everyone. Investors i0–i3 know each other, runners r0–r3 know each
 * other, and Bea knows two of each.
 */
const ids = ['me', 'i0', 'i1', 'i2', 'i3', 'r0', 'r1', 'r2', 'r3', 'bea'];
const network = (): CompactGraph =>
  buildGraph(ids, [
    ...ids.slice(1).map((id) => ({ a: 'me', b: id, weight: 1 })),
    ...clique(['i0', 'i1', 'i2', 'i3']),
    ...clique(['r0', 'r1', 'r2', 'r3']),
    ...['i0', 'i1', 'r0', 'r1'].map((id) => ({ a: 'bea', b: id, weight: 1 })),
  ]);
const circles = new Int32Array([0, 0, 0, 0, 0, 1, 1, 1, 1, 0]);
const circleNames = ['investor circle', 'running club'];

const expectSane = (people: readonly PersonReach[]): void => {
  for (const p of people) {
    expect(Number.isFinite(p.score)).toBe(true);
    expect(p.score).toBeGreaterThanOrEqual(0);
    expect(p.score).toBeLessThanOrEqual(1);
    for (const part of [p.parts.pagerank, p.parts.brokerage, p.parts.circles]) {
      expect(Number.isFinite(part)).toBe(true);
      expect(part).toBeGreaterThanOrEqual(0);
      expect(part).toBeLessThanOrEqual(1);
    }
    expect(p.explanation.length).toBeGreaterThan(0);
  }
};

describe('reach', () => {
  it('ranks the broker first and says which circles she bridges and who knows her', () => {
    const people = reach(network(), { hostIndex: 0, communities: circles, circleNames });
    const best = [...people].sort((a, b) => b.score - a.score)[0]!;
    expect(ids[best.index]).toBe('bea');
    expect(best.explanation).toBe(
      'bridges your investor circle and your running club; 4 of your contacts know them',
    );
    expect(best.circlesSpanned).toBe(2);
    expectSane(people);
  });

  it('leaves the host out of the centralities, as an ego network without its ego', () => {
    const graph = network();
    const { people } = reachDetailed(graph, { hostIndex: 0, communities: circles });
    expect(people[0]).toMatchObject({ isHost: true, score: 0, explanation: 'you' });
    const withoutHost = betweenness(withoutPerson(graph, 'me'));
    for (let i = 1; i < graph.n; i++)
      expect(people[i]!.betweenness).toBeCloseTo(withoutHost[i - 1]!, 12);
  });

  it('raises a person with a high stature mark and does not punish a missing one', () => {
    const stature = new Array<number | null>(ids.length).fill(null);
    stature[3] = 5;
    const marked = reach(network(), { hostIndex: 0, communities: circles, stature });
    expect(marked[3]!.score).toBeGreaterThan(marked[4]!.score);
    expect(marked[3]!.explanation).toContain('you rate their standing 5/5');
    stature[4] = 1;
    const low = reach(network(), { hostIndex: 0, communities: circles, stature });
    expect(low[4]!.score).toBeLessThan(marked[4]!.score);
    expect(low[4]!.parts.stature).toBe(0);
  });

  it('finds circles itself when none are given and counts everyone without a host', () => {
    const { graph } = generateSocialGraph({ people: 500, ties: 2000, seed: 3 });
    const { people, communities, betweenness: bc } = reachDetailed(graph);
    expect(communities.length).toBe(graph.n);
    expect(bc.errorBound).toBeGreaterThanOrEqual(0);
    expectSane(people);
    const hub = [...people].sort((a, b) => b.score - a.score)[0]!;
    expect(hub.explanation).toMatch(/\d+ people in your network know them/);
  });

  it('answers an empty network, a lone host, people without ties and separate components', () => {
    expect(reach(buildGraph([], []), { hostIndex: 0 })).toEqual([]);
    const lone = reach(buildGraph(['me'], []), { hostIndex: 0 });
    expect(lone).toHaveLength(1);
    expect(lone[0]).toMatchObject({ isHost: true, score: 0 });
    const scattered = reach(
      buildGraph(
        ['me', 'a', 'b', 'c', 'x', 'y', 'z', 'alone'],
        [...clique(['a', 'b', 'c']), ...clique(['x', 'y', 'z']), { a: 'me', b: 'a', weight: 1 }],
      ),
      { hostIndex: 0 },
    );
    expectSane(scattered);
    expect(scattered[7]!.explanation).toBe('not ranked: no ties yet');
    expect(scattered[7]!.score).toBe(0);
    expectSane(reach(buildGraph(['a', 'b'], []), { hostIndex: 99 }));
  });
});

describe('who is ranked by reach', () => {
  // Lee knows only the host; Ola knows nobody yet, but the host rates her standing 5/5.
  const graph = buildGraph(
    ['me', 'a', 'b', 'c', 'lee', 'ola'],
    [...clique(['a', 'b', 'c']), ...['a', 'lee'].map((b) => ({ a: 'me', b, weight: 1 }))],
  );
  const people = reach(graph, { hostIndex: 0, stature: [null, null, null, null, null, 5] });

  it('ranks only people with a tie to someone but the host', () => {
    expect(people.filter(isRanked).map((p) => graph.ids[p.index])).toEqual(['a', 'b', 'c']);
    expect(people.map((p) => p.ties)).toEqual([0, 2, 2, 2, 0, 0]);
  });

  it('says why the others have no rank', () => {
    expect(people[4]!.explanation).toBe('not ranked: you are their only tie so far');
    expect(people[5]!.explanation).toBe('not ranked: no ties yet');
  });
});

describe('reachThroughOthers', () => {
  // me knows a and b; a knows c and d; b knows d, e and f; g is three steps away.
  const graph = buildGraph(
    ['me', 'a', 'b', 'c', 'd', 'e', 'f', 'g'],
    [
      { a: 'me', b: 'a', weight: 0.2 },
      { a: 'me', b: 'b', weight: 1 },
      { a: 'a', b: 'c', weight: 1 },
      { a: 'a', b: 'd', weight: 1 },
      { a: 'b', b: 'd', weight: 1 },
      { a: 'b', b: 'e', weight: 1 },
      { a: 'b', b: 'f', weight: 1 },
      { a: 'f', b: 'g', weight: 1 },
    ],
  );

  it('counts friends of friends the host does not know and ranks who opens most doors', () => {
    expect(reachThroughOthers(graph, 0)).toEqual({
      direct: 2,
      reachable: 4,
      doors: [
        { index: 2, newPeople: 3, onlyThrough: 2 },
        { index: 1, newPeople: 2, onlyThrough: 1 },
      ],
    });
  });

  it('counts only warm ties when asked to', () => {
    const result = reachThroughOthers(graph, 0, { minWeight: 0.5 });
    expect(result.reachable).toBe(3);
    expect(result.doors.map((d) => d.index)).toEqual([2]);
  });

  it('answers zeros for an unknown host, an empty graph and a host with no ties', () => {
    const none = { direct: 0, reachable: 0, doors: [] };
    expect(reachThroughOthers(graph, -1)).toEqual(none);
    expect(reachThroughOthers(graph, 99)).toEqual(none);
    expect(reachThroughOthers(buildGraph([], []), 0)).toEqual(none);
    expect(reachThroughOthers(buildGraph(['me', 'x'], []), 0)).toEqual(none);
  });
});
