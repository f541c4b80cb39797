/** Sign up, sign in, sign out, who am I; and personal API tokens. */

import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import {
  createApiToken,
  listApiTokens,
  me,
  revokeApiToken,
  SESSION_DAYS,
  type SignedIn,
  signIn,
  signOut,
  signUp,
} from '../../app/auth';
import {
  ApiToken,
  ApiTokenCreated,
  Me,
  SignIn,
  SignUp,
  TokenCreate,
} from '../../contracts/account.contract';
import { Id } from '../../contracts/common.contract';
import { currentUser, SESSION_COOKIE } from '../auth.middleware';
import type { Api, Env } from '../env';
import { commonErrors, jsonBody, jsonContent, noContent, security } from '../openapi';

const isHttps = (c: Context<Env>): boolean =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/**
 * The caller's network address, for back-off. Behind a reverse proxy every caller shares the
 * proxy's address, which only makes the per-address limit stricter; forwarded headers are not
 * trusted, since any client can write them.
 */
const clientAddress = (c: Context<Env>): string => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
};

const startCookie = (c: Context<Env>, signedIn: SignedIn): void => {
  setCookie(c, SESSION_COOKIE, signedIn.sessionSecret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: SESSION_DAYS * 86_400,
  });
};

export const registerAuthRoutes = (app: Api): void => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-up',
      tags: ['Accounts'],
      summary: 'Create an account with its own private workspace, and sign in',
      request: jsonBody(SignUp),
      responses: { 201: jsonContent(Me, 'Signed up and signed in'), ...commonErrors },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const signedIn = await signUp(ctx, c.req.valid('json'), clientAddress(c));
      startCookie(c, signedIn);
      return c.json(Me.parse(await me(ctx, signedIn.user)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-in',
      tags: ['Accounts'],
      summary: 'Sign in with email and password (sets the session cookie)',
      request: jsonBody(SignIn),
      responses: { 200: jsonContent(Me, 'Signed in'), ...commonErrors },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const signedIn = await signIn(ctx, c.req.valid('json'), clientAddress(c));
      startCookie(c, signedIn);
      return c.json(Me.parse(await me(ctx, signedIn.user)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      tags: ['Accounts'],
      summary: 'End this session',
      responses: { 204: noContent },
    }),
    async (c) => {
      const secret = c.get('sessionSecret');
      if (secret) await signOut(c.get('ctx'), secret);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/me',
      tags: ['Accounts'],
      summary: 'The signed-in user and their workspaces',
      security,
      responses: { 200: jsonContent(Me, 'The signed-in user'), ...commonErrors },
    }),
    async (c) => c.json(Me.parse(await me(c.get('ctx'), currentUser(c))), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tokens',
      tags: ['Accounts'],
      summary: 'Your personal API tokens (without their secrets)',
      security,
      responses: { 200: jsonContent(z.array(ApiToken), 'Tokens'), ...commonErrors },
    }),
    async (c) =>
      c.json(z.array(ApiToken).parse(await listApiTokens(c.get('ctx'), currentUser(c).id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      tags: ['Accounts'],
      summary: 'Create a personal API token; its secret is shown this once',
      security,
      request: jsonBody(TokenCreate),
      responses: { 201: jsonContent(ApiTokenCreated, 'The new token'), ...commonErrors },
    }),
    async (c) => {
      const created = await createApiToken(
        c.get('ctx'),
        currentUser(c).id,
        c.req.valid('json').name,
      );
      return c.json(ApiTokenCreated.parse(created), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/tokens/{id}',
      tags: ['Accounts'],
      summary: 'Revoke one of your tokens',
      security,
      request: { params: z.object({ id: Id }) },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      await revokeApiToken(c.get('ctx'), currentUser(c).id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
};
