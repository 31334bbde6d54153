import { z, type InsightsCapability, type MetricName } from '@chorus/connector-sdk';
import { isUnknownObject, readInsights } from '@chorus/meta-graph';
import type { ThreadsDeps } from '../threads-deps.js';

const POST: Readonly<Record<string, MetricName>> = {
  views: 'views',
  likes: 'likes',
  replies: 'comments',
  reposts: 'shares',
};
const ACCOUNT: Readonly<Record<string, MetricName>> = {
  views: 'views',
  likes: 'likes',
  replies: 'comments',
  reposts: 'shares',
  clicks: 'clicks',
  followers_count: 'followers',
};
// User insights cannot look before 13 Apr 2024 (4.4).
const EARLIEST = 1_712_991_600;
const MONTH_S = 30 * 86_400;

/** Post and profile insights (4.4); `followers_count` is the current total whatever the range. */
export function createThreadsInsights(deps: ThreadsDeps): InsightsCapability {
  return {
    async post(credentials, input) {
      const results = [];
      for (const remoteId of input.remoteIds) {
        const exists = await deps
          .graph(credentials)
          .call(
            {
              operation: 'insights.post',
              endpoint: 'threads.read',
              path: `/${remoteId}`,
              query: { fields: 'id' },
            },
            z.object({ id: z.string() }),
          )
          .catch((error: unknown) => {
            if (isUnknownObject(error)) {
              return undefined; // 100/33: deleted; any other refusal is thrown
            }
            throw error;
          });
        if (!exists) {
          continue;
        }
        const metrics = await readInsights(deps.graph(credentials), {
          operation: 'insights.post',
          objectId: remoteId,
          vocabulary: POST,
          renamed: {},
        });
        results.push({ remoteId, measuredAt: deps.context.clock.now().toISOString(), metrics });
      }
      return results;
    },
    async account(credentials) {
      const now = Math.floor(deps.context.clock.now().getTime() / 1000);
      const metrics = await readInsights(deps.graph(credentials), {
        operation: 'insights.account',
        objectId: credentials.accountId,
        vocabulary: ACCOUNT,
        renamed: {},
        edge: 'threads_insights',
        query: { since: Math.max(EARLIEST, now - MONTH_S), until: now },
        // Profile views are a daily series: their total over since..until, not the last day's (4.4).
        summed: ['views'],
      });
      return { measuredAt: deps.context.clock.now().toISOString(), metrics };
    },
  };
}
