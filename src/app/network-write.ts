/**
 * Writes that change what the engine reads (people, ties, moments, circle names): each is
 * counted in the store's per-workspace change counter in its own transaction, so every other
 * process sees it, and then told to this process's network cache, which patches it in.
 */
import type { WorkspaceRepositories } from '../store/store';
import type { AppContext } from './context';
import type { NetworkChange } from './network';

/**
 * Runs `work` in one transaction with the change counter's bump, then tells the network cache
 * what changed (`change` of the work's result). Returns the work's result.
 */
export const writeNetwork = async <T>(
  ctx: AppContext,
  workspaceId: string,
  work: (repos: WorkspaceRepositories) => Promise<T>,
  change: (result: T) => NetworkChange,
): Promise<T> => {
  const { result, counted } = await ctx.store.in(workspaceId).transaction(async (repos) => {
    const result = await work(repos);
    // Last: on PostgreSQL the bump holds the workspace's row until the commit.
    return { result, counted: await repos.changes.bump() };
  });
  await ctx.network.changed(workspaceId, change(result), counted);
  return result;
};
