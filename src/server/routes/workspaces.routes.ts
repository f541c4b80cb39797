/** Workspaces, their members and their figures. */
import { createRoute, z } from '@hono/zod-openapi';
import { me } from '../../app/auth';
import { workspaceStats } from '../../app/people';
import { createWorkspace, inviteMember, listMembers } from '../../app/workspaces';
import {
  Member,
  MemberInvite,
  WorkspaceCreate,
  WorkspaceStats,
  WorkspaceSummary,
} from '../../contracts/account.contract';
import { WorkspaceParam } from '../../contracts/common.contract';
import type { Role } from '../../domain/workspace';
import { currentUser } from '../auth.middleware';
import type { Api } from '../env';
import { commonErrors, jsonBody, jsonContent, security } from '../openapi';

export const registerWorkspaceRoutes = (app: Api): void => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces',
      tags: ['Workspaces'],
      summary: 'The workspaces you belong to',
      security,
      responses: { 200: jsonContent(z.array(WorkspaceSummary), 'Workspaces'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        z.array(WorkspaceSummary).parse((await me(c.get('ctx'), currentUser(c))).workspaces),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces',
      tags: ['Workspaces'],
      summary: 'Create another workspace, with you as its owner',
      security,
      request: jsonBody(WorkspaceCreate),
      responses: { 201: jsonContent(WorkspaceSummary, 'The new workspace'), ...commonErrors },
    }),
    async (c) => {
      const user = currentUser(c);
      const workspace = await c
        .get('ctx')
        .store.transaction((repos) => createWorkspace(repos, c.req.valid('json').name, user));
      return c.json(WorkspaceSummary.parse({ ...workspace, role: 'owner' }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/members',
      tags: ['Workspaces'],
      summary: 'Members and pending invitations',
      security,
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(z.array(Member), 'Members'), ...commonErrors },
    }),
    async (c) =>
      c.json(z.array(Member).parse(await listMembers(c.get('ctx'), c.get('access'))), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/members',
      tags: ['Workspaces'],
      summary: 'Invite a member by email with a role (owners only)',
      security,
      request: { params: WorkspaceParam, ...jsonBody(MemberInvite) },
      responses: { 201: jsonContent(Member, 'The member or pending invitation'), ...commonErrors },
    }),
    async (c) => {
      const { email, role } = c.req.valid('json');
      const member = await inviteMember(c.get('ctx'), c.get('access'), email, role as Role);
      return c.json(Member.parse(member), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/stats',
      tags: ['Workspaces'],
      summary: 'How many people, ties and moments the workspace holds',
      security,
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(WorkspaceStats, 'Counts'), ...commonErrors },
    }),
    async (c) => c.json(await workspaceStats(c.get('ctx'), c.get('access')), 200),
  );
};
