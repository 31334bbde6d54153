import { defineConnector, type Credentials } from '@chorus/connector-sdk';
import { createMastodonAuth } from './auth/mastodon-auth.js';
import { mastodonConfigSchema } from './config.js';
import { createMastodonInbox } from './inbox/mastodon-inbox.js';
import { createMastodonInsights } from './insights/mastodon-insights.js';
import { InstanceLimits } from './limits/instance-limits.js';
import { mastodonRules } from './limits/mastodon-rules.js';
import { mastodonManifest } from './manifest.js';
import { createMastodonDeps } from './mastodon-deps.js';
import { deleteStatus } from './publish/delete-status.js';
import { findPublishedStatus } from './publish/find-published.js';
import { publishStatus } from './publish/mastodon-publisher.js';
import { createMastodonWebhook } from './webhooks/mastodon-webhook.js';

export const mastodonConnector = defineConnector({
  manifest: mastodonManifest,
  create(context) {
    const config = mastodonConfigSchema.parse(context.config);
    const deps = createMastodonDeps(context, config);
    const instanceLimits = new InstanceLimits(deps, context.manifest.limits);
    return {
      auth: createMastodonAuth(deps),
      limits: (credentials: Credentials) => instanceLimits.for(credentials),
      rules: mastodonRules,
      publish: (credentials, input) => publishStatus(deps, credentials, input),
      findPublished: (credentials, input) => findPublishedStatus(deps, credentials, input),
      delete: (credentials, input) => deleteStatus(deps, credentials, input),
      inbox: { ...createMastodonInbox(deps), webhook: createMastodonWebhook(config) },
      insights: createMastodonInsights(deps),
    };
  },
});
