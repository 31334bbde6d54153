import { defineConnector } from '@chorus/connector-sdk';
import { createThreadsAuth } from './auth/threads-auth.js';
import { threadsConfigSchema } from './config.js';
import { createThreadsInbox } from './inbox/threads-inbox.js';
import { createThreadsInsights } from './insights/threads-insights.js';
import { threadsRules } from './limits/threads-rules.js';
import { threadsManifest } from './manifest.js';
import { deleteThread, findPublishedThread } from './publish/find-published.js';
import { publishThread } from './publish/threads-publisher.js';
import { createThreadsDeps } from './threads-deps.js';

export const threadsConnector = defineConnector({
  manifest: threadsManifest,
  create(context) {
    const deps = createThreadsDeps(context, threadsConfigSchema.parse(context.config));
    return {
      auth: createThreadsAuth(deps),
      rules: threadsRules,
      publish: (credentials, input) => publishThread(deps, credentials, input),
      findPublished: (credentials, input) => findPublishedThread(deps, credentials, input),
      delete: (credentials, input) => deleteThread(deps, credentials, input),
      inbox: createThreadsInbox(deps),
      insights: createThreadsInsights(deps),
    };
  },
});
