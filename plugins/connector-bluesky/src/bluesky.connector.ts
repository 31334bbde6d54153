import { defineConnector } from '@chorus/connector-sdk';
import { createBlueskyAuth } from './auth/bluesky-auth.js';
import { createBlueskyDeps } from './bluesky-deps.js';
import { blueskyConfigSchema } from './config.js';
import { createBlueskyInbox } from './inbox/bluesky-inbox.js';
import { createBlueskyInsights } from './insights/bluesky-insights.js';
import { effectiveLimits } from './limits/account-limits.js';
import { blueskyRules } from './limits/bluesky-rules.js';
import { blueskyManifest } from './manifest.js';
import { deletePost } from './publish/delete-post.js';
import { findPublishedPost } from './publish/find-published.js';
import { publishPost } from './publish/publish-post.js';

export const blueskyConnector = defineConnector({
  manifest: blueskyManifest,
  create(context) {
    const deps = createBlueskyDeps(context, blueskyConfigSchema.parse(context.config));
    const limits = effectiveLimits(context.manifest.limits, deps.config);
    return {
      auth: createBlueskyAuth(deps),
      limits: () => Promise.resolve(limits),
      rules: blueskyRules,
      publish: (credentials, input) => publishPost(deps, credentials, input),
      findPublished: (credentials, input) => findPublishedPost(deps, credentials, input),
      delete: (credentials, input) => deletePost(deps, credentials, input),
      inbox: createBlueskyInbox(deps),
      insights: createBlueskyInsights(deps),
    };
  },
});
