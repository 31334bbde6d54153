import { realpath } from 'node:fs/promises';
import {
  createLogger,
  sdkVersion,
  systemClock,
  type Clock,
  type ConnectorManifest,
  type ConnectorOperation,
  type Logger,
} from '@chorus/connector-sdk';
import type { ConnectorEntry, RefusedConnector } from './loading/connector-entry.js';
import { discoverConnectorPackages } from './loading/discover-connectors.js';
import { findPackageFolder } from './loading/find-package.js';
import { loadConnector, type LoadedConnector } from './loading/load-connector.js';
import { CallMetrics, type MetricSample } from './runtime/call-metrics.js';
import type { HostedConnector } from './runtime/hosted-connector.js';
import { RateLimiter } from './runtime/rate-limiter.js';
import type { HostServices } from './runtime/host-services.js';

export interface ConnectorHostOptions {
  /** Package names resolve from here, and discovery scans root/node_modules. */
  readonly root: string;
  readonly connectors?: readonly ConnectorEntry[];
  /** Also load installed packages that declare the connector role (default true). */
  readonly discover?: boolean;
  /** Export conditions used to find a plugin's entry; add '@chorus/source' to load TypeScript sources in development. */
  readonly conditions?: readonly string[];
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly httpTimeoutMs?: number;
  /** The fetch connectors' requests go through, e.g. one that refuses private addresses; default global fetch. */
  readonly fetch?: typeof fetch;
  /** Per-call limits in milliseconds; publish (media processing included) defaults to 10 minutes, other calls to 60 s. */
  readonly callTimeoutMs?: Partial<Record<ConnectorOperation, number>>;
  /** How long a call may wait for a rate-limit slot before it is refused as rate-limited (default 1 s). */
  readonly rateLimitMaxWaitMs?: number;
  /** How long a plugin may take to import and to start before it is refused (default 30 s). */
  readonly startTimeoutMs?: number;
  /** The SDK version to check plugins against; this host's SDK by default. */
  readonly sdkVersion?: string;
}

const DEFAULT_TIMEOUTS: Partial<Record<ConnectorOperation, number>> = { publish: 600_000 };

export class UnknownConnectorError extends Error {
  override readonly name = 'UnknownConnectorError';
}

/** Loads connector plugins from configuration and discovery, and hands them out by id. */
export class ConnectorHost {
  private readonly byId: ReadonlyMap<string, LoadedConnector>;

  private constructor(
    readonly loaded: readonly LoadedConnector[],
    readonly refused: readonly RefusedConnector[],
    private readonly callMetrics: CallMetrics,
  ) {
    this.byId = new Map(loaded.map((item) => [item.id, item]));
  }

  static async start(options: ConnectorHostOptions): Promise<ConnectorHost> {
    const logger = options.logger ?? createLogger({ fields: { component: 'connector-host' } });
    const clock = options.clock ?? systemClock;
    const metrics = new CallMetrics();
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.callTimeoutMs };
    const services: HostServices = {
      sdkVersion: options.sdkVersion ?? sdkVersion(),
      conditions: options.conditions ?? ['import', 'node'],
      logger,
      clock,
      limiter: new RateLimiter(clock),
      metrics,
      httpTimeoutMs: options.httpTimeoutMs ?? 30_000,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      callTimeoutMs: (operation) => timeouts[operation] ?? 60_000,
      rateLimitMaxWaitMs: options.rateLimitMaxWaitMs ?? 1000,
      startTimeoutMs: options.startTimeoutMs ?? 30_000,
    };
    const loaded: LoadedConnector[] = [];
    const refused: RefusedConnector[] = [];
    const seenFolders = new Set<string>();
    const load = async (source: string, folder: string, entry?: ConnectorEntry) => {
      seenFolders.add(await realpath(folder));
      const outcome = await loadConnector({ folder, id: entry?.id, options: entry?.options }, services);
      if (outcome.ok && loaded.some((item) => item.id === outcome.loaded.id)) {
        refused.push({
          source,
          packageName: outcome.loaded.packageName,
          reason: `the id "${outcome.loaded.id}" is already taken; give this entry its own id`,
        });
      } else if (outcome.ok) {
        loaded.push(outcome.loaded);
      } else {
        refused.push({ source, packageName: outcome.packageName, reason: outcome.reason });
      }
    };
    for (const entry of options.connectors ?? []) {
      const folder = await findPackageFolder(entry.resolve, options.root);
      if (folder) {
        await load(entry.resolve, folder, entry);
      } else {
        refused.push({
          source: entry.resolve,
          packageName: null,
          reason: `no package "${entry.resolve}" was found from ${options.root}`,
        });
      }
    }
    if (options.discover ?? true) {
      for (const folder of await discoverConnectorPackages(options.root)) {
        if (!seenFolders.has(await realpath(folder))) {
          await load(folder, folder);
        }
      }
    }
    for (const item of refused) {
      logger.error('connector plugin refused', {
        source: item.source,
        packageName: item.packageName,
        reason: item.reason,
      });
    }
    for (const item of loaded) {
      logger.info('connector plugin loaded', {
        connector: item.id,
        packageName: item.packageName,
        version: item.packageVersion,
      });
    }
    metrics.add('connector_plugins_loaded', {}, loaded.length);
    metrics.add('connector_plugins_refused', {}, refused.length);
    return new ConnectorHost(loaded, refused, metrics);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  connector(id: string): HostedConnector {
    const found = this.byId.get(id);
    if (!found) {
      throw new UnknownConnectorError(
        `No connector "${id}" is loaded; loaded: ${[...this.byId.keys()].join(', ') || 'none'}`,
      );
    }
    return found.connector;
  }

  manifests(): ConnectorManifest[] {
    return this.loaded.map((item) => item.manifest);
  }

  metrics(): MetricSample[] {
    return this.callMetrics.snapshot();
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.loaded.map((item) => item.connector.close()));
  }
}
