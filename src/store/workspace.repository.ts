/**
 * Workspaces, who belongs to them with which role, and invitations to join: the list every
 * account sees, not bound to one workspace (what a workspace holds is in `WorkspaceStore`).
 */

import type { Kysely } from 'kysely';
import type { Role, Workspace } from '../domain/workspace';
import { newId } from './ids';
import type { Database } from './schema';

export interface WorkspaceOfUser extends Workspace {
  readonly role: Role;
}

export interface MemberRecord {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
}

export interface PendingInvite {
  readonly email: string;
  readonly role: Role;
}

export class WorkspaceRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
  ) {}

  async create(name: string, ownerId: string | null): Promise<Workspace> {
    const row = { id: newId(), name, created_at: this.now() };
    await this.db.insertInto('workspaces').values(row).execute();
    if (ownerId) await this.addMember(row.id, ownerId, 'owner');
    return { id: row.id, name: row.name, createdAt: row.created_at };
  }

  async addMember(workspaceId: string, userId: string, role: Role): Promise<void> {
    await this.db
      .insertInto('memberships')
      .values({ workspace_id: workspaceId, user_id: userId, role, created_at: this.now() })
      .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  }

  /** The user's role in the workspace, or undefined when they are not a member. */
  async roleOf(workspaceId: string, userId: string): Promise<Role | undefined> {
    const row = await this.db
      .selectFrom('memberships')
      .select('role')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role as Role | undefined;
  }

  async ofUser(userId: string): Promise<WorkspaceOfUser[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
      .select(['workspaces.id', 'workspaces.name', 'workspaces.created_at', 'memberships.role'])
      .where('memberships.user_id', '=', userId)
      .orderBy('workspaces.created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.created_at,
      role: r.role as Role,
    }));
  }

  async all(): Promise<Workspace[]> {
    const rows = await this.db
      .selectFrom('workspaces')
      .select(['id', 'name', 'created_at'])
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }

  /** Workspaces nobody belongs to yet: made by the CLI before the machine had an account. */
  async ownerless(): Promise<Workspace[]> {
    const rows = await this.db
      .selectFrom('workspaces')
      .select(['id', 'name', 'created_at'])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('memberships')
              .select('user_id')
              .whereRef('memberships.workspace_id', '=', 'workspaces.id'),
          ),
        ),
      )
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }

  async members(workspaceId: string): Promise<MemberRecord[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email', 'users.name', 'memberships.role'])
      .where('memberships.workspace_id', '=', workspaceId)
      .orderBy('users.email')
      .execute();
    return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, role: r.role as Role }));
  }

  async invite(workspaceId: string, email: string, role: Role): Promise<void> {
    await this.db
      .insertInto('workspace_invites')
      .values({ workspace_id: workspaceId, email, role, created_at: this.now() })
      .onConflict((oc) => oc.columns(['workspace_id', 'email']).doUpdateSet({ role }))
      .execute();
  }

  async invites(workspaceId: string): Promise<PendingInvite[]> {
    const rows = await this.db
      .selectFrom('workspace_invites')
      .select(['email', 'role'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return rows.map((r) => ({ email: r.email, role: r.role as Role }));
  }

  /** Turns every pending invitation for this email into a membership (at sign-up). */
  async acceptInvites(email: string, userId: string): Promise<number> {
    const invites = await this.db
      .selectFrom('workspace_invites')
      .select(['workspace_id', 'role'])
      .where('email', '=', email)
      .execute();
    for (const invite of invites) {
      await this.addMember(invite.workspace_id, userId, invite.role as Role);
    }
    await this.db.deleteFrom('workspace_invites').where('email', '=', email).execute();
    return invites.length;
  }
}
