/** What each request carries through the middleware: the app, the signed-in user, the access. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../app/context';
import type { Access } from '../app/workspaces';

export interface SignedInUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

export interface Env {
  Variables: {
    ctx: AppContext;
    requestId: string;
    user: SignedInUser | undefined;
    sessionSecret: string | undefined;
    access: Access;
  };
}

export type Api = OpenAPIHono<Env>;
