import { defineConnector } from '@chorus/connector-sdk';
import { createPinterestAuth } from './auth/pinterest-auth.js';
import { pinterestConfigSchema } from './config.js';
import { createPinterestInsights } from './insights/pinterest-insights.js';
import { pinterestRules } from './limits/pinterest-rules.js';
import { pinterestManifest } from './manifest.js';
import { createPinterestDeps } from './pinterest-deps.js';
import { findPublishedPin } from './publish/find-published.js';
import { deletePin, publishPin } from './publish/pinterest-publisher.js';

export const pinterestConnector = defineConnector({
  manifest: pinterestManifest,
  create(context) {
    const deps = createPinterestDeps(context, pinterestConfigSchema.parse(context.config));
    return {
      auth: createPinterestAuth(deps),
      rules: pinterestRules,
      publish: (credentials, input) => publishPin(deps, credentials, input),
      findPublished: (credentials, input) => findPublishedPin(deps, credentials, input),
      delete: (credentials, input) => deletePin(deps, credentials, input.remoteId),
      insights: createPinterestInsights(deps),
    };
  },
});
