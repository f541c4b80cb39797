/** Moments: log one in seconds, list them, look one up, change or remove one. */
import { createRoute, z } from '@hono/zod-openapi';
import type { MomentInput } from '../../app/moments';
import {
  deleteMoment,
  listMoments,
  logMoment,
  momentWithNames,
  updateMoment,
} from '../../app/moments';
import { WorkspaceItemParam, WorkspaceParam } from '../../contracts/common.contract';
import { Moment, MomentCreate, MomentsQuery } from '../../contracts/moment.contract';
import type { Api } from '../env';
import { commonErrors, jsonBody, jsonContent, noContent, security } from '../openapi';

const tags = ['Moments'];

export const registerMomentRoutes = (app: Api): void => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/moments',
      tags,
      summary: 'Recent moments, most recent first',
      security,
      request: { params: WorkspaceParam, query: MomentsQuery },
      responses: { 200: jsonContent(z.array(Moment), 'Moments'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        z
          .array(Moment)
          .parse(await listMoments(c.get('ctx'), c.get('access'), c.req.valid('query').limit)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/moments',
      tags,
      summary: 'Log a moment',
      description:
        'Creates any new attendees, ties between you and everyone you met or reconnected with (and among them), and moves your last-contact date with each.',
      security,
      request: { params: WorkspaceParam, ...jsonBody(MomentCreate) },
      responses: { 201: jsonContent(Moment, 'The moment'), ...commonErrors },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const access = c.get('access');
      const { moment } = await logMoment(ctx, access, c.req.valid('json') as MomentInput);
      return c.json(Moment.parse(await momentWithNames(ctx, access, moment.id)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/moments/{id}',
      tags,
      summary: 'One moment with its attendees',
      security,
      request: { params: WorkspaceItemParam },
      responses: { 200: jsonContent(Moment, 'The moment'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        Moment.parse(await momentWithNames(c.get('ctx'), c.get('access'), c.req.valid('param').id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/workspaces/{workspaceId}/moments/{id}',
      tags,
      summary: 'Change a moment: its kind, title, date, place, notes and who was there',
      description:
        'Takes the whole moment, as when it was logged. Ties it made that it no longer implies (someone taken off, or marked as merely present) are removed unless another moment implies them or you edited them; last-contact dates it set move back.',
      security,
      request: { params: WorkspaceItemParam, ...jsonBody(MomentCreate) },
      responses: { 200: jsonContent(Moment, 'The moment as changed'), ...commonErrors },
    }),
    async (c) => {
      const moment = await updateMoment(
        c.get('ctx'),
        c.get('access'),
        c.req.valid('param').id,
        c.req.valid('json') as MomentInput,
      );
      return c.json(Moment.parse(moment), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/moments/{id}',
      tags,
      summary: 'Remove a moment',
      description:
        'Ties the moment made that no other moment implies, and that you have not edited, go with it; your last contact with its people moves back to the latest moment still logged.',
      security,
      request: { params: WorkspaceItemParam },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      await deleteMoment(c.get('ctx'), c.get('access'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
};
