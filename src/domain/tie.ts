/** A tie: an undirected "these two know each other" edge with a strength, a source and a since-date. */
import { invalidInput } from './errors';
import type { PersonId } from './person';

export type TieSource = 'recorded' | 'imported' | 'moment' | 'gathering' | 'introduction';

export const TIE_SOURCES: readonly TieSource[] = [
  'recorded',
  'imported',
  'moment',
  'gathering',
  'introduction',
];

export interface Tie {
  readonly id: string;
  readonly workspaceId: string;
  /** The smaller of the two person ids: a tie is stored once per unordered pair. */
  readonly aId: PersonId;
  readonly bId: PersonId;
  /** 1 (acquaintance) to 5 (very close). */
  readonly strength: number;
  readonly source: TieSource;
  /** ISO date the two have known each other since, when known. */
  readonly since: string | null;
  readonly notes: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const TIE_STRENGTH_MIN = 1;
export const TIE_STRENGTH_MAX = 5;
export const DEFAULT_TIE_STRENGTH = 2;

/** Orders a pair so that each unordered pair has one key; rejects a tie of a person to themself. */
export const orderPair = (x: PersonId, y: PersonId): readonly [PersonId, PersonId] => {
  if (x === y) {
    throw invalidInput('A person cannot have a tie to themself', [
      { field: 'bId', reason: 'must differ from aId' },
    ]);
  }
  return x < y ? [x, y] : [y, x];
};

/** The other end of a tie, seen from `personId`. */
export const otherEnd = (tie: Pick<Tie, 'aId' | 'bId'>, personId: PersonId): PersonId =>
  tie.aId === personId ? tie.bId : tie.aId;
