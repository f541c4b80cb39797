/** What every command shares: where the data is, opening it, and the workspace to act in. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type AppContext, openContext } from '../app/context';
import { type Access, ownerAccess, workspaceForCli } from '../app/workspaces';

export interface GlobalOptions {
  readonly data: string;
  readonly workspace?: string;
}

export const DEFAULT_DATA_DIR = './salon-data';

/** The data directory: `--data`, else SALON_DATA, else ./salon-data. */
export const dataDirOf = (options: { data?: string }): string =>
  resolve(options.data ?? process.env.SALON_DATA ?? DEFAULT_DATA_DIR);

export const globalsOf = (command: Command): GlobalOptions =>
  command.optsWithGlobals() as GlobalOptions;

/** Opens the store named by `--data` / DATABASE_URL, runs `work`, and always closes it. */
export const withApp = async <T>(
  command: Command,
  work: (ctx: AppContext, globals: GlobalOptions) => Promise<T>,
): Promise<T> => {
  const globals = globalsOf(command);
  const ctx = await openContext({ url: process.env.DATABASE_URL, dataDir: dataDirOf(globals) });
  try {
    return await work(ctx, globals);
  } finally {
    await ctx.store.close();
  }
};

/** Like `withApp`, inside the chosen workspace (created on an empty data directory). */
export const withWorkspace = <T>(
  command: Command,
  work: (ctx: AppContext, access: Access) => Promise<T>,
): Promise<T> =>
  withApp(command, async (ctx, globals) => {
    const workspace = await workspaceForCli(ctx, globals.workspace);
    return work(ctx, ownerAccess(workspace.id));
  });

/** Prints machine-readable output: JSON and nothing else on stdout. */
export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
