import type { InsightsCapability, MetricValues, PostMetrics } from '@chorus/connector-sdk';
import { userInfo, videoQuery, type TikTokVideo } from '../api/tiktok-schemas.js';
import type { TikTokDeps } from '../tiktok-deps.js';

// `/v2/video/query/` takes at most 20 ids (network-apis.md 7.3).
const BATCH = 20;
const VIDEO_FIELDS = 'id,view_count,like_count,comment_count,share_count';
const STATS_FIELDS = 'open_id,follower_count,following_count,likes_count,video_count';

/** The Display API's counters in the SDK vocabulary; TikTok gives no reach or impressions (7.3). */
export function toMetrics(video: TikTokVideo): MetricValues {
  const metrics: MetricValues = {};
  const set = (name: keyof MetricValues, value: number | undefined) => {
    if (value !== undefined) {
      metrics[name] = value;
    }
  };
  set('views', video.view_count);
  set('likes', video.like_count);
  set('comments', video.comment_count);
  set('shares', video.share_count);
  return metrics;
}

export function createTikTokInsights(deps: TikTokDeps): InsightsCapability {
  return {
    async post(credentials, input) {
      // Drafts in the creator inbox (`inbox:<publish_id>`) are no posts yet: nothing to measure.
      const ids = input.remoteIds.filter((id) => /^\d+$/u.test(id));
      const results: PostMetrics[] = [];
      for (let start = 0; start < ids.length; start += BATCH) {
        // Videos TikTok no longer has are simply missing from the answer, and so from the result.
        const answer = await deps.api.call(
          {
            operation: 'insights.post',
            endpoint: 'video.query',
            path: '/v2/video/query/',
            query: { fields: VIDEO_FIELDS },
            json: { filters: { video_ids: ids.slice(start, start + BATCH) } },
            token: credentials.accessToken,
          },
          videoQuery,
        );
        const measuredAt = deps.context.clock.now().toISOString();
        results.push(
          ...answer.videos.map((item) => ({ remoteId: item.id, measuredAt, metrics: toMetrics(item) })),
        );
      }
      return results;
    },

    async account(credentials) {
      const answer = await deps.api.call(
        {
          operation: 'insights.account',
          endpoint: 'user.info',
          method: 'GET',
          path: '/v2/user/info/',
          query: { fields: STATS_FIELDS },
          token: credentials.accessToken,
        },
        userInfo,
      );
      const metrics: MetricValues = {};
      if (answer.user.follower_count !== undefined) {
        metrics.followers = answer.user.follower_count;
      }
      if (answer.user.likes_count !== undefined) {
        metrics.likes = answer.user.likes_count;
      }
      return { measuredAt: deps.context.clock.now().toISOString(), metrics };
    },
  };
}
