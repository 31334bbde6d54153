import type { ConnectorManifest, ConnectorManifestInput } from '../manifest/manifest.schema.js';
import type { Limits } from '../manifest/limits.schema.js';
import type { PostInput } from '../content/post.js';
import type { ConnectorContext } from '../context/connector-context.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import type { AuthCapability } from './auth.capability.js';
import type { Credentials } from './credentials.js';
import type { InboxCapability } from './inbox.capability.js';
import type { InsightsCapability } from './insights.capability.js';
import type { DeleteFn, FindPublishedFn, PublishFn } from './publish.capability.js';

/** What a connector author returns from create(): the capabilities its manifest declares. */
export interface ConnectorImplementation {
  readonly auth: AuthCapability;
  /** Limits read at run time for one account (a Mastodon instance's own limits); the manifest's otherwise. */
  limits?(credentials: Credentials): Promise<Limits>;
  /** Rules of this network only; the generic checks from the manifest's limits run first. */
  rules?(post: PostInput, limits: Limits): ValidationIssue[];
  readonly publish?: PublishFn;
  readonly findPublished?: FindPublishedFn;
  readonly delete?: DeleteFn;
  readonly inbox?: InboxCapability;
  readonly insights?: InsightsCapability;
  close?(): Promise<void>;
}

export interface ValidateOptions {
  /** With credentials, limits read at run time for that account apply. */
  readonly credentials?: Credentials;
}

/**
 * A running connector, as the host and the test kit see it: only what the manifest declares, publish refusing
 * invalid content before any network call.
 */
export interface Connector {
  readonly manifest: ConnectorManifest;
  readonly auth: AuthCapability;
  limits(credentials?: Credentials): Promise<Limits>;
  validate(post: PostInput, options?: ValidateOptions): Promise<ValidationIssue[]>;
  readonly publish?: PublishFn;
  readonly findPublished?: FindPublishedFn;
  readonly delete?: DeleteFn;
  readonly inbox?: InboxCapability;
  readonly insights?: InsightsCapability;
  close(): Promise<void>;
}

export const CONNECTOR_DEFINITION_BRAND = Symbol.for('@chorus/connector-sdk/definition');

/** What a connector package exports. */
export interface ConnectorDefinition {
  readonly manifest: ConnectorManifestInput;
  /** The version of the SDK the definition was made with. */
  readonly sdkVersion: string;
  create(context: ConnectorContext): Promise<Connector>;
  readonly [CONNECTOR_DEFINITION_BRAND]: true;
}

export function isConnectorDefinition(value: unknown): value is ConnectorDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[CONNECTOR_DEFINITION_BRAND] === true &&
    typeof (value as { create?: unknown }).create === 'function'
  );
}
