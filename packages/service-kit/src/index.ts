export { InvalidConfigError } from './config/config.errors.js';
export { loadConfig } from './config/load-config.js';
export {
  hostVariable,
  logLevelVariable,
  pemVariable,
  portVariable,
  urlVariable,
} from './config/config-fields.js';
export { CORRELATION_HEADER, correlationIdFrom } from './context/correlation-id.js';
export {
  currentContext,
  currentCorrelationId,
  enrichContext,
  runWithContext,
  type RequestContext,
} from './context/request-context.js';
export { JsonLogger, type JsonLoggerOptions, type LogLevel } from './logging/json-logger.js';
export { stdoutSink, type LogSink } from './logging/log-sink.js';
export { redact } from './logging/redact.js';
export {
  ACCESS_METADATA,
  AuthenticatedEndpoint,
  PublicEndpoint,
  RequirePermission,
  type AccessDeclaration,
} from './access/access-declaration.js';
export { readAccessDeclaration } from './access/read-access-declaration.js';
export { CurrentIdentity } from './access/current-identity.js';
export type { RequestWithIdentity } from './access/identity-request.js';
export { SignedIdentityGuard } from './access/signed-identity.guard.js';
export { parseInput, type FieldProblem } from './http/zod-validation.js';
export { BodySchema, QuerySchema, ValidBody, ValidParam, ValidQuery } from './http/validated-input.js';
export { installCorrelationHooks } from './http/correlation-hooks.js';
export { BadRequestDoc, NotFoundDoc, ResponseSchema } from './openapi/api-response.js';
export { openApiSchemaOf } from './openapi/zod-openapi.js';
export { API_VERSION, buildOpenApiDocument, serialiseOpenApiDocument } from './openapi/openapi-document.js';
export { Readiness, type CheckStatus, type ReadinessReport } from './health/readiness.js';
export { isBusReady, stopBus } from './messaging/bus-lifecycle.js';
export { withCorrelation } from './messaging/with-correlation.js';
export { ambientTransaction, runInAmbientTransaction } from './transactions/ambient-transaction.js';
export { TenantTransactions } from './transactions/tenant-transactions.js';
export { RuntimeState } from './runtime/runtime-state.js';
export type { ServiceRuntime } from './runtime/service-runtime.js';
export {
  EVENT_BUS,
  IDENTITY_PUBLIC_KEY,
  OUTBOX,
  SERVICE_DATABASE,
  SERVICE_LOGGER,
  SERVICE_NAME,
  SERVICE_RUNTIME_STATE,
} from './runtime/service-kit.tokens.js';
export { ServiceKitModule, type ServiceKitOptions } from './runtime/service-kit.module.js';
export type { ServiceDefinition } from './bootstrap/service-definition.js';
export type { RunningService } from './bootstrap/running-service.js';
export { bootstrapService, type BootstrapOptions } from './bootstrap/bootstrap-service.js';
export { EDGE_AUTHENTICATOR, type EdgeAuthenticator } from './access/edge-authenticator.js';
export {
  EdgeAccessGuard,
  bearerToken,
  workspaceProblem,
  type RequestWithMember,
} from './access/edge-access.guard.js';
export {
  UpstreamUnavailableError,
  endToEndHeaders,
  type Upstream,
  type UpstreamRequest,
  type UpstreamResponse,
} from './upstream/upstream.js';
export { HttpUpstream } from './upstream/http-upstream.js';
export { InjectUpstream } from './upstream/inject-upstream.js';
export { busLoggerFor } from './messaging/bus-logger.js';
export { routeAccessReport, type RouteAccess } from './access/route-access-report.js';
