/** Workspaces, members and what each role may do. */

export type Role = 'owner' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface Membership {
  readonly workspaceId: string;
  readonly userId: string;
  readonly role: Role;
}

export const canEdit = (role: Role): boolean => role === 'owner' || role === 'editor';
export const canManageMembers = (role: Role): boolean => role === 'owner';
