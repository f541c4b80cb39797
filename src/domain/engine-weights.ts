/**
 * The host's tuning of the introduction engine, per workspace: how much each of the six parts
 * of a pair's value counts (the parts and their defaults are in engine/pair-value.ts). Each
 * weight is a number from 0 to 1; a pair's value is divided by their sum, so at least one must
 * be above 0.
 */
import { type FieldProblem, invalidFields } from './errors';

/** The weights in the order a host reads them, each with its name in plain words. */
export const ENGINE_WEIGHTS = [
  {
    name: 'complementarity',
    label: 'Asks and offers',
    explanation: 'What they ask for and offer each other',
  },
  {
    name: 'commonGround',
    label: 'Common ground',
    explanation: 'Interests, work, places and circles they share',
  },
  {
    name: 'warmth',
    label: 'Warmth',
    explanation: 'People they both know, so the introduction lands warm',
  },
  {
    name: 'novelty',
    label: 'Bridging circles',
    explanation: 'They move in different circles of yours',
  },
  {
    name: 'freshness',
    label: 'New to each other',
    explanation: 'They have not yet met at your table',
  },
  { name: 'goals', label: 'Your goals', explanation: 'You want to grow closer to them' },
] as const;

export type EngineWeightName = (typeof ENGINE_WEIGHTS)[number]['name'];
export type EngineWeights = Readonly<Record<EngineWeightName, number>>;

export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 1;

export const OUT_OF_RANGE = `must be a number from ${WEIGHT_MIN} to ${WEIGHT_MAX}`;
export const NOTHING_COUNTS = 'at least one weight must be above 0';

export const isEngineWeightName = (name: string): name is EngineWeightName =>
  ENGINE_WEIGHTS.some((w) => w.name === name);

/** Some weight counts: with all at 0, no pair would be worth anything. */
export const anyWeightCounts = (weights: EngineWeights): boolean =>
  ENGINE_WEIGHTS.some((w) => weights[w.name] > 0);

const isWeight = (value: unknown): value is number =>
  typeof value === 'number' && value >= WEIGHT_MIN && value <= WEIGHT_MAX;

/**
 * The six weights of `value`, or `invalid_input` naming each bad one as `where.name` (and
 * `where` itself when none is above 0). Names other than the six are left out.
 */
export const checkEngineWeights = (value: unknown, where: string): EngineWeights => {
  const given: Record<string, unknown> =
    typeof value === 'object' && value !== null ? { ...value } : {};
  const problems: FieldProblem[] = ENGINE_WEIGHTS.filter((w) => !isWeight(given[w.name])).map(
    (w) => ({ field: `${where}.${w.name}`, reason: OUT_OF_RANGE }),
  );
  const weights = Object.fromEntries(
    ENGINE_WEIGHTS.map((w) => [w.name, given[w.name]]),
  ) as EngineWeights;
  if (problems.length === 0 && !anyWeightCounts(weights)) {
    problems.push({ field: where, reason: NOTHING_COUNTS });
  }
  if (problems.length > 0) {
    throw invalidFields(problems);
  }
  return weights;
};
