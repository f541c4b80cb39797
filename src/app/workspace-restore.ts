/**
 * Restoring a JSON backup into an EMPTY workspace (one with only its host), in one transaction:
 * every row of every table comes back as it was, timestamps included, the backup's host
 * replaces the workspace's starting one, and the host's tuning of the engine comes with them.
 *
 * Ids are kept, so a backup moved to another machine or database names the same people. When
 * this database already holds any of them (the backup is restored beside the workspace it came
 * from), every id is renewed, consistently: each reference follows its row, and so do the ids
 * inside JSON values (the demo plan, the members of named circles).
 */
import { checkEngineWeights, type EngineWeights } from '../domain/engine-weights';
import { conflict, DomainError, invalidInput } from '../domain/errors';
import { withoutControlCharacters } from '../domain/text';
import { newId } from '../store/ids';
import type { Repositories } from '../store/store';
import { BACKUP_TABLES, type BackupTable } from '../store/workspace-backup.repository';
import { type ImportBytes, readAllText } from './contacts-read';
import type { AppContext } from './context';
import { BACKUP_FORMAT, BACKUP_VERSION } from './workspace-backup';
import { type Access, createWorkspace, requireEditor, workspaceForCli } from './workspaces';

/** The largest backup restored: the upload limit of the API, with room to spare. */
export const MAX_BACKUP_CHARS = 1024 * 2 ** 20;

export interface RestoreResult {
  /** Rows restored, by the backup's keys (`people`, `ties`, `moments`, `attendees`, …). */
  readonly counts: Readonly<Record<string, number>>;
  /** True when ids were renewed because this database already held the backup's ids. */
  readonly idsRenewed: boolean;
  /** The name of the workspace the backup came from. */
  readonly from: string;
}

interface BackupWorkspace {
  readonly name?: unknown;
  readonly engineWeights?: unknown;
}

interface BackupDocument {
  readonly workspace: BackupWorkspace | undefined;
  /** The host's tuning of the engine; undefined in backups taken before it could be tuned. */
  readonly engineWeights: EngineWeights | null | undefined;
  readonly tables: ReadonlyMap<string, readonly unknown[]>;
}

/** Checked before anything is written, so damaged weights refuse the backup as a whole. */
const engineWeightsOf = (workspace: BackupWorkspace | undefined) => {
  const weights = workspace?.engineWeights;
  return weights === undefined || weights === null
    ? weights
    : checkEngineWeights(weights, 'workspace.engineWeights');
};

/** Reads and checks a backup's text: its format, its version, and that each table is a list. */
export const parseBackup = (text: string): BackupDocument => {
  let document: unknown;
  try {
    // Control characters are cleaned out: a backup taken from SQLite can hold a NUL that
    // PostgreSQL cannot store, and a backup must restore on either database.
    document = JSON.parse(text, (_key, value: unknown) =>
      typeof value === 'string' ? withoutControlCharacters(value) : value,
    );
  } catch {
    throw invalidInput('The backup is not valid JSON: it looks truncated or damaged.');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw invalidInput('This is not a Salon backup.');
  }
  const body = document as Record<string, unknown>;
  if (body.format !== BACKUP_FORMAT) {
    throw invalidInput(`This is not a Salon backup (no "format": "${BACKUP_FORMAT}").`);
  }
  if (typeof body.version !== 'number' || body.version > BACKUP_VERSION || body.version < 1) {
    throw invalidInput(
      `This backup has format version ${String(body.version)}; this Salon reads version ${BACKUP_VERSION}. Restore it with a newer Salon.`,
    );
  }
  const tables = new Map<string, readonly unknown[]>();
  for (const spec of BACKUP_TABLES) {
    const rows = body[spec.key] ?? [];
    if (!Array.isArray(rows)) {
      throw invalidInput(`The backup is damaged: "${spec.key}" is not a list.`);
    }
    tables.set(spec.key, rows);
  }
  const workspace = body.workspace as BackupWorkspace | undefined;
  return { workspace, engineWeights: engineWeightsOf(workspace), tables };
};

const ownIds = (spec: BackupTable, rows: readonly unknown[]): string[] => {
  const column = spec.columns.find((c) => c.ids === 'id');
  if (!column) return [];
  const key = column.name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return rows.flatMap((row) => {
    const id = (row as Record<string, unknown> | null)?.[key];
    return typeof id === 'string' ? [id] : [];
  });
};

/** Writes a checked backup into an empty workspace; runs inside the caller's transaction. */
const restoreDocument = async (
  repos: Repositories,
  ws: string,
  document: BackupDocument,
): Promise<RestoreResult> => {
  const workspace = repos.in(ws);
  const present = Object.entries(await workspace.backups.counts()).filter(([, n]) => n > 0);
  if (present.length > 0) {
    throw conflict(
      `A backup restores only into an empty workspace; this one has ${present.map(([key, n]) => `${n} ${key}`).join(', ')}. Restore into a new workspace.`,
    );
  }

  // Ids: kept, unless this database already uses any of them; then all renewed together.
  let taken = 0;
  for (const spec of BACKUP_TABLES) {
    const ids = ownIds(spec, document.tables.get(spec.key) ?? []);
    if (ids.length > 0) taken += await repos.catalogue.idsInUse(spec.table, ids);
  }
  const renewed = new Map<string, string>();
  if (taken > 0) {
    for (const spec of BACKUP_TABLES) {
      for (const id of ownIds(spec, document.tables.get(spec.key) ?? [])) {
        renewed.set(id, newId());
      }
    }
  }
  const ids = (id: string): string => renewed.get(id) ?? id;

  const people = document.tables.get('people') ?? [];
  if (people.some((p) => (p as { isSelf?: unknown } | null)?.isSelf === true)) {
    await workspace.backups.removeStartingHost();
  }
  const counts: Record<string, number> = {};
  try {
    for (const spec of BACKUP_TABLES) {
      const written = await workspace.backups.restore(
        spec,
        document.tables.get(spec.key) ?? [],
        ids,
      );
      counts[spec.key] = written.rows;
      if (spec.nested) counts[spec.nested.key] = written.nested;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw invalidInput(
      `The backup could not be restored: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await workspace.people.reindex(
    people.flatMap((p) => {
      const id = (p as { id?: unknown } | null)?.id;
      return typeof id === 'string' ? [ids(id)] : [];
    }),
  );
  if (document.engineWeights !== undefined) {
    await workspace.engineWeights.save(document.engineWeights);
  }
  return { counts, idsRenewed: taken > 0, from: nameOf(document) };
};

const nameOf = (document: BackupDocument): string => {
  const name = document.workspace?.name;
  return typeof name === 'string' ? name : '';
};

const textOf = (backup: ImportBytes | string): Promise<string> =>
  typeof backup === 'string' ? Promise.resolve(backup) : readAllText(backup, MAX_BACKUP_CHARS);

/** Restores a backup (its bytes or its text) into the workspace, which must be empty. */
export const restoreBackup = async (
  ctx: AppContext,
  access: Access,
  backup: ImportBytes | string,
): Promise<RestoreResult> => {
  requireEditor(access);
  const document = parseBackup(await textOf(backup));
  const result = await ctx.store.transaction((repos) =>
    restoreDocument(repos, access.workspaceId, document),
  );
  await ctx.network.changed(access.workspaceId, { kind: 'rebuild' });
  return result;
};

/**
 * `salon restore`: into the workspace named (created when there is none of that name), else
 * into the only workspace, else into a new one named as the backup's — in one transaction, so
 * a refused backup leaves no empty workspace behind.
 */
export const restoreBackupForCli = async (
  ctx: AppContext,
  workspaceName: string | undefined,
  backup: ImportBytes | string,
): Promise<RestoreResult & { readonly workspace: string }> => {
  const document = parseBackup(await textOf(backup));
  const all = await ctx.store.workspaces.all();
  const named = workspaceName ? all.filter((w) => w.name === workspaceName) : [];
  if (named.length > 1) {
    throw invalidInput(`There are ${named.length} workspaces named "${workspaceName}"`);
  }
  const existing = workspaceName
    ? named[0]
    : all.length === 0
      ? undefined
      : await workspaceForCli(ctx, undefined);
  const name = workspaceName ?? (nameOf(document) || 'Restored network');
  const result = await ctx.store.transaction(async (repos) => {
    const workspace = existing ?? (await createWorkspace(repos, name, null));
    const restored = await restoreDocument(repos, workspace.id, document);
    return { ...restored, workspaceId: workspace.id, workspace: workspace.name };
  });
  await ctx.network.changed(result.workspaceId, { kind: 'rebuild' });
  const { workspaceId: _id, ...shown } = result;
  return shown;
};
