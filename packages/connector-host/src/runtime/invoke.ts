import {
  AmbiguousError,
  RateLimitedError,
  RetriableError,
  classifyError,
  isWriteOperation,
  type Clock,
  type ConnectorOperation,
  type Logger,
} from '@chorus/connector-sdk';
import { callContext } from './call-context.js';
import type { CallMetrics } from './call-metrics.js';
import { limiterKey, type RateLimiter } from './rate-limiter.js';

export interface InvokeDeps {
  readonly connectorId: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly limiter: RateLimiter;
  readonly metrics: CallMetrics;
  readonly timeoutMs: (operation: ConnectorOperation) => number;
}

export type Invoke = <T>(
  operation: ConnectorOperation,
  accountId: string | null,
  call: () => Promise<T>,
) => Promise<T>;

/**
 * Runs one connector call: with the account in the call context (for the limiter), a time limit, the error
 * classified (an unexplained failure of a write is ambiguous, never retried blindly), a log line and counters.
 */
export function createInvoke(deps: InvokeDeps): Invoke {
  const { connectorId, logger, clock, limiter, metrics } = deps;
  return async (operation, accountId, call) => {
    const started = clock.now().getTime();
    const controller = new AbortController();
    const timeoutMs = deps.timeoutMs(operation);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const message = `${operation} did not finish within ${timeoutMs} ms`;
        const error = isWriteOperation(operation)
          ? new AmbiguousError(`${message}; it may have been applied`)
          : new RetriableError(message);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    const running = callContext.run({ accountId, operation, signal: controller.signal }, call);
    running.catch(() => undefined); // settled after a timeout: already reported
    const fields = { connector: connectorId, operation, accountId };
    try {
      const result = await Promise.race([running, timedOut]);
      const durationMs = clock.now().getTime() - started;
      metrics.add('connector_calls_total', { connector: connectorId, operation, outcome: 'ok' });
      metrics.add('connector_call_duration_ms_total', { connector: connectorId, operation }, durationMs);
      logger.info('connector call succeeded', { ...fields, outcome: 'ok', durationMs });
      return result;
    } catch (error) {
      const classified = classifyError(error, operation);
      const durationMs = clock.now().getTime() - started;
      if (classified instanceof RateLimitedError) {
        const until = clock.now().getTime() + classified.retryAfter * 1000;
        limiter.block(limiterKey(connectorId, accountId, classified.endpoint ?? '*'), until);
      }
      metrics.add('connector_calls_total', { connector: connectorId, operation, outcome: classified.kind });
      metrics.add('connector_call_duration_ms_total', { connector: connectorId, operation }, durationMs);
      logger.warn('connector call failed', {
        ...fields,
        outcome: classified.kind,
        durationMs,
        error: classified.message,
      });
      throw classified;
    } finally {
      clearTimeout(timer);
    }
  };
}
