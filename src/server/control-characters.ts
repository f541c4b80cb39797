/**
 * Text with control characters is refused at the edge, before any route or store sees it, so
 * SQLite and PostgreSQL answer it alike (PostgreSQL cannot store a NUL at all): a JSON body or a
 * query parameter holding one answers 400 naming each field.
 */
import type { MiddlewareHandler } from 'hono';
import { invalidInput } from '../domain/errors';
import { controlCharacterPaths } from '../domain/text';
import type { Env } from './env';

const REASON = 'must not contain control characters (such as NUL)';

export const refuseControlCharacters: MiddlewareHandler<Env> = async (c, next) => {
  const fields = controlCharacterPaths(c.req.query(), []).map((field) => ({
    field: `query.${field}`,
    reason: REASON,
  }));
  if (c.req.header('content-type')?.includes('application/json')) {
    // An unreadable body is left to the route's own validation, which names it.
    const body: unknown = await c.req.json().catch(() => undefined);
    for (const field of controlCharacterPaths(body))
      fields.push({ field: field || 'body', reason: REASON });
  }
  if (fields.length > 0)
    throw invalidInput(
      `Invalid input: ${fields.map((f) => f.field).join(', ')} ${fields.length === 1 ? 'holds' : 'hold'} control characters`,
      fields,
    );
  await next();
};
