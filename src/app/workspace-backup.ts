/**
 * The full JSON backup of a workspace: every row it owns, table by table (see `BACKUP_TABLES`),
 * with a format name and version, streamed in chunks so that a large network never sits in
 * memory as one string. One row per line keeps the file easy to diff and to read in pieces.
 *
 *   { "format": "salon-backup", "version": 1, "exportedAt": …,
 *     "workspace": { id, name, createdAt, engineWeights },
 *     "people": [ … ], "ties": [ … ], "moments": [ { …, "attendees": [ … ] } ], "demoPlans": [ … ],
 *     "circleNames": [ … ], "goals": [ … ], "importBatches": [ … ], "importChanges": [ … ] }
 *
 * `engineWeights` is the host's tuning of the introduction engine (null: the defaults); restore
 * brings it back with the rows. Older backups have none, and restore then leaves it alone.
 *
 * Rows are read in pages, not in one snapshot: a backup taken while the workspace is being
 * edited may hold a tie to a person created after the people were read. Restore checks every
 * reference, so such a file is refused rather than restored half-right.
 */
import { notFound } from '../domain/errors';
import { BACKUP_TABLES } from '../store/workspace-backup.repository';
import type { AppContext } from './context';
import type { Access } from './workspaces';

export const BACKUP_FORMAT = 'salon-backup';
export const BACKUP_VERSION = 1;

/** Joins small strings into chunks of about `size` characters. */
export async function* inChunks(
  parts: AsyncIterable<string>,
  size = 64 * 1024,
): AsyncGenerator<string> {
  let buffer = '';
  for await (const part of parts) {
    buffer += part;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** The workspace as the backup's header names it. */
export const workspaceOf = async (ctx: AppContext, access: Access) => {
  const workspace = (await ctx.store.workspaces.all()).find((w) => w.id === access.workspaceId);
  if (!workspace) throw notFound('Workspace');
  return workspace;
};

async function* backupParts(ctx: AppContext, access: Access): AsyncGenerator<string> {
  const workspace = await workspaceOf(ctx, access);
  const header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: ctx.now().toISOString(),
    workspace: {
      id: workspace.id,
      name: workspace.name,
      createdAt: workspace.createdAt,
      engineWeights: await ctx.store.in(workspace.id).engineWeights.find(),
    },
  };
  yield JSON.stringify(header).slice(0, -1);
  for (const spec of BACKUP_TABLES) {
    yield `,\n${JSON.stringify(spec.key)}: [`;
    let first = true;
    for await (const row of ctx.store.in(access.workspaceId).backups.rows(spec)) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
      first = false;
    }
    yield first ? ']' : '\n]';
  }
  yield '\n}\n';
}

/** Streams the backup of the workspace as JSON text chunks (viewers may take one too). */
export const backupWorkspace = (ctx: AppContext, access: Access): AsyncGenerator<string> =>
  inChunks(backupParts(ctx, access));
