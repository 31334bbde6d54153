import { describe, expect, it } from 'vitest';
import { backoffDelayMs, resolveRetryPolicy } from './retry-policy.js';

describe('retry policy', () => {
  const policy = resolveRetryPolicy({
    maxAttempts: 6,
    initialDelayMs: 100,
    maxDelayMs: 1_000,
    multiplier: 2,
  });

  it('doubles the step and caps it, with equal jitter between half and all of the step', () => {
    const low = [1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(policy, attempt, () => 0));
    const high = [1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(policy, attempt, () => 1));
    expect(low).toEqual([50, 100, 200, 400, 500]);
    expect(high).toEqual([100, 200, 400, 800, 1_000]);
  });

  it('refuses a policy that could never run or never wait', () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => resolveRetryPolicy({ initialDelayMs: 500, maxDelayMs: 100 })).toThrow(RangeError);
  });

  it('fills in defaults', () => {
    expect(resolveRetryPolicy(undefined)).toEqual({
      maxAttempts: 5,
      initialDelayMs: 200,
      maxDelayMs: 10_000,
      multiplier: 2,
    });
  });
});
