/**
 * The engine: who should meet whom and why, the host's tuning of it, movers and shakers,
 * circles, the network map.
 */
import { createRoute } from '@hono/zod-openapi';
import { listCircles, renameCircle } from '../../app/circles';
import { engineWeights, resetEngineWeights, setEngineWeights } from '../../app/engine-weights';
import { introductions, suggestionsFor } from '../../app/introductions';
import { networkMap } from '../../app/network-map';
import { personReach, reachList, reachThrough } from '../../app/reach';
import { WorkspaceItemParam, WorkspaceParam } from '../../contracts/common.contract';
import { EngineWeightsUpdate, EngineWeightsView } from '../../contracts/engine-weights.contract';
import {
  Circle,
  CircleParam,
  CircleRename,
  Circles,
  Introductions,
  MapQuery,
  NetworkMap,
  ReachEntry,
  ReachList,
  ReachQuery,
  ReachThrough,
  Suggestions,
  SuggestionsQuery,
} from '../../contracts/network.contract';
import type { Api } from '../env';
import { commonErrors, jsonBody, jsonContent, security } from '../openapi';

const tags = ['Network'];

export const registerNetworkRoutes = (app: Api): void => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/people/{id}/suggestions',
      tags,
      summary: 'Whom this person should meet, with the reasons',
      security,
      request: { params: WorkspaceItemParam, query: SuggestionsQuery },
      responses: { 200: jsonContent(Suggestions, 'Suggestions, best first'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await suggestionsFor(
        c.get('ctx'),
        c.get('access'),
        id,
        c.req.valid('query').limit,
      );
      return c.json(Suggestions.parse(result), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/introductions',
      tags,
      summary: 'The introductions most worth making, at most a few per person',
      security,
      request: { params: WorkspaceParam, query: SuggestionsQuery },
      responses: { 200: jsonContent(Introductions, 'Pairs, best first'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        Introductions.parse(
          await introductions(c.get('ctx'), c.get('access'), c.req.valid('query').limit),
        ),
        200,
      ),
  );

  const weightsPath = '/api/workspaces/{workspaceId}/engine-weights';

  app.openapi(
    createRoute({
      method: 'get',
      path: weightsPath,
      tags,
      summary: 'How much each part of a pair’s value counts here, and the defaults',
      security,
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(EngineWeightsView, 'Weights and defaults'), ...commonErrors },
    }),
    async (c) =>
      c.json(EngineWeightsView.parse(await engineWeights(c.get('ctx'), c.get('access'))), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: weightsPath,
      tags,
      summary: 'Tune the engine: suggestions and introductions follow these weights (editors)',
      security,
      request: { params: WorkspaceParam, ...jsonBody(EngineWeightsUpdate) },
      responses: { 200: jsonContent(EngineWeightsView, 'Weights and defaults'), ...commonErrors },
    }),
    async (c) => {
      const { weights } = c.req.valid('json');
      const tuned = await setEngineWeights(c.get('ctx'), c.get('access'), weights);
      return c.json(EngineWeightsView.parse(tuned), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: weightsPath,
      tags,
      summary: 'Back to the defaults, including whatever later versions make them (editors)',
      security,
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(EngineWeightsView, 'The defaults, now in use'),
        ...commonErrors,
      },
    }),
    async (c) =>
      c.json(EngineWeightsView.parse(await resetEngineWeights(c.get('ctx'), c.get('access'))), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/reach',
      tags,
      summary: 'Movers and shakers: people ranked by reach, with what makes each well connected',
      security,
      request: { params: WorkspaceParam, query: ReachQuery },
      responses: { 200: jsonContent(ReachList, 'People by reach'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        ReachList.parse(await reachList(c.get('ctx'), c.get('access'), c.req.valid('query').top)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/people/{id}/reach',
      tags,
      summary: 'One person’s reach and its parts',
      security,
      request: { params: WorkspaceItemParam },
      responses: { 200: jsonContent(ReachEntry, 'Reach'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        ReachEntry.parse(await personReach(c.get('ctx'), c.get('access'), c.req.valid('param').id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/reach-through',
      tags,
      summary:
        'How many people you reach through one warm introduction, and who opens the most doors',
      security,
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(ReachThrough, 'Reach through others'), ...commonErrors },
    }),
    async (c) => c.json(ReachThrough.parse(await reachThrough(c.get('ctx'), c.get('access'))), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/circles',
      tags,
      summary: 'The circles of your network, named from what their people share',
      security,
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(Circles, 'Circles, largest first'), ...commonErrors },
    }),
    async (c) => c.json(Circles.parse(await listCircles(c.get('ctx'), c.get('access'))), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/workspaces/{workspaceId}/circles/{circle}/name',
      tags,
      summary: 'Rename a circle; the name survives while the circle is mostly the same people',
      security,
      request: { params: CircleParam, ...jsonBody(CircleRename) },
      responses: { 200: jsonContent(Circle, 'The renamed circle'), ...commonErrors },
    }),
    async (c) => {
      const { circle } = c.req.valid('param');
      const renamed = await renameCircle(
        c.get('ctx'),
        c.get('access'),
        circle,
        c.req.valid('json').name,
      );
      return c.json(Circle.parse(renamed), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/map',
      tags,
      summary: 'The network map: the best-connected people (up to `limit`), their circles and ties',
      security,
      request: { params: WorkspaceParam, query: MapQuery },
      responses: { 200: jsonContent(NetworkMap, 'Nodes and edges'), ...commonErrors },
    }),
    async (c) =>
      c.json(await networkMap(c.get('ctx'), c.get('access'), c.req.valid('query').limit), 200),
  );
};
