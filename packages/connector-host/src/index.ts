export { ConnectorHost, UnknownConnectorError, type ConnectorHostOptions } from './connector-host.js';
export type { ConnectorEntry, RefusedConnector } from './loading/connector-entry.js';
export type { LoadedConnector } from './loading/load-connector.js';
export type { HostedConnector } from './runtime/hosted-connector.js';
export { CallMetrics, type MetricSample } from './runtime/call-metrics.js';
export { RateLimiter, limiterKey, type WindowRule, type Acquisition } from './runtime/rate-limiter.js';
export { sdkIncompatibility, SDK_PACKAGE } from './loading/check-compatibility.js';
export { discoverConnectorPackages } from './loading/discover-connectors.js';
export { resolveEntry } from './loading/resolve-entry.js';
