/** How a consumer retries a failing handler before it dead-letters the event. */
export interface RetryPolicy {
  /** Handler runs in all, the first included. 1 means no retry. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 10_000,
  multiplier: 2,
};

export function resolveRetryPolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy = { ...defaultRetryPolicy, ...partial };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`retry.maxAttempts must be an integer >= 1, got ${policy.maxAttempts}`);
  }
  if (policy.initialDelayMs < 0 || policy.maxDelayMs < policy.initialDelayMs || policy.multiplier < 1) {
    throw new RangeError('retry delays must satisfy 0 <= initialDelayMs <= maxDelayMs and multiplier >= 1');
  }
  return policy;
}

/**
 * Delay before attempt `failedAttempts + 1`: exponential, capped, with "equal jitter" (between half and all
 * of the step) so that consumers failing together do not retry in lockstep, yet never retry sooner than half
 * the step.
 */
export function backoffDelayMs(
  policy: RetryPolicy,
  failedAttempts: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** (failedAttempts - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
