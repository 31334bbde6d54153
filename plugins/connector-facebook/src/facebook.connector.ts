import { defineConnector } from '@chorus/connector-sdk';
import { createFacebookAuth } from './auth/facebook-auth.js';
import { facebookConfigSchema } from './config.js';
import { createFacebookDeps } from './facebook-deps.js';
import { createFacebookInbox } from './inbox/facebook-inbox.js';
import { createFacebookInsights } from './insights/facebook-insights.js';
import { facebookRules } from './limits/facebook-rules.js';
import { facebookManifest } from './manifest.js';
import { deletePost } from './publish/delete-post.js';
import { findPublishedPost } from './publish/find-published.js';
import { publishPagePost } from './publish/facebook-publisher.js';

export const facebookConnector = defineConnector({
  manifest: facebookManifest,
  create(context) {
    const deps = createFacebookDeps(context, facebookConfigSchema.parse(context.config));
    return {
      auth: createFacebookAuth(deps),
      rules: facebookRules,
      publish: (credentials, input) => publishPagePost(deps, credentials, input),
      findPublished: (credentials, input) => findPublishedPost(deps, credentials, input),
      delete: (credentials, input) => deletePost(deps, credentials, input),
      inbox: createFacebookInbox(deps),
      insights: createFacebookInsights(deps),
    };
  },
});
