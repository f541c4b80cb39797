/**
 * Back-off for guessing: after a few free failures, each further attempt must wait twice as long
 * as the one before, up to a ceiling; the count is forgotten after a quiet spell. Pure: the
 * caller keeps the counts and passes the time.
 */

export interface BackoffPolicy {
  /** Failures that cost no wait; the one after them starts the waits. */
  readonly free: number;
  /** The first wait, in milliseconds; it doubles with each further failure. */
  readonly firstWaitMs: number;
  readonly maxWaitMs: number;
  /** Failures older than this (since the last one) are forgotten. */
  readonly forgetAfterMs: number;
}

/** What is known of one key (an email, an address): its failures and the time of the last. */
export interface FailureRecord {
  readonly failures: number;
  readonly lastFailureMs: number;
}

/** The milliseconds `record` must still wait at `nowMs` before its next attempt (0: go ahead). */
export const waitBeforeNextAttempt = (
  policy: BackoffPolicy,
  record: FailureRecord | undefined,
  nowMs: number,
): number => {
  if (!record || nowMs - record.lastFailureMs >= policy.forgetAfterMs) return 0;
  const over = record.failures - policy.free - 1;
  if (over < 0) return 0;
  const wait = Math.min(policy.maxWaitMs, policy.firstWaitMs * 2 ** Math.min(over, 30));
  return Math.max(0, record.lastFailureMs + wait - nowMs);
};

/** The record after one more failure at `nowMs` (a forgotten record starts again at one). */
export const withFailure = (
  policy: BackoffPolicy,
  record: FailureRecord | undefined,
  nowMs: number,
): FailureRecord => {
  const fresh = !record || nowMs - record.lastFailureMs >= policy.forgetAfterMs;
  return { failures: fresh ? 1 : record.failures + 1, lastFailureMs: nowMs };
};
