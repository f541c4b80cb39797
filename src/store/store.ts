/**
 * The store: repositories over one database, and transactions that hand the same repositories a
 * transaction-bound connection. The app layer sees only this surface, never Kysely.
 */
import type { Kysely } from 'kysely';
import { AccountRepository } from './account.repository';
import { type DatabaseConfig, type DialectName, openDatabase } from './database';
import { MomentRepository } from './moment.repository';
import { PersonRepository } from './person.repository';
import type { Database } from './schema';
import { TieRepository } from './tie.repository';
import { WorkspaceRepository } from './workspace.repository';

export interface Repositories {
  readonly accounts: AccountRepository;
  readonly workspaces: WorkspaceRepository;
  readonly people: PersonRepository;
  readonly ties: TieRepository;
  readonly moments: MomentRepository;
}

export interface Store extends Repositories {
  readonly dialect: DialectName;
  readonly location: string;
  /** Runs `work` in one transaction: everything it writes lands together or not at all. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const repositoriesOver = (db: Kysely<Database>, now: () => string): Repositories => ({
  accounts: new AccountRepository(db, now),
  workspaces: new WorkspaceRepository(db, now),
  people: new PersonRepository(db, now),
  ties: new TieRepository(db, now),
  moments: new MomentRepository(db, now),
});

const isoNow = (): string => new Date().toISOString();

/** Wraps an open database in the store surface. */
export const storeOver = (
  db: Kysely<Database>,
  dialect: DialectName,
  location: string,
  now: () => string = isoNow,
): Store => ({
  ...repositoriesOver(db, now),
  dialect,
  location,
  transaction: (work) => db.transaction().execute((trx) => work(repositoriesOver(trx, now))),
  close: () => db.destroy(),
});

/** Opens (and migrates) the database named by the config and returns its store. */
export const openStore = async (config: DatabaseConfig): Promise<Store> => {
  const opened = await openDatabase(config);
  return storeOver(opened.db, opened.dialect, opened.location);
};
