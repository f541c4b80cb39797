/**
 * The one place where errors become HTTP responses: `{ error: { code, message, fields? }, requestId }`.
 * Domain errors carry their code; anything else is a 500 whose details stay in the server log.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import {
  DomainError,
  type ErrorCode,
  type FieldProblem,
  invalidInput,
  RateLimitedError,
} from '../domain/errors';
import type { Env } from './env';

const STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  capacity_full: 409,
  infeasible: 422,
  rate_limited: 429,
};

/** Turns a zod failure into `invalid_input` naming each bad field. */
export const validationError = (error: ZodError, where: string): DomainError => {
  const fields: FieldProblem[] = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : where,
    reason: issue.message,
  }));
  const names = [...new Set(fields.map((f) => f.field))].join(', ');
  return invalidInput(`Invalid ${where}: ${names}`, fields);
};

const body = (
  c: Context<Env>,
  code: string,
  message: string,
  fields?: readonly FieldProblem[],
) => ({
  error: { code, message, ...(fields ? { fields } : {}) },
  requestId: c.get('requestId'),
});

export const onError = (error: Error, c: Context<Env>): Response => {
  if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
  if (error instanceof DomainError) {
    return c.json(body(c, error.code, error.message, error.fields), STATUS[error.code]);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'too_large' : status === 400 ? 'invalid_input' : 'http_error';
    const message =
      status === 400 && /json/i.test(error.message) ? 'The body is not valid JSON' : error.message;
    return c.json(body(c, code, message), status as ContentfulStatusCode);
  }
  console.error(`[${c.get('requestId')}]`, error);
  return c.json(body(c, 'internal', 'Something went wrong on the server'), 500);
};

export const notFoundRoute = (c: Context<Env>): Response =>
  c.json(body(c, 'not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404);
