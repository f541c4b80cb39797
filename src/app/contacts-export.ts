/**
 * Exporting the people of a workspace: vCard 3.0 (what Google Contacts and phones accept),
 * vCard 4.0, CSV (formula-safe), or the full JSON backup. Streamed: people are read a page at
 * a time and written out as they come.
 */
import { type Person, sortKey } from '../domain/person';
import { exportPeopleCsv } from '../interchange/csv-export';
import { exportVCards } from '../interchange/vcard-export';
import type { AppContext } from './context';
import { backupWorkspace, inChunks, workspaceOf } from './workspace-backup';
import type { Access } from './workspaces';

export type ExportFormat = 'vcard' | 'vcard4' | 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['vcard', 'vcard4', 'csv', 'json'];

export interface ContactsExport {
  /** A file name for the download: `salon-my-network-2026-11-26.vcf`. */
  readonly fileName: string;
  readonly contentType: string;
  readonly chunks: AsyncIterable<string>;
}

const PAGE = 1000;

/** Every person of the workspace, a page at a time, in name order. */
async function* everyone(ctx: AppContext, access: Access): AsyncGenerator<Person> {
  let after: { sortKey: string; id: string } | undefined;
  for (;;) {
    const page = await ctx.store.in(access.workspaceId).people.list({ after, limit: PAGE });
    yield* page;
    const last = page.at(-1);
    if (page.length < PAGE || !last) return;
    after = { sortKey: sortKey(last.displayName), id: last.id };
  }
}

async function* drain(
  people: AsyncIterable<Person>,
  write: (batch: Person[]) => Iterable<string>,
): AsyncGenerator<string> {
  let batch: Person[] = [];
  for await (const person of people) {
    batch.push(person);
    if (batch.length >= PAGE) {
      yield* write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield* write(batch);
}

const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'network';

/** The export of the workspace in `format`, ready to be streamed. */
export const exportContacts = async (
  ctx: AppContext,
  access: Access,
  format: ExportFormat,
): Promise<ContactsExport> => {
  const workspace = await workspaceOf(ctx, access);
  const base = `salon-${slug(workspace.name)}-${ctx.now().toISOString().slice(0, 10)}`;
  if (format === 'json') {
    return {
      fileName: `${base}.json`,
      contentType: 'application/json; charset=utf-8',
      chunks: backupWorkspace(ctx, access),
    };
  }
  if (format === 'csv') {
    let header = true;
    return {
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      chunks: inChunks(
        drain(everyone(ctx, access), (batch) => {
          const lines = [...exportPeopleCsv(batch)];
          if (!header) lines.shift();
          header = false;
          return lines;
        }),
      ),
    };
  }
  const version = format === 'vcard4' ? '4.0' : '3.0';
  return {
    fileName: `${base}.vcf`,
    contentType: `text/vcard; charset=utf-8${version === '4.0' ? '; version=4.0' : ''}`,
    chunks: inChunks(drain(everyone(ctx, access), (batch) => exportVCards(batch, { version }))),
  };
};
