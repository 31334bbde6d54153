import type { Clock, ConnectorOperation, Logger } from '@chorus/connector-sdk';
import type { CallMetrics } from './call-metrics.js';
import type { RateLimiter } from './rate-limiter.js';

/** What the host shares with every connector it runs. */
export interface HostServices {
  readonly sdkVersion: string;
  readonly conditions: readonly string[];
  readonly logger: Logger;
  readonly clock: Clock;
  readonly limiter: RateLimiter;
  readonly metrics: CallMetrics;
  readonly httpTimeoutMs: number;
  /** The fetch under every connector's HTTP client (a host may refuse private addresses); global fetch by default. */
  readonly fetch?: typeof fetch;
  readonly callTimeoutMs: (operation: ConnectorOperation) => number;
  readonly rateLimitMaxWaitMs: number;
  /** How long a plugin may take to import and start. */
  readonly startTimeoutMs: number;
}
