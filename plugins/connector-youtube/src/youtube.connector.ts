import { defineConnector } from '@chorus/connector-sdk';
import { createYoutubeAuth } from './auth/youtube-auth.js';
import { youtubeConfigSchema } from './config.js';
import { createYoutubeInbox } from './inbox/youtube-inbox.js';
import { createYoutubeInsights } from './insights/youtube-insights.js';
import { youtubeRules } from './limits/youtube-rules.js';
import { youtubeManifest } from './manifest.js';
import { findPublishedVideo } from './publish/find-published.js';
import { deleteVideo, publishVideo } from './publish/youtube-publisher.js';
import { createYoutubeDeps } from './youtube-deps.js';

export const youtubeConnector = defineConnector({
  manifest: youtubeManifest,
  create(context) {
    const deps = createYoutubeDeps(context, youtubeConfigSchema.parse(context.config));
    return {
      auth: createYoutubeAuth(deps),
      rules: youtubeRules(deps.config, context.clock),
      publish: (credentials, input) => publishVideo(deps, credentials, input),
      findPublished: (credentials, input) => findPublishedVideo(deps, credentials, input),
      delete: (credentials, input) => deleteVideo(deps, credentials, input.remoteId),
      inbox: createYoutubeInbox(deps),
      insights: createYoutubeInsights(deps),
    };
  },
});
