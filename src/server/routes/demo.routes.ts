/** Loading a demo network from the web app's empty state. */
import { createRoute } from '@hono/zod-openapi';
import { loadDemo } from '../../app/demo';
import { DemoRequest, DemoResult } from '../../contracts/account.contract';
import { WorkspaceParam } from '../../contracts/common.contract';
import { currentUser } from '../auth.middleware';
import type { Api } from '../env';
import { commonErrors, jsonBody, jsonContent, security } from '../openapi';

export const registerDemoRoutes = (app: Api): void => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/demo',
      tags: ['Workspaces'],
      summary: 'Load a generated demo network into this (empty) workspace',
      security,
      request: { params: WorkspaceParam, ...jsonBody(DemoRequest) },
      responses: { 201: jsonContent(DemoResult, 'What was loaded'), ...commonErrors },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const access = c.get('access');
      const account = currentUser(c).id;
      ctx.limits.demosByAccount.check(account, 'demo networks');
      ctx.limits.demosByAccount.fail(account);
      return c.json(DemoResult.parse(await loadDemo(ctx, access, c.req.valid('json'))), 201);
    },
  );
};
