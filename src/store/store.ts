/**
 * The store: repositories over one database, and transactions that hand the same repositories a
 * transaction-bound connection. The app layer sees only this surface, never Kysely.
 *
 * What belongs to one workspace is reached through `store.in(workspaceId)`: a `WorkspaceStore`
 * whose repositories are built for that workspace and reach its tables only through a
 * `WorkspaceScope`, so none of them can read, change or delete another workspace's rows.
 * Accounts, sessions, tokens, the workspace list and memberships stay on the unbound store.
 */
import type { Kysely } from 'kysely';
import { AccountRepository } from './account.repository';
import type { BulkWriter } from './bulk';
import { CatalogueRepository } from './catalogue.repository';
import { ChangeCounterRepository } from './change-counter.repository';
import { CircleNameRepository } from './circle-name.repository';
import { type DatabaseConfig, type DialectName, type OpenDatabase, openDatabase } from './database';
import { DemoPlanRepository } from './demo-plan.repository';
import { EngineWeightRepository } from './engine-weight.repository';
import { GatheringRepository } from './gathering.repository';
import { GoalRepository } from './goal.repository';
import { ImportBatchRepository } from './import-batch.repository';
import { MomentRepository } from './moment.repository';
import { PersonRepository } from './person.repository';
import { PersonMergeRepository } from './person-merge.repository';
import type { Database } from './schema';
import { TieRepository } from './tie.repository';
import { WorkspaceRepository } from './workspace.repository';
import { WorkspaceBackupRepository } from './workspace-backup.repository';
import { WorkspaceScope } from './workspace-scope';

/** The repositories of one workspace: every query they make is about that workspace alone. */
export interface WorkspaceRepositories {
  readonly workspaceId: string;
  readonly people: PersonRepository;
  readonly ties: TieRepository;
  readonly moments: MomentRepository;
  readonly demoPlans: DemoPlanRepository;
  readonly circleNames: CircleNameRepository;
  readonly imports: ImportBatchRepository;
  readonly merges: PersonMergeRepository;
  readonly backups: WorkspaceBackupRepository;
  readonly engineWeights: EngineWeightRepository;
  readonly changes: ChangeCounterRepository;
  readonly gatherings: GatheringRepository;
  readonly goals: GoalRepository;
}

/** One workspace's store: its repositories, and transactions over them. */
export interface WorkspaceStore extends WorkspaceRepositories {
  /** Runs `work` in one transaction: everything it writes lands together or not at all. */
  transaction<T>(work: (repositories: WorkspaceRepositories) => Promise<T>): Promise<T>;
}

/** What is not one workspace's: accounts, the workspace list and memberships. */
export interface Repositories {
  readonly accounts: AccountRepository;
  readonly workspaces: WorkspaceRepository;
  /** Questions across every workspace of the database (ids in use, workspace tables). */
  readonly catalogue: CatalogueRepository;
  /** The repositories of one workspace, over the same connection (or transaction). */
  in(workspaceId: string): WorkspaceRepositories;
}

export interface Store extends Omit<Repositories, 'in'> {
  readonly dialect: DialectName;
  readonly location: string;
  /** How another thread or process opens this database; null for an in-memory one. */
  readonly config: DatabaseConfig | null;
  /** The store of one workspace. */
  in(workspaceId: string): WorkspaceStore;
  /** Runs `work` in one transaction: everything it writes lands together or not at all. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const workspaceRepositoriesOver = (
  db: Kysely<Database>,
  now: () => string,
  bulk: BulkWriter,
  workspaceId: string,
  reader: Kysely<Database> = db,
): WorkspaceRepositories => {
  const scope = new WorkspaceScope(db, bulk, workspaceId, reader);
  return {
    workspaceId,
    people: new PersonRepository(scope, now),
    ties: new TieRepository(scope, now),
    moments: new MomentRepository(scope, now),
    demoPlans: new DemoPlanRepository(scope, now),
    circleNames: new CircleNameRepository(scope, now),
    imports: new ImportBatchRepository(scope, now),
    merges: new PersonMergeRepository(scope, now),
    backups: new WorkspaceBackupRepository(scope),
    engineWeights: new EngineWeightRepository(scope),
    changes: new ChangeCounterRepository(scope),
    gatherings: new GatheringRepository(scope, now),
    goals: new GoalRepository(scope, now),
  };
};

/** The repositories over `db`, reading through `reader` (a transaction reads through itself). */
const repositoriesOver = (
  db: Kysely<Database>,
  now: () => string,
  bulk: BulkWriter,
  reader: Kysely<Database> = db,
): Repositories => ({
  accounts: new AccountRepository(db, now, reader),
  workspaces: new WorkspaceRepository(db, now, reader),
  catalogue: new CatalogueRepository(reader),
  in: (workspaceId) => workspaceRepositoriesOver(db, now, bulk, workspaceId, reader),
});

const isoNow = (): string => new Date().toISOString();

/** Wraps an open database in the store surface. */
export const storeOver = (opened: OpenDatabase, now: () => string = isoNow): Store => {
  const { db, reader, bulkFor } = opened;
  const { in: _in, ...global } = repositoriesOver(db, now, bulkFor(db), reader);
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.transaction().execute(work);
  return {
    ...global,
    dialect: opened.dialect,
    location: opened.location,
    config: opened.config,
    in: (workspaceId) => ({
      ...workspaceRepositoriesOver(db, now, bulkFor(db), workspaceId, reader),
      transaction: (work) =>
        inTransaction((trx) =>
          work(workspaceRepositoriesOver(trx, now, bulkFor(trx), workspaceId)),
        ),
    }),
    transaction: (work) => inTransaction((trx) => work(repositoriesOver(trx, now, bulkFor(trx)))),
    close: async () => {
      await db.destroy();
      if (reader !== db) await reader.destroy();
    },
  };
};

/** Opens (and, unless told not to, migrates) the database named by the config: its store. */
export const openStore = async (
  config: DatabaseConfig,
  options: { readonly migrate?: boolean } = {},
): Promise<Store> => storeOver(await openDatabase(config, options));
