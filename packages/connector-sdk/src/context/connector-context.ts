import type { ConnectorManifest } from '../manifest/manifest.schema.js';
import type { Clock } from './clock.js';
import type { HttpClient } from './http-client.js';
import type { Logger } from './logger.js';

/** What a connector receives from whoever runs it (the host, or the contract test kit). */
export interface ConnectorContext {
  /** The parsed manifest, defaults filled in. */
  readonly manifest: ConnectorManifest;
  /** The connector's configuration, validated against manifest.configSchema with defaults applied. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly http: HttpClient;
  readonly logger: Logger;
  readonly clock: Clock;
}
