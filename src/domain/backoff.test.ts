import { describe, expect, it } from 'vitest';
import { type BackoffPolicy, waitBeforeNextAttempt, withFailure } from './backoff';

const policy: BackoffPolicy = {
  free: 3,
  firstWaitMs: 1_000,
  maxWaitMs: 60_000,
  forgetAfterMs: 3_600_000,
};

const failTimes = (times: readonly number[]) =>
  times.reduce<ReturnType<typeof withFailure> | undefined>(
    (record, t) => withFailure(policy, record, t),
    undefined,
  );

describe('back-off', () => {
  it('lets the free failures through without waiting', () => {
    expect(waitBeforeNextAttempt(policy, undefined, 0)).toBe(0);
    expect(waitBeforeNextAttempt(policy, failTimes([0, 1, 2]), 3)).toBe(0);
  });

  it('doubles the wait with each failure past the free ones, up to the ceiling', () => {
    expect(waitBeforeNextAttempt(policy, failTimes([0, 0, 0, 0]), 0)).toBe(1_000);
    expect(waitBeforeNextAttempt(policy, failTimes([0, 0, 0, 0, 0]), 0)).toBe(2_000);
    const many = failTimes(Array.from({ length: 40 }, () => 0));
    expect(waitBeforeNextAttempt(policy, many, 0)).toBe(60_000);
  });

  it('counts the wait from the last failure', () => {
    expect(waitBeforeNextAttempt(policy, failTimes([0, 0, 0, 0]), 600)).toBe(400);
    expect(waitBeforeNextAttempt(policy, failTimes([0, 0, 0, 0]), 1_000)).toBe(0);
  });

  it('forgets failures after a quiet spell', () => {
    const record = failTimes([0, 0, 0, 0, 0, 0]);
    expect(waitBeforeNextAttempt(policy, record, 3_600_000)).toBe(0);
    expect(withFailure(policy, record, 3_600_000).failures).toBe(1);
  });
});
