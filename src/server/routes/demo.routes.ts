/** Loading a demo network from the web app's empty state. */
import { createRoute } from '@hono/zod-openapi';
import { loadDemo } from '../../app/demo';
import { DemoRequest, DemoResult } from '../../contracts/account.contract';
import { WorkspaceParam } from '../../contracts/common.contract';
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
    async (c) =>
      c.json(
        DemoResult.parse(await loadDemo(c.get('ctx'), c.get('access'), c.req.valid('json'))),
        201,
      ),
  );
};
