import { defineConnector, InvalidContentError } from '@chorus/connector-sdk';
import { createLinkedinAuth } from './auth/linkedin-auth.js';
import { linkedinConfigSchema } from './config.js';
import { createLinkedinInbox } from './inbox/linkedin-inbox.js';
import { createLinkedinInsights } from './insights/linkedin-insights.js';
import { linkedinRules, visibilityIssue } from './limits/linkedin-rules.js';
import { authorOf, createLinkedinDeps } from './linkedin-deps.js';
import { linkedinManifest } from './manifest.js';
import { deletePost, findPublished } from './publish/find-published.js';
import { publishPost } from './publish/linkedin-publisher.js';

export const linkedinConnector = defineConnector({
  manifest: linkedinManifest,
  create(context) {
    const deps = createLinkedinDeps(context, linkedinConfigSchema.parse(context.config));
    return {
      auth: createLinkedinAuth(deps),
      rules: linkedinRules,
      publish(credentials, input) {
        const issue = visibilityIssue(input.post, authorOf(credentials));
        if (issue) {
          return Promise.reject(new InvalidContentError(issue.message, [issue]));
        }
        return publishPost(deps, credentials, input);
      },
      findPublished: (credentials, input) => findPublished(deps, credentials, input),
      delete: (credentials, input) => deletePost(deps, credentials, input),
      inbox: createLinkedinInbox(deps),
      insights: createLinkedinInsights(deps),
    };
  },
});
