import { z, type InsightsCapability, type MetricValues, type PostMetrics } from '@chorus/connector-sdk';
import { postsLookup, xUser, type XPost } from '../api/x-schemas.js';
import type { XDeps } from '../x-deps.js';

const BATCH = 100;
const me = z.object({ data: xUser });

/**
 * Post metrics from `public_metrics` (network-apis.md 5.4) in the SDK vocabulary: likes, comments (replies),
 * shares (reposts + quotes), saves (bookmarks), impressions. `non_public_metrics` and `organic_metrics` are not
 * requested (they exist only for the author's posts of the last 30 days, and `public_metrics` carries
 * `impression_count`), so nothing reads them.
 */
export function toMetrics(post: XPost): MetricValues {
  const open = post.public_metrics ?? {};
  const metrics: MetricValues = {};
  const set = (name: keyof MetricValues, value: number | undefined) => {
    if (value !== undefined) {
      metrics[name] = value;
    }
  };
  set('likes', open.like_count);
  set('comments', open.reply_count);
  set('shares', open.retweet_count === undefined ? undefined : open.retweet_count + (open.quote_count ?? 0));
  set('saves', open.bookmark_count);
  set('impressions', open.impression_count);
  return metrics;
}

export function createXInsights(deps: XDeps): InsightsCapability {
  return {
    async post(credentials, input) {
      const results: PostMetrics[] = [];
      for (let start = 0; start < input.remoteIds.length; start += BATCH) {
        const ids = input.remoteIds.slice(start, start + BATCH);
        // Posts X no longer has come back in `errors` (partial success) and are left out.
        const answer = await deps.api.call(
          {
            operation: 'insights.post',
            endpoint: 'tweets.lookup',
            path: '/2/tweets',
            query: { ids: ids.join(','), 'tweet.fields': 'public_metrics,created_at' },
            token: credentials.accessToken,
          },
          postsLookup,
        );
        const measuredAt = deps.context.clock.now().toISOString();
        results.push(
          ...answer.data.map((post) => ({ remoteId: post.id, measuredAt, metrics: toMetrics(post) })),
        );
      }
      return results;
    },

    async account(credentials) {
      const answer = await deps.api.call(
        {
          operation: 'insights.account',
          endpoint: 'users.me',
          path: '/2/users/me',
          query: { 'user.fields': 'public_metrics' },
          token: credentials.accessToken,
        },
        me,
      );
      const followers = answer.data.public_metrics?.followers_count;
      return {
        measuredAt: deps.context.clock.now().toISOString(),
        metrics: followers === undefined ? {} : { followers },
      };
    },
  };
}
