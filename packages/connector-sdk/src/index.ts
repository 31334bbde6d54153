export { z } from 'zod';

export {
  CountingMethodSchema,
  CharacterWeightsSchema,
  TextRuleSchema,
  TextLimitsSchema,
  type CountingMethod,
  type CharacterWeights,
  type TextRule,
  type TextRuleInput,
} from './manifest/text-rule.schema.js';
export {
  AltTextLimitsSchema,
  MediaRuleSchema,
  MediaLimitsSchema,
  PollLimitsSchema,
  ThreadLimitsSchema,
  FirstCommentLimitsSchema,
  LimitsSchema,
  type AltTextLimits,
  type MediaRule,
  type MediaLimits,
  type PollLimits,
  type ThreadLimits,
  type Limits,
  type LimitsInput,
} from './manifest/limits.schema.js';
export {
  RateLimitRuleSchema,
  RateLimitHeadersSchema,
  RateLimitPolicySchema,
  type RateLimitRule,
  type RateLimitHeaders,
  type RateLimitPolicy,
} from './manifest/rate-limit-policy.schema.js';
export { ObjectJsonSchemaSchema, type ObjectJsonSchema } from './manifest/object-json-schema.schema.js';
export {
  ContentKindSchema,
  AuthMethodSchema,
  InteractionKindSchema,
  MetricNameSchema,
  AuthCapabilitySchema,
  PublishCapabilitySchema,
  FindPublishedCapabilitySchema,
  InboxCapabilitySchema,
  InsightsCapabilitySchema,
  CapabilitiesSchema,
  type ContentKind,
  type AuthMethod,
  type InteractionKind,
  type MetricName,
  type Capabilities,
} from './manifest/capabilities.schema.js';
export {
  NetworkIdSchema,
  ConnectorManifestSchema,
  type ConnectorManifest,
  type ConnectorManifestInput,
} from './manifest/manifest.schema.js';
export {
  parseManifest,
  describeManifestProblems,
  type ManifestProblem,
  type ParsedManifest,
} from './manifest/parse-manifest.js';
export { manifestJsonSchema, MANIFEST_SCHEMA_ID } from './manifest/manifest-json-schema.js';

export { jsonSchemaOf, secret, SECRET_KEYWORD } from './schema/json-schema-of.js';
export { secretFields } from './schema/secret-fields.js';
export {
  parseWithJsonSchema,
  type SchemaParseResult,
  type SchemaProblem,
} from './schema/parse-with-json-schema.js';

export type {
  MediaSource,
  MediaKind,
  MediaInput,
  PollInput,
  ThreadPartInput,
  PostInput,
  RemotePostRef,
} from './content/post.js';
export { contentKindsOf } from './content/content-kinds.js';
export { fingerprintPost, normaliseText } from './content/fingerprint.js';
export { readMediaBytes } from './content/read-media.js';

export { countText, countGraphemes, unitName } from './text/count-text.js';
export { findUrls, type FindUrlsOptions, type UrlMatch } from './text/find-urls.js';

export type { IssueCode, IssuePath, ValidationIssue } from './validation/validation-issue.js';
export { validatePost } from './validation/validate-post.js';
export { validateText, type TextCheck } from './validation/validate-text.js';

export {
  CONNECTOR_ERROR_BRAND,
  ConnectorError,
  RetriableError,
  RateLimitedError,
  ReauthRequiredError,
  InvalidContentError,
  AmbiguousError,
  isConnectorError,
  type ErrorKind,
  type ConnectorErrorOptions,
} from './errors/connector-errors.js';
export { classifyError } from './errors/classify-error.js';
export { errorFromResponse, type ResponseErrorContext } from './errors/error-from-response.js';
export { parseRetryAfter, parseResetHeader } from './errors/retry-after.js';

export type { Credentials, AccountProfile } from './capabilities/credentials.js';
export type {
  AuthorizationRequest,
  AuthorizationStart,
  CodeExchange,
  OAuth2Flow,
  PasswordLogin,
  PasswordFlow,
  AuthCapability,
} from './capabilities/auth.capability.js';
export type {
  PublishInput,
  PublishResult,
  FindPublishedInput,
  FindPublishedResult,
  DeleteInput,
  PublishFn,
  FindPublishedFn,
  DeleteFn,
} from './capabilities/publish.capability.js';
export type {
  InteractionAuthor,
  Interaction,
  InboxPullRequest,
  InboxPage,
  WebhookRequest,
  WebhookCapability,
  ReplyInput,
  InboxCapability,
} from './capabilities/inbox.capability.js';
export type {
  MetricValues,
  PostMetrics,
  AccountMetrics,
  InsightsCapability,
} from './capabilities/insights.capability.js';
export { isWriteOperation, type ConnectorOperation } from './capabilities/operations.js';
export {
  CONNECTOR_DEFINITION_BRAND,
  isConnectorDefinition,
  type ConnectorImplementation,
  type Connector,
  type ConnectorDefinition,
  type ValidateOptions,
} from './capabilities/connector.js';
export { missingCapabilities } from './capabilities/check-implementation.js';

export type { ConnectorContext } from './context/connector-context.js';
export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpHooks,
  type HttpRequestInfo,
  type HttpRequestInit,
} from './context/http-client.js';
export {
  createLogger,
  silentLogger,
  redact,
  REDACTED,
  type Logger,
  type LogFields,
  type LogLevel,
  type LogRecord,
  type LoggerOptions,
} from './context/logger.js';
export { systemClock, type Clock } from './context/clock.js';
export {
  createConnectorContext,
  ConnectorConfigError,
  type ConnectorContextOptions,
} from './context/create-connector-context.js';

export { defineConnector, ConnectorImplementationError, type ConnectorSpec } from './define-connector.js';
export { sdkVersion } from './version.js';
export { createPkcePair, pkceChallenge, createOAuthState, type PkcePair } from './auth/pkce.js';
export { RotatingRefresh } from './auth/rotating-refresh.js';
export { SharedCalls } from './auth/shared-calls.js';
export { verifyHmacSignature, type HmacSignatureCheck } from './webhooks/verify-signature.js';
