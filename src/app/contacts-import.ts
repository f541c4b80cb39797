/**
 * Importing contacts: `previewImport` (a dry run: what would be created, updated, merged and
 * rejected, nothing written) and `importContacts` (the same, then written in ONE transaction).
 *
 * The files are read twice, so that memory holds their keys but not their records, however
 * large they are (see `match.ts`). First read: every row checked, the records clustered with
 * each other (the same person twice in the files). Second read, inside the transaction: each
 * cluster matched against the workspace as it comes; new people written a chunk at a time
 * through the bulk writer, each tied to the host (since = LinkedIn's Connected On). Updates, at
 * most one per existing person, are held to the end, then fill only empty fields and add emails,
 * phones and tags, with what undo needs. Conflicts are reported, never applied. By default a
 * file with a bad row writes nothing and every problem is reported; `skipInvalid` imports the
 * good rows and reports the rest.
 */
import { conflict } from '../domain/errors';
import type { PersonPhoto } from '../domain/person';
import type { ImportFormat } from '../interchange/detect-format';
import { type ImportRecord, toPersonDraft } from '../interchange/import-record';
import {
  type Clustering,
  ClusterMatcher,
  ImportClusters,
  type MatchDecision,
  type MatchOptions,
  type MatchStep,
  type PersonChanges,
} from '../interchange/match';
import type { CountryCode } from '../interchange/phone';
import type { MatchablePerson } from '../store/import-batch.repository';
import type { WorkspaceRepositories } from '../store/store';
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

/**
 * How many new people are written per step (and per progress report). On PostgreSQL each step
 * of 1,000 or more also refreshes the planner's statistics (see `PersonRepository.createMany`),
 * a third of a 50,000-row import at 1,000 a step: 5,000, the writer's own batch.
 */
const WRITE_CHUNK = 5000;

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

type UpdateDecision = Extract<MatchDecision, { readonly kind: 'update' }>;

interface PlannedUpdate {
  readonly decision: UpdateDecision;
  readonly changes: Changes;
  readonly place: RecordPlace;
}

/** What the second reading decided; the people it created are written by then. */
interface Outcome {
  readonly created: number;
  readonly merged: number;
  readonly conflicts: readonly ImportConflict[];
  readonly duplicates: readonly ImportDuplicate[];
  readonly updates: readonly PlannedUpdate[];
}

/** The files read once, their records clustered. */
interface Clustered {
  readonly read: ReadContacts;
  readonly clustering: Clustering;
}

const matchOptions = (options: ImportOptions): MatchOptions =>
  options.defaultCountry ? { defaultCountry: options.defaultCountry } : {};

/**
 * The first reading. The clusters' keys live only as long as this call: the second reading
 * needs no more than which cluster each record joined.
 */
const readAndCluster = async (
  files: readonly ImportFile[],
  options: ImportOptions,
): Promise<Clustered> => {
  const clusters = new ImportClusters(matchOptions(options));
  const read = await readContactFiles(files, options, (record) => clusters.add(record));
  const clustering = clusters.done();
  clustering.reviseMembers((record, index) => read.withGroups(record, index));
  return { read, clustering };
};

/**
 * Called with each chunk of new people, and how many clusters are done: decided, and written
 * unless they are updates (written at the end).
 */
type CreateChunk = (records: readonly ImportRecord[], done: number) => Promise<void>;

const withPhoto = (decision: UpdateDecision, person: MatchablePerson | undefined): Changes =>
  decision.record.photo && person && !person.hasPhoto
    ? { ...decision.changes, photo: decision.record.photo }
    : decision.changes;

/** What the report says of the records, gathered as the second reading decides them. */
class Findings {
  created = 0;
  merged = 0;
  readonly conflicts: ImportConflict[] = [];
  readonly duplicates: ImportDuplicate[] = [];
  /** Where the records that lead an update are: held to the end, like the updates. */
  readonly updates = new Map<number, RecordPlace>();
  /** Where the records are that later ones join: the duplicates name them. */
  private readonly joined = new Map<number, RecordPlace>();

  constructor(private readonly people: ReadonlyMap<string, MatchablePerson>) {}

  /** Notes the step of record `at`; `joined` when later records join it. */
  note(at: number, place: RecordPlace, joined: boolean, step: MatchStep): void {
    if (joined) this.joined.set(at, place);
    if (step.kind === 'create') this.created++;
    else if (step.kind === 'update') this.updates.set(at, place);
    else if (step.kind === 'conflict') {
      this.conflicts.push({
        ...place,
        reason: step.reason,
        candidates: step.candidates.map((id) => ({
          id,
          displayName: this.people.get(id)?.displayName ?? '',
        })),
      });
    } else {
      this.merged++;
      if (this.duplicates.length >= REPORT_LIST_LIMIT) return;
      const into = this.joined.get(step.into) ?? this.updates.get(step.into)!;
      this.duplicates.push({ ...place, into, matchedBy: step.matchedBy });
    }
  }
}

/**
 * The second reading: each record matched (see `ClusterMatcher`), new people handed to
 * `create` a chunk at a time (nothing is written without it: a dry run), and what the report
 * says gathered on the way.
 */
const decide = async (
  { read, clustering }: Clustered,
  people: readonly MatchablePerson[],
  options: ImportOptions,
  create?: CreateChunk,
): Promise<Outcome> => {
  const matcher = new ClusterMatcher(people, clustering, matchOptions(options));
  const byId = new Map(people.map((p) => [p.id, p]));
  const findings = new Findings(byId);
  let chunk: ImportRecord[] = [];
  let decided = 0;
  let at = 0;
  const flush = async () => {
    await create?.(chunk, decided - findings.updates.size);
    chunk = [];
  };
  for await (const { record, file } of read.reread()) {
    const place = {
      file: read.files[file]?.name ?? '',
      line: record.line,
      displayName: record.displayName,
    };
    if (clustering.leaderOf(at) === at) decided++;
    // Asked before the step: the matcher lets go of the records that joined once it combines them.
    const joined = clustering.hasMembers(at);
    const step = matcher.next(record);
    findings.note(at++, place, joined, step);
    if (step.kind === 'create') chunk.push(step.record);
    if (chunk.length >= WRITE_CHUNK) await flush();
  }
  if (chunk.length > 0) await flush();
  return {
    created: findings.created,
    merged: findings.merged,
    conflicts: findings.conflicts,
    duplicates: findings.duplicates,
    updates: matcher.finish().map(({ index, decision }) => ({
      decision,
      changes: withPhoto(decision, byId.get(decision.personId)),
      place: findings.updates.get(index)!,
    })),
  };
};

const isChange = (update: PlannedUpdate): boolean => Object.keys(update.changes).length > 0;

const countsOf = (read: ReadContacts, outcome: Outcome, tiesAdded: number): ImportCounts => {
  const updated = outcome.updates.filter(isChange).length;
  return {
    records: read.records,
    created: outcome.created,
    updated,
    unchanged: outcome.updates.length - updated,
    merged: outcome.merged,
    conflicts: outcome.conflicts.length,
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
  outcome: Outcome,
  people: ReadonlyMap<string, MatchablePerson>,
  result: {
    readonly kind: 'written' | 'dry-run' | 'refused';
    readonly batchId: string | null;
    readonly tiesAdded: number;
  },
): ImportReport => {
  const counts = countsOf(read, outcome, result.tiesAdded);
  return {
    batchId: result.batchId,
    written: result.kind === 'written',
    dryRun: result.kind === 'dry-run',
    files: read.files,
    counts,
    conflicts: outcome.conflicts,
    duplicates: outcome.duplicates,
    matches: outcome.updates.slice(0, REPORT_LIST_LIMIT).map(({ decision, changes, place }) => ({
      ...place,
      personId: decision.personId,
      personName: people.get(decision.personId)?.displayName ?? '',
      matchedBy: decision.matchedBy,
      fields: Object.keys(changes),
    })),
    problems: read.problems,
    message: messageOf(counts, result.kind),
  };
};

/** The import's batch format: the one format, or several joined (`linkedin+vcard`). */
const batchFormat = (read: ReadContacts): string =>
  [...new Set(read.files.map((f) => f.format))].join('+');

/** Reads the files once, then runs `work`; the copies of the files go when it is done. */
const withClustered = async <T>(
  files: readonly ImportFile[],
  options: ImportOptions,
  work: (clustered: Clustered) => Promise<T>,
): Promise<T> => {
  const clustered = await readAndCluster(files, options);
  try {
    return await work(clustered);
  } finally {
    await clustered.read.dispose();
  }
};

/** The report of a run that writes nothing: a dry run, or an import refused for bad rows. */
const unwritten = async (
  ctx: AppContext,
  access: Access,
  clustered: Clustered,
  options: ImportOptions,
  kind: 'dry-run' | 'refused',
): Promise<ImportReport> => {
  const people = await ctx.store.in(access.workspaceId).imports.matchable();
  const outcome = await decide(clustered, people, options);
  const byId = new Map(people.map((p) => [p.id, p]));
  return reportOf(clustered.read, outcome, byId, { kind, batchId: null, tiesAdded: 0 });
};

/**
 * What importing these files would do, without writing anything: the counts, the conflicts,
 * the duplicates recognised between and within the files, and every bad row.
 */
export const previewImport = async (
  ctx: AppContext,
  access: Access,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportReport> =>
  withClustered(files, options, (clustered) =>
    unwritten(ctx, access, clustered, options, 'dry-run'),
  );

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

/**
 * An import being written, inside the caller's transaction: the batch is created first, new
 * people are written as the second reading finds them, updates and their ties at the end.
 */
class ImportWriter {
  tiesAdded = 0;

  private constructor(
    private readonly repos: WorkspaceRepositories,
    private readonly hostId: string,
    readonly batchId: string,
    private readonly progress: (done: number) => void,
  ) {}

  static async start(
    repos: WorkspaceRepositories,
    read: ReadContacts,
    clusters: number,
    options: ImportOptions,
  ): Promise<ImportWriter> {
    const host = await repos.people.findSelf();
    if (!host) throw conflict('This workspace has no host person');
    const batch = await repos.imports.create({
      format: batchFormat(read),
      fileName: read.files.map((f) => f.name).join(', '),
      summary: {},
    });
    // Counted in clusters (the distinct people of the files): each is done once written, or
    // found to be a conflict or part of another; updates are written, and done, at the end.
    const progress = (done: number) =>
      options.onProgress?.({ phase: 'writing', done, total: clusters });
    progress(0);
    return new ImportWriter(repos, host.id, batch.id, progress);
  }

  private tieWith(personId: string, since: string | undefined) {
    return {
      aId: this.hostId,
      bId: personId,
      strength: IMPORTED_TIE_STRENGTH,
      source: 'imported' as const,
      since: since ?? null,
    };
  }

  /** New people, each tied to the host. */
  readonly create: CreateChunk = async (records, decided) => {
    const ids = await this.repos.people.createMany(
      records.map((record) => draftOf(record, this.batchId)),
    );
    this.tiesAdded += await this.repos.ties.ensure(
      ids.map((personId, k) => this.tieWith(personId, records[k]!.connectedOn)),
    );
    this.progress(decided);
  };

  /**
   * Updates fill empty fields and add to lists (the display name the host sees stays), each
   * recorded with the columns before for undo; then the host is tied to everyone updated who
   * was not tied to them yet.
   */
  async finish(
    updates: readonly PlannedUpdate[],
    people: ReadonlyMap<string, MatchablePerson>,
    total: number,
  ): Promise<void> {
    const changed = updates.filter(isChange);
    const before = await this.repos.imports.snapshot(changed.map((u) => u.decision.personId));
    const recorded: Array<{ personId: string; previous: Record<string, unknown>; stamp: string }> =
      [];
    for (const [k, { decision, changes }] of changed.entries()) {
      const updated = await this.repos.people.update(decision.personId, {
        ...changes,
        displayName: people.get(decision.personId)?.displayName ?? null,
      });
      recorded.push({
        personId: decision.personId,
        previous: before.get(decision.personId) ?? {},
        stamp: updated.updatedAt,
      });
      if ((k + 1) % 500 === 0) this.progress(total - changed.length + k + 1);
    }
    await this.repos.imports.recordUpdated(this.batchId, recorded);

    // The host knows everyone they imported; ties already recorded stay as they are.
    const others = updates.filter(({ decision }) => decision.personId !== this.hostId);
    const tied = await this.repos.imports.tiedTo(
      this.hostId,
      others.map(({ decision }) => decision.personId),
    );
    const newlyTied = others.filter(({ decision }) => !tied.has(decision.personId));
    this.tiesAdded += await this.repos.ties.ensure(
      newlyTied.map(({ decision }) => this.tieWith(decision.personId, decision.record.connectedOn)),
    );
    await this.repos.imports.recordTies(
      this.batchId,
      this.hostId,
      newlyTied.map(({ decision }) => decision.personId),
    );
    this.progress(total);
  }
}

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
  const report = await withClustered(files, options, async (clustered) => {
    const { read, clustering } = clustered;
    if (read.rejected > 0 && !options.skipInvalid) {
      return unwritten(ctx, access, clustered, options, 'refused');
    }
    return ctx.store.in(access.workspaceId).transaction(async (repos) => {
      // Matched inside the transaction, so that the matches are of the people the writes meet.
      const people = await repos.imports.matchable();
      const writer = await ImportWriter.start(repos, read, clustering.clusters, options);
      const outcome = await decide(clustered, people, options, writer.create);
      const byId = new Map(people.map((p) => [p.id, p]));
      await writer.finish(outcome.updates, byId, clustering.clusters);
      const written = reportOf(read, outcome, byId, {
        kind: 'written',
        batchId: writer.batchId,
        tiesAdded: writer.tiesAdded,
      });
      await repos.imports.setSummary(writer.batchId, written.counts);
      return written;
    });
  });
  if (report.written) await ctx.network.changed(access.workspaceId, { kind: 'rebuild' });
  return report;
};
