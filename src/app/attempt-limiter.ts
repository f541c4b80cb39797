/**
 * Remembers failed attempts per key (an account's email, a client's address) in this process
 * and refuses attempts that come before their back-off has passed. Kept in memory on purpose:
 * it must answer without a database write on every guess, and a restart forgetting the counts
 * only gives a guesser back a few free tries.
 */
import {
  type BackoffPolicy,
  type FailureRecord,
  waitBeforeNextAttempt,
  withFailure,
} from '../domain/backoff';
import { RateLimitedError } from '../domain/errors';

/** Keys beyond this are dropped oldest first, so a flood of fresh addresses cannot fill memory. */
const MAX_KEYS = 100_000;

export class AttemptLimiter {
  private readonly records = new Map<string, FailureRecord>();

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly clock: () => number,
  ) {}

  /** Throws `rate_limited` (with the seconds to wait) when `key` must still wait. */
  check(key: string, what: string): void {
    const wait = waitBeforeNextAttempt(this.policy, this.records.get(key), this.clock());
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new RateLimitedError(
        `Too many ${what}: try again in ${seconds} second${seconds === 1 ? '' : 's'}`,
        seconds,
      );
    }
  }

  fail(key: string): void {
    const record = withFailure(this.policy, this.records.get(key), this.clock());
    this.records.delete(key);
    this.records.set(key, record);
    if (this.records.size > MAX_KEYS) {
      const oldest = this.records.keys().next().value;
      if (oldest !== undefined) this.records.delete(oldest);
    }
  }

  forget(key: string): void {
    this.records.delete(key);
  }
}

const MINUTE = 60_000;

/** Per account: five wrong passwords free, then 1 s, 2 s, 4 s … up to 15 minutes. */
export const ACCOUNT_POLICY: BackoffPolicy = {
  free: 5,
  firstWaitMs: 1_000,
  maxWaitMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
};

/** Per client address: more room (several people behind one router), the same doubling. */
export const ADDRESS_POLICY: BackoffPolicy = {
  free: 10,
  firstWaitMs: 1_000,
  maxWaitMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
};

/** The limiters one process keeps: failed sign-ins per account and per address, and sign-ups and new tokens (every one counts) per address and per account. */
export interface AttemptLimiters {
  readonly signInByAccount: AttemptLimiter;
  readonly signInByAddress: AttemptLimiter;
  readonly signUpByAddress: AttemptLimiter;
  readonly tokensByAccount: AttemptLimiter;
  /** Demo networks asked of the API, per account: three, then a wait of a minute, doubling. */
  readonly demosByAccount: AttemptLimiter;
}

export const createAttemptLimiters = (clock: () => number): AttemptLimiters => ({
  signInByAccount: new AttemptLimiter(ACCOUNT_POLICY, clock),
  signInByAddress: new AttemptLimiter(ADDRESS_POLICY, clock),
  signUpByAddress: new AttemptLimiter(ADDRESS_POLICY, clock),
  tokensByAccount: new AttemptLimiter(ADDRESS_POLICY, clock),
  demosByAccount: new AttemptLimiter({ ...ADDRESS_POLICY, free: 2, firstWaitMs: MINUTE }, clock),
});
