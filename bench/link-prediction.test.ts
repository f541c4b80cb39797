import { describe, expect, it } from 'vitest';
import {
  auc,
  type EdgeList,
  evaluate,
  graphOf,
  parseEdgeList,
  type ScorerFactory,
  splitEdges,
} from './link-prediction';

const ring = (n: number): EdgeList =>
  parseEdgeList(Array.from({ length: n }, (_, i) => `${i} ${(i + 1) % n}`).join('\n'));

describe('parseEdgeList', () => {
  it('reads whitespace fields, ignores extra ones, drops self-loops and repeated edges', () => {
    const list = parseEdgeList('a b 0.5\r\n  b\ta  \r\nc c\nb c 1 2 3\n\n d \n');
    // A line with one field names nobody: the first two fields are the ids.
    expect(list.ids).toEqual(['a', 'b', 'c']);
    expect([...list.src]).toEqual([0, 1]);
    expect([...list.dst]).toEqual([1, 2]);
  });

  it('treats ids as strings, so 01 and 1 are different people', () => {
    expect(parseEdgeList('01 1').ids).toEqual(['01', '1']);
  });
});

describe('splitEdges', () => {
  const list = ring(100);

  it('holds out a tenth of the edges, disjoint from the training graph', () => {
    const split = splitEdges(list, 42);
    expect(split.probeSrc.length).toBe(10);
    expect(split.train.m).toBe(90);
    const full = graphOf(list);
    for (let k = 0; k < split.probeSrc.length; k++) {
      const a = split.probeSrc[k]!;
      const b = split.probeDst[k]!;
      expect(a).toBeLessThan(b);
      const row = split.train.neighbors.subarray(
        split.train.offsets[a],
        split.train.offsets[a + 1],
      );
      expect([...row]).not.toContain(b);
      const fullRow = full.neighbors.subarray(full.offsets[a], full.offsets[a + 1]);
      expect([...fullRow]).toContain(b);
    }
  });

  it('is the same for the same seed and differs across seeds', () => {
    expect(splitEdges(list, 1)).toEqual(splitEdges(list, 1));
    expect([...splitEdges(list, 1).probeSrc]).not.toEqual([...splitEdges(list, 2).probeSrc]);
  });
});

describe('auc', () => {
  it('is 1 for a perfect scorer and 0 for a reversed one', () => {
    expect(auc([3, 4, 5], [0, 1, 2])).toBe(1);
    expect(auc([0, 1], [2, 3, 4])).toBe(0);
  });

  it('is 1/2 for a constant scorer (ties count one half)', () => {
    expect(auc([1, 1, 1], [1, 1])).toBe(0.5);
  });

  it('counts each comparison: one win, one tie and one loss of four', () => {
    // positives {1, 3} vs negatives {1, 2}: 3>1, 3>2 win; 1=1 half; 1<2 loss → 2.5 / 4.
    expect(auc([1, 3], [1, 2])).toBe(0.625);
  });

  it('is NaN when a side is empty', () => {
    expect(auc([], [1])).toBeNaN();
    expect(auc([1], [])).toBeNaN();
  });
});

describe('evaluate', () => {
  const list = ring(60);
  // An oracle that knows the ring scores every ring pair 1, everything else 0.
  const oracle: ScorerFactory = () => ({
    scoreFrom(source, targets, count, out) {
      for (let k = 0; k < count; k++) {
        const d = Math.abs(source - targets[k]!);
        out[k] = d === 1 || d === 59 ? 1 : 0;
      }
    },
  });
  const constant: ScorerFactory = () => ({
    scoreFrom(_source, _targets, count, out) {
      out.fill(0.3, 0, count);
    },
  });

  it('gives an oracle AUC 1 and a constant scorer 1/2, exactly over all non-edges', () => {
    const result = evaluate(list, { oracle, constant }, 3, 7);
    expect(result.mean.oracle).toBe(1);
    expect(result.mean.constant).toBe(0.5);
    expect(result.splits).toHaveLength(3);
    expect(result.splits[0]!.exact).toBe(true);
    expect(result.splits[0]!.negatives).toBe((60 * 59) / 2 - 60);
  });

  it('samples non-edges when there are too many, with the same answer for these scorers', () => {
    const result = evaluate(list, { oracle, constant }, 2, 7, { maxExactPairs: 10, samples: 500 });
    expect(result.splits[0]!.exact).toBe(false);
    expect(result.splits[0]!.negatives).toBe(500);
    expect(result.mean.oracle).toBe(1);
    expect(result.mean.constant).toBe(0.5);
  });
});
