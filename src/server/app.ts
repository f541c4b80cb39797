/**
 * The HTTP face of Salon: the JSON API under /api (validated by the contracts, documented at
 * /api/openapi.json), and the web app's static files with a fallback to index.html.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext } from '../app/context';
import { DomainError } from '../domain/errors';
import { allowedHostsFor, allowedHostsOnly } from './allowed-hosts';
import { identify, workspaceAccess } from './auth.middleware';
import { refuseControlCharacters } from './control-characters';
import type { Api, Env } from './env';
import { notFoundRoute, onError, validationError } from './errors';
import { registerAuthRoutes } from './routes/auth.routes';
import { isUploadRoute, registerContactsRoutes } from './routes/contacts.routes';
import { registerDemoRoutes } from './routes/demo.routes';
import { registerMomentRoutes } from './routes/moments.routes';
import { registerNetworkRoutes } from './routes/network.routes';
import { registerPeopleRoutes } from './routes/people.routes';
import { registerTieRoutes } from './routes/ties.routes';
import { registerWorkspaceRoutes } from './routes/workspaces.routes';
import { CONTENT_SECURITY_POLICY, sameOriginWrites } from './same-origin';

export const VERSION = '0.1.0';

/** JSON bodies larger than this answer 413: a note can be long, but not ten megabytes. */
export const JSON_BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  /** Folder of the built web app (dist/web); omitted in API-only tests. */
  readonly webRoot?: string | undefined;
  /** Host names this server answers to (`allowedHostsFor`); loopback names when omitted. */
  readonly allowedHosts?: readonly string[] | null;
}

const tooLarge = () =>
  new DomainError(
    'too_large',
    `The request body is larger than the limit of ${JSON_BODY_LIMIT / 1024 / 1024} MB`,
  );

export const createApp = (ctx: AppContext, options: AppOptions = {}): Api => {
  const app: Api = new OpenAPIHono<Env>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
  app.onError(onError);
  app.use('*', requestId());
  app.use('*', allowedHostsOnly(options.allowedHosts ?? allowedHostsFor('localhost')));
  app.use(
    '*',
    secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, xFrameOptions: 'DENY' }),
  );
  app.use('/api/*', async (c, next) => {
    c.set('ctx', ctx);
    await next();
  });
  const jsonBodyLimit = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw tooLarge();
    },
  });
  // Uploads (imports, restore) stream their body under their own, larger limit.
  app.use('/api/*', (c, next) =>
    isUploadRoute(c.req.method, c.req.path) ? next() : jsonBodyLimit(c, next),
  );
  app.use('/api/*', sameOriginWrites);
  app.use('/api/*', (c, next) =>
    isUploadRoute(c.req.method, c.req.path) ? next() : refuseControlCharacters(c, next),
  );
  app.use('/api/*', identify);
  app.use('/api/workspaces/:workspaceId/*', workspaceAccess);

  app.get('/api/health', (c) =>
    c.json({ ok: true, database: ctx.store.dialect, version: VERSION }),
  );
  registerAuthRoutes(app);
  registerWorkspaceRoutes(app);
  registerPeopleRoutes(app);
  registerTieRoutes(app);
  registerMomentRoutes(app);
  registerDemoRoutes(app);
  registerNetworkRoutes(app);
  registerContactsRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'salon_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Salon API',
      version: VERSION,
      description:
        'Your network, your table. Every workspace route answers 404 for ids of workspaces you do not belong to. Errors are `{ error: { code, message, fields? }, requestId }`.',
    },
  });
  app.all('/api/*', notFoundRoute);

  const webRoot = options.webRoot;
  if (webRoot && existsSync(webRoot)) {
    const root = relative(process.cwd(), webRoot) || '.';
    app.use('/*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  return app;
};
