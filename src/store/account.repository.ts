/** Users, their sessions and their API tokens: the only tables not owned by a workspace. */

import type { Kysely } from 'kysely';
import { newId } from './ids';
import { uniquely } from './rows';
import type { Database } from './schema';

/** How stale a token's `last_used_at` may get before a use writes it again. */
const LAST_USED_STEP_MS = 3_600_000;

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly createdAt: string;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

const toUser = (row: {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
});

export class AccountRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
  ) {}

  async createUser(user: {
    email: string;
    name: string;
    passwordHash: string;
  }): Promise<UserRecord> {
    const row = {
      id: newId(),
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      created_at: this.now(),
    };
    await uniquely('An account with this email already exists', () =>
      this.db.insertInto('users').values(row).execute(),
    );
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      passwordHash: row.password_hash,
      createdAt: row.created_at,
    };
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    return this.findUser('email', email);
  }

  async findUserById(id: string): Promise<UserRecord | undefined> {
    return this.findUser('id', id);
  }

  /** The first accounts by age (the CLI uses this to find the machine's only account). */
  async listUsers(limit: number): Promise<UserRecord[]> {
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'password_hash', 'created_at'])
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map(toUser);
  }

  async createSession(idHash: string, userId: string, expiresAt: string): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: idHash, user_id: userId, expires_at: expiresAt, created_at: this.now() })
      .execute();
  }

  /** The user of a live session; expired sessions find nothing. */
  async userOfSession(idHash: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .select(['user_id'])
      .where('id', '=', idHash)
      .where('expires_at', '>', this.now())
      .executeTakeFirst();
    return row ? this.findUserById(row.user_id) : undefined;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', idHash).execute();
  }

  /** Removes every expired session; returns how many. */
  async deleteExpiredSessions(): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('expires_at', '<=', this.now())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', userId)
      .execute();
  }

  async createApiToken(userId: string, name: string, tokenHash: string): Promise<ApiTokenRecord> {
    const row = {
      id: newId(),
      user_id: userId,
      name,
      token_hash: tokenHash,
      created_at: this.now(),
      last_used_at: null,
    };
    await this.db.insertInto('api_tokens').values(row).execute();
    return { id: row.id, userId, name, createdAt: row.created_at, lastUsedAt: null };
  }

  async listApiTokens(userId: string): Promise<ApiTokenRecord[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'name', 'created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      name: r.name,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
    }));
  }

  /** Revokes one of the user's own tokens; false when it is not theirs. */
  async deleteApiToken(userId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('api_tokens')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * The user of a token. `last_used_at` is written at most once an hour per token: a script
   * calling the API in a loop should not turn every read into a write.
   */
  async userOfApiToken(tokenHash: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'last_used_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const now = this.now();
    if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) >= LAST_USED_STEP_MS) {
      await this.db
        .updateTable('api_tokens')
        .set({ last_used_at: now })
        .where('id', '=', row.id)
        .execute();
    }
    return this.findUserById(row.user_id);
  }

  private async findUser(column: 'id' | 'email', value: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'password_hash', 'created_at'])
      .where(column, '=', value)
      .executeTakeFirst();
    return row ? toUser(row) : undefined;
  }
}
