import type { ConnectorManifest } from '../manifest/manifest.schema.js';
import { parseWithJsonSchema } from '../schema/parse-with-json-schema.js';
import { secretFields } from '../schema/secret-fields.js';
import { systemClock, type Clock } from './clock.js';
import type { ConnectorContext } from './connector-context.js';
import { createHttpClient, type HttpHooks } from './http-client.js';
import { createLogger, type Logger } from './logger.js';

export interface ConnectorContextOptions {
  readonly manifest: ConnectorManifest;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly timeoutMs?: number;
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly fetch?: typeof fetch;
  readonly hooks?: HttpHooks;
}

export class ConnectorConfigError extends Error {
  override readonly name = 'ConnectorConfigError';
}

/** The default context: a timed fetch, a redacting JSON logger and the system clock. */
export function createConnectorContext(options: ConnectorContextOptions): ConnectorContext {
  const { manifest } = options;
  const parsed = parseWithJsonSchema(manifest.configSchema, options.config ?? {});
  if (!parsed.ok) {
    const detail = parsed.problems.map(
      (problem) => `${problem.path.join('.') || '(root)'}: ${problem.message}`,
    );
    throw new ConnectorConfigError(
      `Invalid configuration for the ${manifest.displayName} connector: ${detail.join('; ')}`,
    );
  }
  const logger =
    options.logger ??
    createLogger({ fields: { network: manifest.network }, secretKeys: secretFields(manifest.configSchema) });
  return {
    manifest,
    config: parsed.value,
    http: createHttpClient({ timeoutMs: options.timeoutMs, fetch: options.fetch, hooks: options.hooks }),
    logger,
    clock: options.clock ?? systemClock,
  };
}
