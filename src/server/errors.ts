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
  invalidFields,
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
  infeasible: 409,
  rate_limited: 429,
};

/** What a request part is called in a message, by Hono's validation target. */
const PART_NAMES: Readonly<Record<string, string>> = {
  json: 'body',
  query: 'query',
  param: 'address',
  form: 'form',
};

/** A JSON type in words: "text", "a number". */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
  undefined: 'missing',
};

const typeWords = (type: string): string => TYPE_WORDS[type] ?? type;

/** zod's own messages ("Too big: expected number to be <=3"); a schema's own are kept. */
const ZOD_DEFAULT = /^(Invalid input|Too big|Too small):/;

/** Why one zod issue failed, in words: "must be text, not a number", "must be at most 3". */
const reasonOf = (issue: ZodError['issues'][number]): string => {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') {
    const received = /received (\w+)/.exec(issue.message)?.[1];
    if (received === 'undefined') return `is missing (${typeWords(issue.expected)} expected)`;
    return `must be ${typeWords(issue.expected)}${received ? `, not ${typeWords(received)}` : ''}`;
  }
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const big = issue.code === 'too_big';
    const limit = Number(big ? issue.maximum : issue.minimum);
    const bound = big ? 'at most' : 'at least';
    if (issue.origin === 'string')
      return !big && limit === 1 ? 'must not be empty' : `must be ${bound} ${limit} characters`;
    if (issue.origin === 'array') return `must have ${bound} ${limit} items`;
    return `must be ${bound} ${limit}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
};

/** Turns a zod failure into `invalid_input` naming each bad field and why. */
export const validationError = (error: ZodError, where: string): DomainError => {
  const part = PART_NAMES[where] ?? where;
  const fields: FieldProblem[] = error.issues.flatMap((issue) => {
    const at = issue.path.join('.');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        field: at ? `${at}.${key}` : key,
        reason: `is not a field of the ${part}`,
      }));
    return [{ field: at || part, reason: reasonOf(issue) }];
  });
  return invalidFields(fields);
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
