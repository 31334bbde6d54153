import { defineConnector } from '@chorus/connector-sdk';
import { createRedditAuth } from './auth/reddit-auth.js';
import { redditConfigSchema } from './config.js';
import { createRedditInbox } from './inbox/reddit-inbox.js';
import { createRedditInsights } from './insights/reddit-insights.js';
import { redditRules } from './limits/reddit-rules.js';
import { redditManifest } from './manifest.js';
import { findPublishedPost } from './publish/find-published.js';
import { deletePost, publishPost } from './publish/reddit-publisher.js';
import { createRedditDeps } from './reddit-deps.js';

export const redditConnector = defineConnector({
  manifest: redditManifest,
  create(context) {
    const deps = createRedditDeps(context, redditConfigSchema.parse(context.config));
    return {
      auth: createRedditAuth(deps),
      rules: redditRules,
      publish: (credentials, input) => publishPost(deps, credentials, input),
      findPublished: (credentials, input) => findPublishedPost(deps, credentials, input),
      delete: (credentials, input) => deletePost(deps, credentials, input.remoteId),
      inbox: createRedditInbox(deps),
      insights: createRedditInsights(deps),
    };
  },
});
