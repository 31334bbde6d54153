import { defineConnector } from '@chorus/connector-sdk';
import { createTikTokAuth } from './auth/tiktok-auth.js';
import { tiktokConfigSchema } from './config.js';
import { createTikTokInsights } from './insights/tiktok-insights.js';
import { createCreatorLimits } from './limits/creator-limits.js';
import { createTikTokRules } from './limits/tiktok-rules.js';
import { tiktokManifest } from './manifest.js';
import { findPublishedPost } from './publish/find-published.js';
import { publishPost } from './publish/tiktok-publisher.js';
import { createTikTokDeps } from './tiktok-deps.js';

export const tiktokConnector = defineConnector({
  manifest: tiktokManifest,
  create(context) {
    const deps = createTikTokDeps(context, tiktokConfigSchema.parse(context.config));
    return {
      auth: createTikTokAuth(deps),
      limits: createCreatorLimits(deps),
      rules: createTikTokRules(deps.config),
      publish: (credentials, input) => publishPost(deps, credentials, input),
      findPublished: (credentials, input) => findPublishedPost(deps, credentials, input),
      insights: createTikTokInsights(deps),
    };
  },
});
