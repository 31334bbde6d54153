import { defineConnector } from '@chorus/connector-sdk';
import { createInstagramAuth } from './auth/instagram-auth.js';
import { instagramConfigSchema } from './config.js';
import { createInstagramInbox } from './inbox/instagram-inbox.js';
import { createInstagramDeps } from './instagram-deps.js';
import { createInstagramInsights } from './insights/instagram-insights.js';
import { instagramRules } from './limits/instagram-rules.js';
import { instagramManifest } from './manifest.js';
import { findPublishedMedia } from './publish/find-published.js';
import { publishInstagramPost } from './publish/instagram-publisher.js';

export const instagramConnector = defineConnector({
  manifest: instagramManifest,
  create(context) {
    const deps = createInstagramDeps(context, instagramConfigSchema.parse(context.config));
    return {
      auth: createInstagramAuth(deps),
      rules: instagramRules,
      publish: (credentials, input) => publishInstagramPost(deps, credentials, input),
      findPublished: (credentials, input) => findPublishedMedia(deps, credentials, input),
      inbox: createInstagramInbox(deps),
      insights: createInstagramInsights(deps),
    };
  },
});
