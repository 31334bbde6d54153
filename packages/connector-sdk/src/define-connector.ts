import type { PostInput } from './content/post.js';
import type { ConnectorContext } from './context/connector-context.js';
import { InvalidContentError } from './errors/connector-errors.js';
import type { ConnectorManifest, ConnectorManifestInput } from './manifest/manifest.schema.js';
import type { Limits } from './manifest/limits.schema.js';
import type { Credentials } from './capabilities/credentials.js';
import { missingCapabilities } from './capabilities/check-implementation.js';
import {
  CONNECTOR_DEFINITION_BRAND,
  type Connector,
  type ConnectorDefinition,
  type ConnectorImplementation,
} from './capabilities/connector.js';
import type { InboxCapability } from './capabilities/inbox.capability.js';
import type { InsightsCapability } from './capabilities/insights.capability.js';
import { validatePost } from './validation/validate-post.js';
import type { ValidationIssue } from './validation/validation-issue.js';
import { sdkVersion } from './version.js';

export interface ConnectorSpec {
  readonly manifest: ConnectorManifestInput;
  create(context: ConnectorContext): ConnectorImplementation | Promise<ConnectorImplementation>;
}

export class ConnectorImplementationError extends Error {
  override readonly name = 'ConnectorImplementationError';
}

/** The one thing a connector package exports. The manifest is checked by whoever loads it, never here. */
export function defineConnector(spec: ConnectorSpec): ConnectorDefinition {
  return {
    manifest: spec.manifest,
    sdkVersion: sdkVersion(),
    [CONNECTOR_DEFINITION_BRAND]: true,
    async create(context) {
      const implementation = await spec.create(context);
      const missing = missingCapabilities(context.manifest, implementation);
      if (missing.length > 0) {
        throw new ConnectorImplementationError(
          `The ${context.manifest.displayName} connector declares capabilities it does not implement: ${missing.join(', ')}`,
        );
      }
      return toConnector(context.manifest, implementation);
    },
  };
}

function toConnector(manifest: ConnectorManifest, implementation: ConnectorImplementation): Connector {
  const { capabilities } = manifest;
  const limits = async (credentials?: Credentials): Promise<Limits> =>
    credentials && implementation.limits ? implementation.limits(credentials) : manifest.limits;
  const validate = async (
    post: PostInput,
    options: { credentials?: Credentials } = {},
  ): Promise<ValidationIssue[]> => {
    const effective = await limits(options.credentials);
    const generic = validatePost(manifest, post, effective);
    return [...generic, ...(implementation.rules?.(post, effective) ?? [])];
  };
  const publish = implementation.publish;
  return {
    manifest,
    auth: implementation.auth,
    limits,
    validate,
    publish:
      capabilities.publish && publish
        ? async (credentials, input) => {
            // Validation first, so that invalid content never reaches the network.
            const issues = await validate(input.post, { credentials });
            if (issues.length > 0) {
              throw new InvalidContentError(
                `${manifest.displayName} would refuse this post: ${issues[0]?.message}`,
                issues,
              );
            }
            return publish(credentials, input);
          }
        : undefined,
    findPublished: capabilities.findPublished ? implementation.findPublished : undefined,
    delete: capabilities.delete ? implementation.delete : undefined,
    inbox: declaredInbox(manifest, implementation.inbox),
    insights: declaredInsights(manifest, implementation.insights),
    close: async () => implementation.close?.(),
  };
}

function declaredInbox(
  manifest: ConnectorManifest,
  inbox: InboxCapability | undefined,
): InboxCapability | undefined {
  const declared = manifest.capabilities.inbox;
  if (!declared || !inbox) {
    return undefined;
  }
  return {
    pull: declared.pull ? inbox.pull?.bind(inbox) : undefined,
    webhook: declared.webhook ? inbox.webhook : undefined,
    reply: declared.reply ? inbox.reply?.bind(inbox) : undefined,
    hide: declared.hide ? inbox.hide?.bind(inbox) : undefined,
    like: declared.like ? inbox.like?.bind(inbox) : undefined,
    delete: declared.delete ? inbox.delete?.bind(inbox) : undefined,
  };
}

function declaredInsights(
  manifest: ConnectorManifest,
  insights: InsightsCapability | undefined,
): InsightsCapability | undefined {
  const declared = manifest.capabilities.insights;
  if (!declared || !insights) {
    return undefined;
  }
  return {
    post: declared.post.length > 0 ? insights.post?.bind(insights) : undefined,
    account: declared.account.length > 0 ? insights.account?.bind(insights) : undefined,
  };
}
