/** The host's tuning of the introduction engine: how much each part of a pair's value counts. */
import { z } from 'zod';
import {
  anyWeightCounts,
  ENGINE_WEIGHTS,
  type EngineWeightName,
  NOTHING_COUNTS,
  OUT_OF_RANGE,
  WEIGHT_MAX,
  WEIGHT_MIN,
} from '../domain/engine-weights';

const weight = (description: string) =>
  z.number().min(WEIGHT_MIN, OUT_OF_RANGE).max(WEIGHT_MAX, OUT_OF_RANGE).meta({ description });

export const EngineWeights = z
  .object(
    Object.fromEntries(
      ENGINE_WEIGHTS.map((w) => [w.name, weight(`${w.label}: ${w.explanation}`)]),
    ) as Record<EngineWeightName, z.ZodNumber>,
  )
  .refine(anyWeightCounts, NOTHING_COUNTS)
  .meta({
    id: 'EngineWeights',
    description: 'Each from 0 to 1, at least one above 0; a pair’s value is divided by their sum',
  });
export type EngineWeights = z.infer<typeof EngineWeights>;

export const EngineWeightsUpdate = z
  .object({ weights: EngineWeights })
  .meta({ id: 'EngineWeightsUpdate' });

export const EngineWeightsView = z
  .object({ weights: EngineWeights, defaults: EngineWeights })
  .meta({
    id: 'EngineWeightsView',
    description:
      '`weights`: what suggestions and introductions use in this workspace; `defaults`: the weights of a workspace never tuned',
  });
export type EngineWeightsView = z.infer<typeof EngineWeightsView>;
