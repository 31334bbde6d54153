import { DEFAULT_PUBLISHING_POLICY, type PublishingPolicy } from './publishing-policy.value-object.js';

/** How one publisher process runs (PUBLISHER_OPTIONS); tests and benchmarks shorten the times. */
export interface PublisherOptions {
  readonly enabled: boolean;
  /** How often it looks for due targets when idle. */
  readonly pollMs: number;
  /** Attempts in flight at once in this process. */
  readonly concurrency: number;
  /** Targets claimed per query. */
  readonly batchSize: number;
  readonly heartbeatMs: number;
  /** A publisher whose heartbeat is older than this is taken for dead: its attempts are looked up. */
  readonly staleAfterMs: number;
  /**
   * Longest an attempt may hold a target before its call starts, alive or not: at least the sum of the step
   * timeouts (credentials, look-up, publish), so a slow but live attempt is never taken over mid-step.
   */
  readonly leaseMs: number;
  /** The steps' timeouts: the credentials read, the connector host's findPublished and publish timeouts. */
  readonly credentialsTimeoutMs: number;
  readonly lookupTimeoutMs: number;
  readonly publishTimeoutMs: number;
  /** Added to the publish timeout for the lease set right before the call (clock skew, settling). */
  readonly leaseMarginMs: number;
  /** How often orphaned attempts are looked for (and once at start). */
  readonly reconcileEveryMs: number;
  readonly policy: PublishingPolicy;
}

export const DEFAULT_PUBLISHER_OPTIONS: PublisherOptions = {
  enabled: true,
  pollMs: 250,
  // Attempts mostly wait on the network: with answers in 200 ms, 1,000 in flight hand a burst of 10,000
  // over in under 7 s on 2 cores (256: 11 s; docs/publishing.md).
  concurrency: 1_000,
  batchSize: 100,
  heartbeatMs: 3_000,
  staleAfterMs: 15_000,
  leaseMs: 12 * 60_000 + 30_000,
  credentialsTimeoutMs: 30_000,
  lookupTimeoutMs: 60_000,
  publishTimeoutMs: 600_000,
  leaseMarginMs: 60_000,
  reconcileEveryMs: 5_000,
  policy: DEFAULT_PUBLISHING_POLICY,
};

export type PublisherOptionsInput = Partial<Omit<PublisherOptions, 'policy'>> & {
  readonly policy?: Partial<PublishingPolicy>;
};

export function publisherOptions(input: PublisherOptionsInput | undefined): PublisherOptions {
  const options = {
    ...DEFAULT_PUBLISHER_OPTIONS,
    ...input,
    policy: { ...DEFAULT_PUBLISHING_POLICY, ...input?.policy },
  };
  const steps = options.credentialsTimeoutMs + options.lookupTimeoutMs + options.publishTimeoutMs;
  if (options.leaseMs < steps) {
    // A lease shorter than one attempt's steps lets a second worker take a target a live one still holds.
    throw new Error(
      `publisher leaseMs (${options.leaseMs}) must be at least the sum of the step timeouts (${steps} ms)`,
    );
  }
  return options;
}
