/**
 * `salon backup FILE` and `salon restore FILE`: the whole workspace as one JSON file, and back
 * into an empty workspace (on either database).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportContacts } from '../../app/contacts-export';
import { restoreBackupForCli } from '../../app/workspace-restore';
import { printJson, withApp, withWorkspace } from '../runtime';

/**
 * Writes text chunks to a file (through a temporary name, renamed at the end, so that an
 * interrupted write never leaves half a file under the real name) or to stdout. Returns bytes.
 */
export const writeChunks = async (
  chunks: AsyncIterable<string>,
  path: string | undefined,
): Promise<number> => {
  const temporary = path ? `${path}.partial` : undefined;
  const out = temporary ? createWriteStream(temporary) : process.stdout;
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    if (temporary && path) {
      out.end();
      await once(out, 'finish');
      await rename(temporary, path);
    }
  } catch (error) {
    if (temporary) {
      out.destroy();
      await rm(temporary, { force: true });
    }
    throw error;
  }
  return bytes;
};

export const registerBackup = (program: Command): void => {
  program
    .command('backup')
    .description('write the whole workspace (people, ties, moments, imports, …) to a JSON file')
    .argument('<file>', 'where to write the backup ("-" for standard output)')
    .action(async (file: string, _options: object, command: Command) => {
      await withWorkspace(command, async (ctx, access) => {
        const exported = await exportContacts(ctx, access, 'json');
        const bytes = await writeChunks(exported.chunks, file === '-' ? undefined : file);
        if (file !== '-') console.error(`Backed up to ${file} (${(bytes / 1024).toFixed(0)} KB).`);
      });
    });

  program
    .command('restore')
    .description('restore a JSON backup into an empty workspace')
    .argument('<file>', 'the backup file')
    .option('--json', 'print JSON only')
    .addHelpText(
      'after',
      `
Where it goes:
  --workspace NAME   into the workspace of that name, created if there is none
                     (it must be empty: nothing but you in it)
  (no --workspace)   into the only workspace, which must be empty; on an empty data
                     directory, into a new workspace named as the backup's

Ids are kept, so the backup names the same people on any database; restored beside the
workspace it came from, every id is renewed consistently.`,
    )
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const result = await withApp(command, async (ctx, globals) =>
        restoreBackupForCli(ctx, globals.workspace, await readFile(file, 'utf8')),
      );
      if (options.json) return printJson(result);
      const c = result.counts;
      console.log(
        `Restored into "${result.workspace}": ${c.people ?? 0} people, ${c.ties ?? 0} ties, ${c.moments ?? 0} moments, ${c.importBatches ?? 0} imports${result.idsRenewed ? ' (ids renewed: this database already held them)' : ''}.`,
      );
    });
};
