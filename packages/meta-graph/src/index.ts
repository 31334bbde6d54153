export { GraphClient, type GraphClientOptions, type GraphParams, type GraphRequest } from './graph-client.js';
export {
  isUnknownObject,
  mapGraphError,
  type GraphErrorBody,
  type GraphErrorContext,
} from './graph-error.js';
export { readUsage, type GraphUsage } from './usage-headers.js';
export { UsageGate, THROTTLE_PERCENT, DEFAULT_HOLD_SECONDS } from './usage-gate.js';
export { metaSignatureValid, metaChallenge, readDelivery, readPart, SIGNATURE_HEADER } from './webhook.js';
export {
  graphPage,
  nextCursor,
  collectPages,
  idResponse,
  successResponse,
  type CollectOptions,
  type GraphPageShape,
} from './paging.js';
export { parseGraphJson } from './safe-json.js';
export {
  waitForContainer,
  type ContainerReading,
  type ContainerState,
  type PollOptions,
} from './container-poller.js';
export {
  insightMetric,
  insightsResponse,
  metricNumber,
  currentMetricNames,
  type InsightMetric,
} from './insight-values.js';
export { advance, readCursor, writeCursor, type InboxCursor } from './inbox-cursor.js';
export { graphTime, unixMillis, unixSeconds } from './graph-time.js';
export { readInsights, type InsightsRequest } from './read-insights.js';
export {
  exchangeForLongLivedToken,
  refreshDue,
  refreshLongLivedToken,
  SerialRefresh,
  longToken,
  type CodeLogin,
  type CodeLoginResult,
  type LongToken,
  type TokenAge,
} from './long-lived-token.js';
export {
  matchPublished,
  publishedResult,
  type PublishedCandidate,
  type PublishedMatch,
} from './match-published.js';
export {
  choosePage,
  listManagedPages,
  requireGrantedPermissions,
  PUBLISH_TASK,
  type ManagedPage,
  type PageChoice,
} from './facebook-login-pages.js';
