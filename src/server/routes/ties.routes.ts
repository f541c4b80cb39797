/** Ties recorded by hand. */
import { createRoute } from '@hono/zod-openapi';
import { recordTie, removeTie, updateTie } from '../../app/ties';
import { WorkspaceItemParam, WorkspaceParam } from '../../contracts/common.contract';
import { Tie, TieCreate, TieUpdate } from '../../contracts/tie.contract';
import type { Api } from '../env';
import { commonErrors, jsonBody, jsonContent, noContent, security } from '../openapi';

const tags = ['Ties'];

export const registerTieRoutes = (app: Api): void => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/ties',
      tags,
      summary: 'Record that two people know each other',
      security,
      request: { params: WorkspaceParam, ...jsonBody(TieCreate) },
      responses: { 201: jsonContent(Tie, 'The tie'), ...commonErrors },
    }),
    async (c) =>
      c.json(Tie.parse(await recordTie(c.get('ctx'), c.get('access'), c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/workspaces/{workspaceId}/ties/{id}',
      tags,
      summary: 'Change a tie’s strength, since-date or notes',
      security,
      request: { params: WorkspaceItemParam, ...jsonBody(TieUpdate) },
      responses: { 200: jsonContent(Tie, 'The tie'), ...commonErrors },
    }),
    async (c) => {
      const tie = await updateTie(
        c.get('ctx'),
        c.get('access'),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(Tie.parse(tie), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/ties/{id}',
      tags,
      summary: 'Remove a tie',
      security,
      request: { params: WorkspaceItemParam },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      await removeTie(c.get('ctx'), c.get('access'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
};
