/** People, their ties and their timeline. */
import { createRoute, z } from '@hono/zod-openapi';
import { listGoals, setGoal } from '../../app/goals';
import {
  createPerson,
  deletePerson,
  getPerson,
  listPeople,
  tiesOfPerson,
  timelineOfPerson,
  updatePerson,
} from '../../app/people';
import { WorkspaceItemParam, WorkspaceParam } from '../../contracts/common.contract';
import { MomentOfPerson } from '../../contracts/moment.contract';
import {
  Goal,
  GoalSet,
  PeoplePage,
  PeopleQuery,
  Person,
  PersonCreate,
  PersonInput,
} from '../../contracts/person.contract';
import { TieOfPerson } from '../../contracts/tie.contract';
import type { Api } from '../env';
import { commonErrors, jsonBody, jsonContent, noContent, security } from '../openapi';

const tags = ['People'];

export const registerPeopleRoutes = (app: Api): void => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/people',
      tags,
      summary: 'List people in name order, or search them',
      description:
        '`q` matches a prefix of any name, email, organisation or tag word, ignoring case and diacritics ("jurgen" finds "Jürgen"). Without `q`, pages continue with `cursor`.',
      security,
      request: { params: WorkspaceParam, query: PeopleQuery },
      responses: { 200: jsonContent(PeoplePage, 'A page of people'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        PeoplePage.parse(await listPeople(c.get('ctx'), c.get('access'), c.req.valid('query'))),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/people',
      tags,
      summary: 'Add a person, tied to you when `tieToYou` says how you know them',
      security,
      request: { params: WorkspaceParam, ...jsonBody(PersonCreate) },
      responses: { 201: jsonContent(Person, 'The new person'), ...commonErrors },
    }),
    async (c) => {
      const { tieToYou, ...draft } = c.req.valid('json');
      const person = await createPerson(c.get('ctx'), c.get('access'), draft, tieToYou);
      return c.json(Person.parse(person), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/people/{id}',
      tags,
      summary: 'One person',
      security,
      request: { params: WorkspaceItemParam },
      responses: { 200: jsonContent(Person, 'The person'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        Person.parse(await getPerson(c.get('ctx'), c.get('access'), c.req.valid('param').id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/workspaces/{workspaceId}/people/{id}',
      tags,
      summary: 'Change some of a person’s fields',
      security,
      request: { params: WorkspaceItemParam, ...jsonBody(PersonInput) },
      responses: { 200: jsonContent(Person, 'The updated person'), ...commonErrors },
    }),
    async (c) => {
      const person = await updatePerson(
        c.get('ctx'),
        c.get('access'),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(Person.parse(person), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/people/{id}',
      tags,
      summary: 'Remove a person with their ties and attendances',
      security,
      request: { params: WorkspaceItemParam },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      await deletePerson(c.get('ctx'), c.get('access'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/workspaces/{workspaceId}/people/{id}/goal',
      tags,
      summary: 'Mark or unmark someone you want to grow closer to (one of your goals)',
      description:
        'Goals weigh in every pair value with this person ("Your goals" in the engine weights).',
      security,
      request: { params: WorkspaceItemParam, ...jsonBody(GoalSet) },
      responses: { 200: jsonContent(Goal, 'The mark as set'), ...commonErrors },
    }),
    async (c) => {
      const { goal } = c.req.valid('json');
      const set = await setGoal(c.get('ctx'), c.get('access'), c.req.valid('param').id, goal);
      return c.json(Goal.parse(set), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/goals',
      tags,
      summary: 'The people you want to grow closer to',
      security,
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.array(z.object({ id: z.string(), displayName: z.string() })), 'Goals'),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await listGoals(c.get('ctx'), c.get('access')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/people/{id}/ties',
      tags,
      summary: 'Whom this person knows, strongest ties first',
      security,
      request: { params: WorkspaceItemParam },
      responses: { 200: jsonContent(z.array(TieOfPerson), 'Ties'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        z
          .array(TieOfPerson)
          .parse(await tiesOfPerson(c.get('ctx'), c.get('access'), c.req.valid('param').id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/people/{id}/moments',
      tags,
      summary: 'The moments this person was at, most recent first',
      security,
      request: { params: WorkspaceItemParam },
      responses: { 200: jsonContent(z.array(MomentOfPerson), 'Timeline'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        z
          .array(MomentOfPerson)
          .parse(await timelineOfPerson(c.get('ctx'), c.get('access'), c.req.valid('param').id)),
        200,
      ),
  );
};
