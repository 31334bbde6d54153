import {
  isConnectorError,
  z,
  type Credentials,
  type InsightsCapability,
  type MetricName,
  type MetricValues,
} from '@chorus/connector-sdk';
import { readInsights } from '@chorus/meta-graph';
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
          continue;
        }
        const metrics: MetricValues = {
          likes: found.like_count ?? 0,
          comments: found.comments_count ?? 0,
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
      const found = await read(
        deps,
        credentials,
        `/${credentials.accountId}`,
        'id,followers_count',
        account,
        'insights.account',
      );
      return {
        measuredAt: deps.context.clock.now().toISOString(),
        metrics: {
          followers: found?.followers_count ?? 0,
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

async function read<T>(
  deps: InstagramDeps,
  credentials: Credentials,
  path: string,
  fields: string,
  schema: z.ZodType<T>,
  operation: 'insights.post' | 'insights.account',
): Promise<T | undefined> {
  try {
    return await deps
      .graph(credentials)
      .call({ operation, endpoint: 'media.read', path, query: { fields } }, schema);
  } catch (error) {
    if (isConnectorError(error) && error.kind === 'invalid-content') {
      return undefined; // no longer on Instagram
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
