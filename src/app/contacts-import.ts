/**
 * Importing contacts: `previewImport` (a dry run: what would be created, updated, merged and
 * rejected, nothing written) and `importContacts` (the same, then written in ONE transaction).
 *
 * Phases: read every file (streamed, compact records kept) → match the records against the
 * workspace and each other (`matchRecords`) → write: new people through the bulk writer, updates
 * that only fill empty fields and add emails, phones and tags, a tie from the host to every
 * imported person (since = LinkedIn's Connected On), and what undo needs. Conflicts are
 * reported, never applied. By default a file with a bad row writes nothing and every problem is
 * reported; `skipInvalid` imports the good rows and reports the rest.
 */
import { conflict } from '../domain/errors';
import type { PersonPhoto } from '../domain/person';
import type { ImportFormat } from '../interchange/detect-format';
import { type ImportRecord, toPersonDraft } from '../interchange/import-record';
import { type MatchDecision, matchRecords, type PersonChanges } from '../interchange/match';
import type { CountryCode } from '../interchange/phone';
import type { MatchablePerson } from '../store/import-batch.repository';
import type { Repositories } from '../store/store';
import {
  type ImportFile,
  type ImportRowProblem,
  type ReadContacts,
  type ReadProgress,
  readContactFiles,
} from './contacts-read';
import type { AppContext } from './context';
import { type Access, requireEditor } from './workspaces';

export type { CountryCode } from '../interchange/phone';
export type { ImportBytes, ImportFile, ImportRowProblem } from './contacts-read';

/**
 * An imported connection is an acquaintance until the host says more: a LinkedIn connection or
 * a phone contact tells that two people know each other, not how well.
 */
export const IMPORTED_TIE_STRENGTH = 1;

/** How many people are written per step (and per progress report). */
const WRITE_CHUNK = 1000;

/** Lists in a report are cut at this length; the counts are always complete. */
export const REPORT_LIST_LIMIT = 500;

export type ImportProgress =
  | ReadProgress
  | { readonly phase: 'writing'; readonly done: number; readonly total: number };

export interface ImportOptions {
  /** Import the good rows and report the bad ones (by default a bad row writes nothing). */
  readonly skipInvalid?: boolean | undefined;
  /** The country of phone numbers written without `+` (ISO 3166, e.g. `DE`). */
  readonly defaultCountry?: CountryCode | undefined;
  /** Called as the files are read and as people are written; a throw aborts the import. */
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
}

export interface ImportCounts {
  /** Good records read, over every file. */
  readonly records: number;
  readonly created: number;
  readonly updated: number;
  /** Matched an existing person who already had everything the file says. */
  readonly unchanged: number;
  /** Records folded into an earlier record of the same import (the same person twice). */
  readonly merged: number;
  readonly conflicts: number;
  /** Bad rows: reported with their problems, never written. */
  readonly rejected: number;
  readonly tiesAdded: number;
}

/** Where a record came from. */
export interface RecordPlace {
  readonly file: string;
  readonly line: number;
  readonly displayName: string;
}

export interface ImportConflict extends RecordPlace {
  readonly reason: string;
  readonly candidates: ReadonlyArray<{ readonly id: string; readonly displayName: string }>;
}

export interface ImportDuplicate extends RecordPlace {
  /** The earlier record of the import it is the same person as. */
  readonly into: RecordPlace;
  readonly matchedBy: string;
}

export interface ImportMatch extends RecordPlace {
  readonly personId: string;
  readonly personName: string;
  readonly matchedBy: string;
  /** The fields the import fills or adds to; empty for an unchanged person. */
  readonly fields: readonly string[];
}

/** What an import did, or (dry run, or refused for bad rows) would do. */
export interface ImportReport {
  /** The batch to undo; null when nothing was written. */
  readonly batchId: string | null;
  readonly written: boolean;
  readonly dryRun: boolean;
  readonly files: ReadonlyArray<{ readonly name: string; readonly format: ImportFormat }>;
  readonly counts: ImportCounts;
  readonly conflicts: readonly ImportConflict[];
  readonly duplicates: readonly ImportDuplicate[];
  readonly matches: readonly ImportMatch[];
  readonly problems: readonly ImportRowProblem[];
  /** One sentence saying what happened. */
  readonly message: string;
}

/** An update's changes plus the photo, which matching leaves to us. */
type Changes = PersonChanges & { readonly photo?: PersonPhoto };

interface Plan {
  readonly decisions: readonly MatchDecision[];
  readonly changes: ReadonlyMap<number, Changes>;
  readonly people: ReadonlyMap<string, MatchablePerson>;
}

const plan = (
  people: readonly MatchablePerson[],
  read: ReadContacts,
  options: ImportOptions,
): Plan => {
  const decisions = matchRecords(people, read.records, {
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const changes = new Map<number, Changes>();
  decisions.forEach((d, i) => {
    if (d.kind !== 'update') return;
    const person = byId.get(d.personId);
    const photo = d.record.photo && person && !person.hasPhoto ? d.record.photo : undefined;
    changes.set(i, photo ? { ...d.changes, photo } : d.changes);
  });
  return { decisions, changes, people: byId };
};

const placeOf = (read: ReadContacts, i: number): RecordPlace => {
  const record = read.records[i]!;
  return {
    file: read.files[read.origins[i]!]?.name ?? '',
    line: record.line,
    displayName: record.displayName,
  };
};

const countsOf = (read: ReadContacts, p: Plan, tiesAdded: number): ImportCounts => {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let merged = 0;
  let conflicts = 0;
  p.decisions.forEach((d, i) => {
    if (d.kind === 'create') created++;
    else if (d.kind === 'merge') merged++;
    else if (d.kind === 'conflict') conflicts++;
    else if (Object.keys(p.changes.get(i) ?? {}).length === 0) unchanged++;
    else updated++;
  });
  return {
    records: read.records.length,
    created,
    updated,
    unchanged,
    merged,
    conflicts,
    rejected: read.rejected,
    tiesAdded,
  };
};

const plural = (n: number, word: string): string =>
  `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

const messageOf = (counts: ImportCounts, outcome: 'written' | 'dry-run' | 'refused'): string => {
  const people = `${counts.created.toLocaleString('en')} new ${counts.created === 1 ? 'person' : 'people'}`;
  const what = `${people}, ${counts.updated.toLocaleString('en')} updated, ${counts.unchanged.toLocaleString('en')} unchanged, ${plural(counts.merged, 'duplicate')} merged, ${plural(counts.conflicts, 'conflict')}, ${plural(counts.rejected, 'rejected row')}`;
  if (outcome === 'refused') {
    return `Nothing was imported: ${plural(counts.rejected, 'row')} ${counts.rejected === 1 ? 'has' : 'have'} problems. Fix them, or skip them to import the other ${counts.records.toLocaleString('en')}.`;
  }
  return outcome === 'dry-run' ? `Would import: ${what}.` : `Imported: ${what}.`;
};

const reportOf = (
  read: ReadContacts,
  p: Plan,
  outcome: 'written' | 'dry-run' | 'refused',
  batchId: string | null,
  tiesAdded: number,
): ImportReport => {
  const conflicts: ImportConflict[] = [];
  const duplicates: ImportDuplicate[] = [];
  const matches: ImportMatch[] = [];
  p.decisions.forEach((d, i) => {
    if (d.kind === 'conflict') {
      conflicts.push({
        ...placeOf(read, i),
        reason: d.reason,
        candidates: d.candidates.map((id) => ({
          id,
          displayName: p.people.get(id)?.displayName ?? '',
        })),
      });
    } else if (d.kind === 'merge' && duplicates.length < REPORT_LIST_LIMIT) {
      duplicates.push({ ...placeOf(read, i), into: placeOf(read, d.into), matchedBy: d.matchedBy });
    } else if (d.kind === 'update' && matches.length < REPORT_LIST_LIMIT) {
      matches.push({
        ...placeOf(read, i),
        personId: d.personId,
        personName: p.people.get(d.personId)?.displayName ?? '',
        matchedBy: d.matchedBy,
        fields: Object.keys(p.changes.get(i) ?? {}),
      });
    }
  });
  const counts = countsOf(read, p, tiesAdded);
  return {
    batchId,
    written: outcome === 'written',
    dryRun: outcome === 'dry-run',
    files: read.files,
    counts,
    conflicts,
    duplicates,
    matches,
    problems: read.problems,
    message: messageOf(counts, outcome),
  };
};

/** The import's batch format: the one format, or several joined (`linkedin+vcard`). */
const batchFormat = (read: ReadContacts): string =>
  [...new Set(read.files.map((f) => f.format))].join('+');

/**
 * What importing these files would do, without writing anything: the counts, the conflicts,
 * the duplicates recognised between and within the files, and every bad row.
 */
export const previewImport = async (
  ctx: AppContext,
  access: Access,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportReport> => {
  const read = await readContactFiles(files, options);
  const people = await ctx.store.imports.matchable(access.workspaceId);
  return reportOf(read, plan(people, read, options), 'dry-run', null, 0);
};

const draftOf = (record: ImportRecord, batchId: string) => ({
  ...toPersonDraft(record),
  linkedinUrl: record.linkedinUrl ?? null,
  photo: record.photo ?? null,
  profiles:
    record.relatedNames || record.socialProfiles
      ? {
          ...(record.relatedNames ? { relatedNames: record.relatedNames } : {}),
          ...(record.socialProfiles ? { socialProfiles: record.socialProfiles } : {}),
        }
      : null,
  importBatchId: batchId,
});

/** Writes a planned import; runs inside the caller's transaction. */
const write = async (
  repos: Repositories,
  access: Access,
  read: ReadContacts,
  p: Plan,
  options: ImportOptions,
): Promise<{ batchId: string; tiesAdded: number }> => {
  const ws = access.workspaceId;
  const host = await repos.people.findSelf(ws);
  if (!host) throw conflict('This workspace has no host person');
  const batch = await repos.imports.create(ws, {
    format: batchFormat(read),
    fileName: read.files.map((f) => f.name).join(', '),
    summary: {},
  });

  // Phase 1: new people and their tie with the host, in chunks: memory stays flat, and progress
  // can be told (and a failure half-way tested).
  const tieWith = (personId: string, since: string | undefined) => ({
    aId: host.id,
    bId: personId,
    strength: IMPORTED_TIE_STRENGTH,
    source: 'imported' as const,
    since: since ?? null,
  });
  let tiesAdded = 0;
  const creates = p.decisions.flatMap((d) => (d.kind === 'create' ? [d.record] : []));
  const updates = p.decisions.flatMap((d, i) =>
    d.kind === 'update' ? [{ decision: d, changes: p.changes.get(i) ?? {} }] : [],
  );
  const total = creates.length + updates.length;
  const progress = (done: number) => options.onProgress?.({ phase: 'writing', done, total });
  progress(0);
  for (let at = 0; at < creates.length; at += WRITE_CHUNK) {
    const chunk = creates.slice(at, at + WRITE_CHUNK);
    const ids = await repos.people.createMany(
      ws,
      chunk.map((record) => draftOf(record, batch.id)),
    );
    tiesAdded += await repos.ties.ensure(
      ws,
      ids.map((personId, k) => tieWith(personId, chunk[k]!.connectedOn)),
    );
    progress(at + chunk.length);
  }

  // Phase 2: updates fill empty fields and add to lists; the display name the host sees stays.
  const changed = updates.filter((u) => Object.keys(u.changes).length > 0);
  const before = await repos.imports.snapshot(
    ws,
    changed.map((u) => u.decision.personId),
  );
  const recorded: Array<{ personId: string; previous: Record<string, unknown>; stamp: string }> =
    [];
  for (const [k, { decision, changes }] of changed.entries()) {
    const person = p.people.get(decision.personId);
    const updated = await repos.people.update(ws, decision.personId, {
      ...changes,
      displayName: person?.displayName ?? null,
    });
    recorded.push({
      personId: decision.personId,
      previous: before.get(decision.personId) ?? {},
      stamp: updated.updatedAt,
    });
    if ((k + 1) % 500 === 0) progress(creates.length + k + 1);
  }
  await repos.imports.recordUpdated(ws, batch.id, recorded);

  // Phase 3: the host knows everyone they imported; ties already recorded stay as they are.
  const partners = await repos.imports.partnersOf(ws, host.id);
  const newlyTied: typeof updates = [];
  for (const update of updates) {
    const { personId } = update.decision;
    if (personId === host.id || partners.has(personId)) continue;
    partners.add(personId);
    newlyTied.push(update);
  }
  tiesAdded += await repos.ties.ensure(
    ws,
    newlyTied.map(({ decision }) => tieWith(decision.personId, decision.record.connectedOn)),
  );
  await repos.imports.recordTies(
    ws,
    batch.id,
    host.id,
    newlyTied.map(({ decision }) => decision.personId),
  );
  progress(total);
  return { batchId: batch.id, tiesAdded };
};

/**
 * Imports contact files into the workspace in one transaction (see the module comment). A bad
 * row without `skipInvalid` writes nothing: the report says so (`written: false`) and lists
 * every problem. A file that cannot be read at all throws an `invalid_input` DomainError.
 */
export const importContacts = async (
  ctx: AppContext,
  access: Access,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportReport> => {
  requireEditor(access);
  const read = await readContactFiles(files, options);
  if (read.rejected > 0 && !options.skipInvalid) {
    const people = await ctx.store.imports.matchable(access.workspaceId);
    return reportOf(read, plan(people, read, options), 'refused', null, 0);
  }
  const report = await ctx.store.transaction(async (repos) => {
    // Matched inside the transaction, so the plan is of the people the writes will meet.
    const people = await repos.imports.matchable(access.workspaceId);
    const p = plan(people, read, options);
    const { batchId, tiesAdded } = await write(repos, access, read, p, options);
    const written = reportOf(read, p, 'written', batchId, tiesAdded);
    await repos.imports.setSummary(access.workspaceId, batchId, written.counts);
    return written;
  });
  await ctx.network.changed(access.workspaceId, { kind: 'rebuild' });
  return report;
};
