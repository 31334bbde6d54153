/** How patient publishing is: retries, backoff, and how long a network may take to show a new post. */
export interface PublishingPolicy {
  /** Failures of one target (not sent, or a lookup that failed) before a person is asked. */
  readonly maxFailures: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /**
   * After a call that may have reached the network, how long before a "not found" from findPublished is
   * believed: a post just created may not be listed yet.
   */
  readonly visibilityDelayMs: number;
}

export const DEFAULT_PUBLISHING_POLICY: PublishingPolicy = {
  maxFailures: 6,
  backoffBaseMs: 15_000,
  backoffMaxMs: 15 * 60_000,
  visibilityDelayMs: 20_000,
};

/** Exponential backoff from the number of failures so far (1 for the first), capped. */
export function backoffMs(policy: PublishingPolicy, failures: number): number {
  return Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.max(0, failures - 1));
}
