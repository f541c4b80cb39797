/**
 * The store: repositories over one database, and transactions that hand the same repositories a
 * transaction-bound connection. The app layer sees only this surface, never Kysely.
 */
import type { Kysely } from 'kysely';
import { AccountRepository } from './account.repository';
import type { BulkWriter } from './bulk';
import { CircleNameRepository } from './circle-name.repository';
import { type DatabaseConfig, type DialectName, type OpenDatabase, openDatabase } from './database';
import { DemoPlanRepository } from './demo-plan.repository';
import { GoalRepository } from './goal.repository';
import { ImportBatchRepository } from './import-batch.repository';
import { MomentRepository } from './moment.repository';
import { PersonRepository } from './person.repository';
import { PersonMergeRepository } from './person-merge.repository';
import type { Database } from './schema';
import { TieRepository } from './tie.repository';
import { WorkspaceRepository } from './workspace.repository';
import { WorkspaceBackupRepository } from './workspace-backup.repository';

export interface Repositories {
  readonly accounts: AccountRepository;
  readonly workspaces: WorkspaceRepository;
  readonly people: PersonRepository;
  readonly ties: TieRepository;
  readonly moments: MomentRepository;
  readonly demoPlans: DemoPlanRepository;
  readonly circleNames: CircleNameRepository;
  readonly goals: GoalRepository;
  readonly imports: ImportBatchRepository;
  readonly merges: PersonMergeRepository;
  readonly backups: WorkspaceBackupRepository;
}

export interface Store extends Repositories {
  readonly dialect: DialectName;
  readonly location: string;
  /** Runs `work` in one transaction: everything it writes lands together or not at all. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const repositoriesOver = (
  db: Kysely<Database>,
  now: () => string,
  bulk: BulkWriter,
): Repositories => ({
  accounts: new AccountRepository(db, now),
  workspaces: new WorkspaceRepository(db, now),
  people: new PersonRepository(db, now, bulk),
  ties: new TieRepository(db, now, bulk),
  moments: new MomentRepository(db, now, bulk),
  demoPlans: new DemoPlanRepository(db, now),
  circleNames: new CircleNameRepository(db, now),
  goals: new GoalRepository(db, now),
  imports: new ImportBatchRepository(db, now, bulk),
  merges: new PersonMergeRepository(db, now),
  backups: new WorkspaceBackupRepository(db, bulk),
});

const isoNow = (): string => new Date().toISOString();

/** Wraps an open database in the store surface. */
export const storeOver = (opened: OpenDatabase, now: () => string = isoNow): Store => {
  const { db, bulkFor } = opened;
  return {
    ...repositoriesOver(db, now, bulkFor(db)),
    dialect: opened.dialect,
    location: opened.location,
    transaction: (work) =>
      db.transaction().execute((trx) => work(repositoriesOver(trx, now, bulkFor(trx)))),
    close: () => db.destroy(),
  };
};

/** Opens (and migrates) the database named by the config and returns its store. */
export const openStore = async (config: DatabaseConfig): Promise<Store> =>
  storeOver(await openDatabase(config));
