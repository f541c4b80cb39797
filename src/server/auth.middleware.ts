/** Who is calling: a session cookie (the web app) or a bearer token (scripts and the CLI). */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { userOfApiToken, userOfSession } from '../app/auth';
import { accessTo } from '../app/workspaces';
import { unauthenticated } from '../domain/errors';
import type { Env, SignedInUser } from './env';

export const SESSION_COOKIE = 'salon_session';

const toUser = (u: SignedInUser | undefined) =>
  u ? { id: u.id, email: u.email, name: u.name } : undefined;

export const identify: MiddlewareHandler<Env> = async (c, next) => {
  const ctx = c.get('ctx');
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const user = await userOfApiToken(ctx, bearer);
    if (!user) throw unauthenticated('The API token is not valid');
    c.set('user', toUser(user));
  } else {
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) {
      c.set('sessionSecret', secret);
      c.set('user', toUser(await userOfSession(ctx, secret)));
    }
  }
  await next();
};

export const currentUser = (c: Context<Env>): SignedInUser => {
  const user = c.get('user');
  if (!user) throw unauthenticated();
  return user;
};

/** Resolves `:workspaceId` to the caller's access; another workspace's id answers 404. */
export const workspaceAccess: MiddlewareHandler<Env> = async (c, next) => {
  const user = currentUser(c);
  const workspaceId = c.req.param('workspaceId') ?? '';
  c.set('access', await accessTo(c.get('ctx'), user.id, workspaceId));
  await next();
};
