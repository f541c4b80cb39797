import type { ReachEntry } from '../api/client';
import { ScoreBar } from './ScoreBar';

/** What makes up a reach score, each part in words a host understands. */
export const REACH_PART_LABELS = {
  pagerank: 'Standing',
  brokerage: 'Brokerage',
  circles: 'Circles spanned',
  stature: 'Your stature mark',
} as const;

export const REACH_PART_HINTS = {
  pagerank: 'Known by people who are themselves well known (PageRank)',
  brokerage: 'Sits on the paths between people who would not otherwise meet (betweenness)',
  circles: 'How many of your circles their ties lead into',
  stature: 'The stature you gave them, 1 to 5',
} as const;

type PartName = keyof typeof REACH_PART_LABELS;
const PARTS: readonly PartName[] = ['pagerank', 'brokerage', 'circles', 'stature'];

/** The parts of one person's reach as small labelled bars; a missing stature says so. */
export function ReachParts({
  parts,
  compact = false,
}: {
  parts: ReachEntry['parts'];
  compact?: boolean;
}) {
  return (
    <dl className={compact ? 'reach-parts reach-parts-compact' : 'reach-parts'}>
      {PARTS.map((name) => {
        const value = parts[name];
        return (
          <div key={name} className="reach-part" title={REACH_PART_HINTS[name]}>
            <dt>{REACH_PART_LABELS[name]}</dt>
            <dd>
              {value === null ? (
                <span className="muted reach-part-none">not marked</span>
              ) : (
                <ScoreBar value={value} label={REACH_PART_LABELS[name]} tone="quiet" />
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
