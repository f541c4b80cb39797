/** Workspaces, membership and what a caller may do inside one. */
import { forbidden, invalidInput, notFound } from '../domain/errors';
import { normalizeEmail } from '../domain/text';
import { canEdit, canManageMembers, type Role, type Workspace } from '../domain/workspace';
import type { Repositories } from '../store/store';
import type { AppContext } from './context';

/** Who is acting, in which workspace, with which role. Every workspace use case takes one. */
export interface Access {
  readonly userId: string | null;
  readonly workspaceId: string;
  readonly role: Role;
}

/**
 * The caller's access to a workspace. A workspace the user does not belong to answers
 * `not_found`, exactly like one that does not exist: ids of others are never confirmed.
 */
export const accessTo = async (
  ctx: AppContext,
  userId: string,
  workspaceId: string,
): Promise<Access> => {
  const role = await ctx.store.workspaces.roleOf(workspaceId, userId);
  if (!role) throw notFound('Workspace');
  return { userId, workspaceId, role };
};

/** Access for the local CLI, which acts as the machine's owner. */
export const ownerAccess = (workspaceId: string): Access => ({
  userId: null,
  workspaceId,
  role: 'owner',
});

export const requireEditor = (access: Access): void => {
  if (!canEdit(access.role)) throw forbidden('Viewers cannot change this workspace');
};

/** Creates a workspace with its host as a person (`self`) and the user as owner. */
export const createWorkspace = async (
  repos: Repositories,
  name: string,
  owner: { readonly id: string; readonly name: string } | null,
): Promise<Workspace> => {
  const workspace = await repos.workspaces.create(name, owner?.id ?? null);
  await repos.in(workspace.id).people.create({
    displayName: owner?.name || 'Me',
    isSelf: true,
    source: 'manual',
  });
  return workspace;
};

export const listMembers = async (ctx: AppContext, access: Access) => {
  const [members, invites] = await Promise.all([
    ctx.store.workspaces.members(access.workspaceId),
    ctx.store.workspaces.invites(access.workspaceId),
  ]);
  return [
    ...members.map((m) => ({ ...m, pending: false })),
    ...invites.map((i) => ({
      userId: null,
      email: i.email,
      name: null,
      role: i.role,
      pending: true,
    })),
  ];
};

/**
 * Adds a member by email: at once when they have an account, otherwise as an invitation that
 * becomes a membership when they sign up with that email.
 */
export const inviteMember = async (
  ctx: AppContext,
  access: Access,
  emailInput: string,
  role: Role,
) => {
  if (!canManageMembers(access.role)) throw forbidden('Only an owner can invite members');
  const email = normalizeEmail(emailInput);
  const user = await ctx.store.accounts.findUserByEmail(email);
  if (user) {
    await ctx.store.workspaces.addMember(access.workspaceId, user.id, role);
    return { userId: user.id, email, name: user.name, role, pending: false };
  }
  await ctx.store.workspaces.invite(access.workspaceId, email, role);
  return { userId: null, email, name: null, role, pending: true };
};

/**
 * The workspace a local command works in: the one named, else the only one, else a first one
 * created on the spot for an empty data directory.
 */
export const workspaceForCli = async (
  ctx: AppContext,
  name: string | undefined,
): Promise<Workspace> => {
  const all = await ctx.store.workspaces.all();
  if (name) {
    const found = all.filter((w) => w.name === name);
    if (found.length === 1) return found[0]!;
    throw notFound(`Workspace "${name}"`);
  }
  if (all.length === 1) return all[0]!;
  if (all.length === 0)
    return ctx.store.transaction((repos) => createWorkspace(repos, 'My network', null));
  throw invalidInput(
    `There are ${all.length} workspaces; choose one with --workspace (${all.map((w) => `"${w.name}"`).join(', ')})`,
  );
};
