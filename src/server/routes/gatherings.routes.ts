/**
 * Gatherings: plan a table as a draft, compose it (a preview, or saved in one transaction),
 * ask for replacements for one seat, seat a larger dinner over tables, and schedule a series.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  composeForGathering,
  composeTablePreview,
  explainTablePreview,
  replacementsForSeat,
} from '../../app/gathering-compose';
import { scheduleSeriesForPool, seatGathering } from '../../app/gathering-seating';
import {
  createGathering,
  deleteGathering,
  getGathering,
  listGatherings,
  setGuests,
  updateGathering,
} from '../../app/gatherings';
import { WorkspaceItemParam, WorkspaceParam } from '../../contracts/common.contract';
import {
  ComposeRequest,
  Composition,
  ExplainRequest,
  Gathering,
  GatheringComposeRequest,
  GatheringComposition,
  GatheringCreate,
  GatheringsQuery,
  GatheringUpdate,
  GuestsUpdate,
  Replacements,
  ReplacementsRequest,
  Seating,
  SeatingRequest,
  Series,
  SeriesRequest,
} from '../../contracts/gathering.contract';
import type { Api } from '../env';
import { commonErrors, jsonBody, jsonContent, noContent, security } from '../openapi';

const tags = ['Gatherings'];
const base = '/api/workspaces/{workspaceId}/gatherings';

/** Composing answers 409 `infeasible` when the constraints contradict each other. */
const composeErrors = {
  ...commonErrors,
  409: jsonContent(
    commonErrors[409].content['application/json'].schema,
    '`infeasible`: the constraints cannot all hold; `fields` names each one in conflict',
  ),
};

export const registerGatheringRoutes = (app: Api): void => {
  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: 'Your gatherings, the soonest first',
      security,
      request: { params: WorkspaceParam, query: GatheringsQuery },
      responses: { 200: jsonContent(z.array(Gathering), 'Gatherings'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        z
          .array(Gathering)
          .parse(await listGatherings(c.get('ctx'), c.get('access'), c.req.valid('query').limit)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: 'Plan a gathering (a draft), with its guest list when given',
      description:
        'Saves a composed table or guests picked by hand together with the details, in one transaction: nothing is saved when any guest or detail is refused.',
      security,
      request: { params: WorkspaceParam, ...jsonBody(GatheringCreate) },
      responses: { 201: jsonContent(Gathering, 'The draft'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        Gathering.parse(await createGathering(c.get('ctx'), c.get('access'), c.req.valid('json'))),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/compose`,
      tags,
      summary: 'Propose a table (a preview: nothing is saved)',
      description:
        'Chooses the guests who make the table worth the most, each with why, the strongest pairs, the value and how sure it is. People in `must`, `exclude` and `neverTogether` are ids or names.',
      security,
      request: { params: WorkspaceParam, ...jsonBody(ComposeRequest) },
      responses: { 200: jsonContent(Composition, 'The proposed table'), ...composeErrors },
    }),
    async (c) =>
      c.json(
        Composition.parse(
          await composeTablePreview(c.get('ctx'), c.get('access'), c.req.valid('json')),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/explain`,
      tags,
      summary: 'Explain a table the host edited: reasons, strongest pairs, value',
      description:
        'After a guest is locked, removed or replaced, the table as it now stands, explained like a composed one (its proof is `unproven`). Nothing is saved.',
      security,
      request: { params: WorkspaceParam, ...jsonBody(ExplainRequest) },
      responses: { 200: jsonContent(Composition, 'The table, explained'), ...composeErrors },
    }),
    async (c) =>
      c.json(
        Composition.parse(
          await explainTablePreview(c.get('ctx'), c.get('access'), c.req.valid('json')),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/replacements`,
      tags,
      summary: 'The best people to take one seat, each with the change in value',
      security,
      request: { params: WorkspaceParam, ...jsonBody(ReplacementsRequest) },
      responses: { 200: jsonContent(Replacements, 'Alternatives, best first'), ...composeErrors },
    }),
    async (c) =>
      c.json(
        Replacements.parse(
          await replacementsForSeat(c.get('ctx'), c.get('access'), c.req.valid('json')),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: 'One gathering with its guests',
      security,
      request: { params: WorkspaceItemParam },
      responses: { 200: jsonContent(Gathering, 'The gathering'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        Gathering.parse(await getGathering(c.get('ctx'), c.get('access'), c.req.valid('param').id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: `${base}/{id}`,
      tags,
      summary: "Change a draft's details (fields left out keep their value)",
      security,
      request: { params: WorkspaceItemParam, ...jsonBody(GatheringUpdate) },
      responses: { 200: jsonContent(Gathering, 'The gathering'), ...commonErrors },
    }),
    async (c) => {
      const updated = await updateGathering(
        c.get('ctx'),
        c.get('access'),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(Gathering.parse(updated), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${base}/{id}`,
      tags,
      summary: 'Delete a gathering',
      security,
      request: { params: WorkspaceItemParam },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      await deleteGathering(c.get('ctx'), c.get('access'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: `${base}/{id}/guests`,
      tags,
      summary: "Set a draft's guest list: pick, lock, remove",
      security,
      request: { params: WorkspaceItemParam, ...jsonBody(GuestsUpdate) },
      responses: { 200: jsonContent(Gathering, 'The gathering'), ...commonErrors },
    }),
    async (c) => {
      const saved = await setGuests(
        c.get('ctx'),
        c.get('access'),
        c.req.valid('param').id,
        c.req.valid('json').guests,
      );
      return c.json(Gathering.parse(saved), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/compose`,
      tags,
      summary: 'Recompose a gathering around its locked guests',
      description:
        'With `save: true` the new table replaces the guest list in one transaction; otherwise nothing is saved.',
      security,
      request: { params: WorkspaceItemParam, ...jsonBody(GatheringComposeRequest) },
      responses: { 200: jsonContent(GatheringComposition, 'The table'), ...composeErrors },
    }),
    async (c) => {
      const result = await composeForGathering(
        c.get('ctx'),
        c.get('access'),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(GatheringComposition.parse(result), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/seating`,
      tags,
      summary: 'Seat the guests and you over tables of the given sizes',
      security,
      request: { params: WorkspaceItemParam, ...jsonBody(SeatingRequest) },
      responses: { 200: jsonContent(Seating, 'Who sits at which table'), ...composeErrors },
    }),
    async (c) => {
      const { tables, seed } = c.req.valid('json');
      const result = await seatGathering(
        c.get('ctx'),
        c.get('access'),
        c.req.valid('param').id,
        tables,
        { seed },
      );
      return c.json(Seating.parse(result), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/series',
      tags,
      summary: 'A recurring series from a pool of people, repeating as few pairs as possible',
      security,
      request: { params: WorkspaceParam, ...jsonBody(SeriesRequest) },
      responses: { 200: jsonContent(Series, 'Rounds of groups'), ...composeErrors },
    }),
    async (c) =>
      c.json(
        Series.parse(
          await scheduleSeriesForPool(c.get('ctx'), c.get('access'), c.req.valid('json')),
        ),
        200,
      ),
  );
};
