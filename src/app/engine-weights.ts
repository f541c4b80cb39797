/**
 * The host's tuning of the introduction engine: how much each part of a pair's value counts in
 * this workspace. Stored only once tuned, so a workspace that never was follows the engine's
 * `DEFAULTS` as they evolve.
 */
import { checkEngineWeights, ENGINE_WEIGHTS, type EngineWeights } from '../domain/engine-weights';
import { DEFAULTS } from '../engine/pair-value';
import type { AppContext } from './context';
import { type Access, requireEditor } from './workspaces';

const DEFAULT_WEIGHTS: EngineWeights = DEFAULTS.weights;

/** The stored weights over the defaults: a weight stored before it existed keeps its default. */
const effective = (stored: Readonly<Record<string, number>> | null): EngineWeights =>
  Object.fromEntries(
    ENGINE_WEIGHTS.map(({ name }) => [name, stored?.[name] ?? DEFAULT_WEIGHTS[name]]),
  ) as EngineWeights;

/** The weights suggestions and introductions use in the workspace. */
export const workspaceWeights = async (ctx: AppContext, workspaceId: string) =>
  effective(await ctx.store.in(workspaceId).engineWeights.find());

const view = (weights: EngineWeights) => ({ weights, defaults: DEFAULT_WEIGHTS });

/** The workspace's weights and the defaults, for any member. */
export const engineWeights = async (ctx: AppContext, access: Access) =>
  view(await workspaceWeights(ctx, access.workspaceId));

/** Tunes the engine: each weight from 0 to 1, at least one above 0. */
export const setEngineWeights = async (ctx: AppContext, access: Access, weights: EngineWeights) => {
  requireEditor(access);
  const checked = checkEngineWeights(weights, 'weights');
  await ctx.store.in(access.workspaceId).engineWeights.save(checked);
  return view(checked);
};

/** Back to the defaults (and to whatever later versions make them). */
export const resetEngineWeights = async (ctx: AppContext, access: Access) => {
  requireEditor(access);
  await ctx.store.in(access.workspaceId).engineWeights.save(null);
  return view(DEFAULT_WEIGHTS);
};
