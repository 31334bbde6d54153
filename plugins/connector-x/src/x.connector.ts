import { defineConnector } from '@chorus/connector-sdk';
import { createXAuth } from './auth/x-auth.js';
import { xConfigSchema } from './config.js';
import { createXInbox } from './inbox/x-inbox.js';
import { createXInsights } from './insights/x-insights.js';
import { xRules } from './limits/x-rules.js';
import { xManifest } from './manifest.js';
import { findPublishedPost } from './publish/find-published.js';
import { deletePost, publishPost } from './publish/x-publisher.js';
import { createXDeps } from './x-deps.js';

export const xConnector = defineConnector({
  manifest: xManifest,
  create(context) {
    const deps = createXDeps(context, xConfigSchema.parse(context.config));
    return {
      auth: createXAuth(deps),
      rules: xRules,
      publish: (credentials, input) => publishPost(deps, credentials, input),
      findPublished: (credentials, input) => findPublishedPost(deps, credentials, input),
      delete: (credentials, input) => deletePost(deps, credentials, input.remoteId),
      inbox: createXInbox(deps),
      insights: createXInsights(deps),
    };
  },
});
