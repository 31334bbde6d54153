import type { InsightsCapability, MetricValues, PostMetrics } from '@chorus/connector-sdk';
import { listing, subredditAbout, type Link } from '../api/reddit-schemas.js';
import { usernameOf } from '../auth/username.js';
import type { RedditDeps } from '../reddit-deps.js';

const BATCH = 100;

/**
 * Reddit's counters (network-apis.md 12.4) in the SDK vocabulary: likes are upvotes (`ups`), comments
 * `num_comments`, shares `num_crossposts`, views `view_count` when Reddit gives one (it is usually null, and a
 * null is left out, never read as 0). The thing's `likes` field is the reader's own vote, not a count, and
 * `downs` is always 0 since Reddit hides downvotes: neither is read.
 */
export function toMetrics(post: Link): MetricValues {
  const metrics: MetricValues = {};
  if (typeof post.ups === 'number') {
    metrics.likes = post.ups;
  }
  if (typeof post.num_comments === 'number') {
    metrics.comments = post.num_comments;
  }
  if (typeof post.num_crossposts === 'number') {
    metrics.shares = post.num_crossposts;
  }
  if (typeof post.view_count === 'number') {
    metrics.views = post.view_count;
  }
  return metrics;
}

/** A post its author deleted is still listed by /api/info, as `[deleted]`: Chorus no longer has it there. */
const deleted = (post: Link) => post.author === '[deleted]' || post.removed_by_category === 'deleted';

export function createRedditInsights(deps: RedditDeps): InsightsCapability {
  return {
    async post(credentials, input) {
      const results: PostMetrics[] = [];
      const ids = input.remoteIds.filter((id) => id.startsWith('t3_'));
      for (let start = 0; start < ids.length; start += BATCH) {
        const answer = await deps.api.call(
          {
            operation: 'insights.post',
            endpoint: 'info',
            path: '/api/info',
            query: { id: ids.slice(start, start + BATCH).join(','), raw_json: '1' },
            credentials,
            scope: 'read',
          },
          listing,
        );
        const measuredAt = deps.context.clock.now().toISOString();
        for (const child of answer.data.children) {
          if (child.kind === 't3' && !deleted(child.data)) {
            results.push({ remoteId: child.data.name, measuredAt, metrics: toMetrics(child.data) });
          }
        }
      }
      return results;
    },

    /** Followers of the account are the subscribers of its profile subreddit `u_<username>`. */
    async account(credentials) {
      const username = await usernameOf(deps, credentials);
      const answer = await deps.api.call(
        {
          operation: 'insights.account',
          endpoint: 'subreddit.about',
          path: `/r/u_${encodeURIComponent(username)}/about`,
          credentials,
          scope: 'read',
        },
        subredditAbout,
      );
      const followers = answer.data.subscribers;
      return {
        measuredAt: deps.context.clock.now().toISOString(),
        metrics: typeof followers === 'number' ? { followers } : {},
      };
    },
  };
}
