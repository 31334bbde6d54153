import {
  z,
  type Credentials,
  type InsightsCapability,
  type MetricName,
  type MetricValues,
} from '@chorus/connector-sdk';
import { isUnknownObject, readInsights } from '@chorus/meta-graph';
import type { InstagramDeps } from '../instagram-deps.js';

/** Media metrics of 3.4 in the SDK's vocabulary; `views` replaced impressions, plays and video_views. */
const MEDIA_METRICS: Readonly<Record<string, MetricName>> = {
  views: 'views',
  reach: 'reach',
  shares: 'shares',
  saved: 'saves',
};
// Stories offer no `saved` (3.4): asking for it would be refused.
const STORY_METRICS: Readonly<Record<string, MetricName>> = {
  views: 'views',
  reach: 'reach',
  shares: 'shares',
};
const ACCOUNT_METRICS: Readonly<Record<string, MetricName>> = { views: 'views', reach: 'reach' };
/** Retired names (21 Apr 2025 and earlier) and their replacement; asking for them fails with code 100. */
export const RENAMED_METRICS: Readonly<Record<string, string>> = {
  impressions: 'views',
  plays: 'views',
  video_views: 'views',
  ig_reels_aggregated_all_plays_count: 'views',
  clips_replays_count: 'views',
};

const counters = z.object({
  id: z.string(),
  like_count: z.number().optional(),
  comments_count: z.number().optional(),
  media_product_type: z.string().optional(),
});
const account = z.object({ id: z.string().optional(), followers_count: z.number().optional() });

export function createInstagramInsights(deps: InstagramDeps): InsightsCapability {
  return {
    async post(credentials, input) {
      const results = [];
      for (const remoteId of input.remoteIds) {
        const found = await read(
          deps,
          credentials,
          `/${remoteId}`,
          'id,like_count,comments_count,media_product_type',
          counters,
          'insights.post',
        );
        if (!found) {
          continue; // no longer on Instagram
        }
        const metrics: MetricValues = {
          // A count Meta did not answer (hidden like counts) is left out, never read as 0.
          ...(found.like_count === undefined ? {} : { likes: found.like_count }),
          ...(found.comments_count === undefined ? {} : { comments: found.comments_count }),
          ...(await insightsOf(
            deps,
            credentials,
            remoteId,
            found.media_product_type === 'STORY' ? STORY_METRICS : MEDIA_METRICS,
            {},
            'insights.post',
          )),
        };
        results.push({ remoteId, measuredAt: deps.context.clock.now().toISOString(), metrics });
      }
      return results;
    },

    async account(credentials) {
      // The account itself: any failure is thrown, never read as 0 followers.
      const found = await deps.graph(credentials).call(
        {
          operation: 'insights.account',
          endpoint: 'user.read',
          path: `/${credentials.accountId}`,
          query: { fields: 'id,followers_count' },
        },
        account,
      );
      return {
        measuredAt: deps.context.clock.now().toISOString(),
        metrics: {
          ...(found.followers_count === undefined ? {} : { followers: found.followers_count }),
          ...(await insightsOf(
            deps,
            credentials,
            credentials.accountId,
            ACCOUNT_METRICS,
            { period: 'day', metric_type: 'total_value' },
            'insights.account',
          )),
        },
      };
    },
  };
}

/** The media's counters; undefined only when Meta says the object does not exist (100/33), else thrown. */
async function read<T>(
  deps: InstagramDeps,
  credentials: Credentials,
  path: string,
  fields: string,
  schema: z.ZodType<T>,
  operation: 'insights.post',
): Promise<T | undefined> {
  try {
    return await deps
      .graph(credentials)
      .call({ operation, endpoint: 'media.read', path, query: { fields } }, schema);
  } catch (error) {
    if (isUnknownObject(error)) {
      return undefined;
    }
    throw error;
  }
}

function insightsOf(
  deps: InstagramDeps,
  credentials: Credentials,
  objectId: string,
  vocabulary: Readonly<Record<string, MetricName>>,
  query: Record<string, string>,
  operation: 'insights.post' | 'insights.account',
): Promise<MetricValues> {
  return readInsights(deps.graph(credentials), {
    operation,
    objectId,
    vocabulary,
    renamed: RENAMED_METRICS,
    query,
  });
}
