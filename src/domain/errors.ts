/**
 * The typed errors of Salon. Every layer throws these; the server maps them to HTTP once
 * (`server/errors.ts`) and the CLI to exit codes once (`cli/errors.ts`).
 */

/** Stable, machine-readable error codes. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'capacity_full'
  | 'infeasible'
  | 'too_large'
  | 'rate_limited';

/** One problem with one field of the input: `field` is a dotted path such as `emails.1`. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: readonly FieldProblem[] | undefined;

  constructor(code: ErrorCode, message: string, fields?: readonly FieldProblem[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }
}

export const invalidInput = (message: string, fields?: readonly FieldProblem[]): DomainError =>
  new DomainError('invalid_input', message, fields);

/** Foreign ids answer `not_found` too: another workspace's rows do not exist for the caller. */
export const notFound = (what: string): DomainError =>
  new DomainError('not_found', `${what} was not found`);

export const conflict = (message: string): DomainError => new DomainError('conflict', message);

export const unauthenticated = (message = 'Sign in first'): DomainError =>
  new DomainError('unauthenticated', message);

export const forbidden = (message: string): DomainError => new DomainError('forbidden', message);

/** Too many attempts: the caller may try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super('rate_limited', message);
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
