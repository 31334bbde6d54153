import {
  RateLimitedError,
  parseResetHeader,
  parseRetryAfter,
  type Clock,
  type ConnectorManifest,
  type HttpHooks,
} from '@chorus/connector-sdk';
import { callContext } from './call-context.js';
import type { CallMetrics } from './call-metrics.js';
import { limiterKey, type RateLimiter } from './rate-limiter.js';

export interface RateLimitHooksOptions {
  readonly connectorId: string;
  readonly manifest: ConnectorManifest;
  readonly limiter: RateLimiter;
  readonly metrics: CallMetrics;
  readonly clock: Clock;
  /** Wait this long at most for a slot; beyond, refuse with RateLimitedError (definitely not sent). */
  readonly maxWaitMs: number;
}

/** Every request of a connector passes here: the manifest's budget before it, the network's signals after it. */
export function rateLimitHooks(options: RateLimitHooksOptions): HttpHooks {
  const { connectorId, manifest, limiter, metrics, clock } = options;
  const policy = manifest.rateLimits;
  return {
    async beforeRequest(request) {
      const accountId = callContext.getStore()?.accountId ?? null;
      const slots = policy.endpoints
        .filter((rule) => rule.endpoint === '*' || rule.endpoint === request.endpoint)
        .map((rule) => ({
          key: limiterKey(connectorId, rule.scope === 'app' ? null : accountId, rule.endpoint),
          rule,
        }));
      const blockKeys = [
        limiterKey(connectorId, accountId, '*'),
        limiterKey(connectorId, accountId, request.endpoint),
      ];
      for (;;) {
        const acquired = limiter.tryAcquire(slots, blockKeys);
        if (acquired.ok) {
          break;
        }
        if (acquired.waitMs > options.maxWaitMs) {
          metrics.add('connector_http_requests_total', {
            connector: connectorId,
            endpoint: request.endpoint,
            status: 'held',
          });
          throw new RateLimitedError(
            `${manifest.displayName}: the budget for ${request.endpoint} is spent for this account; nothing was sent`,
            Math.ceil(acquired.waitMs / 1000),
            { endpoint: request.endpoint },
          );
        }
        await clock.sleep(acquired.waitMs, callContext.getStore()?.signal);
      }
    },

    afterResponse(request, response) {
      const accountId = callContext.getStore()?.accountId ?? null;
      const status = response.status === 429 ? '429' : `${Math.floor(response.status / 100)}xx`;
      metrics.add('connector_http_requests_total', {
        connector: connectorId,
        endpoint: request.endpoint,
        status,
      });
      const now = clock.now();
      const key = limiterKey(connectorId, accountId, request.endpoint);
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now);
      if (response.status === 429 && retryAfter !== undefined) {
        limiter.block(key, now.getTime() + retryAfter * 1000);
      }
      const headers = policy.headers;
      if (headers && response.headers.get(headers.remaining) === '0') {
        const reset = parseResetHeader(response.headers.get(headers.reset), headers.resetFormat, now);
        if (reset) {
          limiter.block(key, reset.getTime());
        }
      }
    },
  };
}
