import {
  z,
  type Credentials,
  type InsightsCapability,
  type MetricValues,
  type MetricName,
} from '@chorus/connector-sdk';
import { isUnknownObject, readInsights } from '@chorus/meta-graph';
import type { FacebookDeps } from '../facebook-deps.js';
import { PAGE_METRICS, POST_METRICS, RENAMED_METRICS } from './metric-names.js';

const counters = z.object({
  id: z.string(),
  reactions: z.object({ summary: z.object({ total_count: z.number() }) }).optional(),
  comments: z.object({ summary: z.object({ total_count: z.number() }) }).optional(),
  shares: z.object({ count: z.number() }).optional(),
});
const pageCounters = z.object({
  id: z.string(),
  followers_count: z.number().optional(),
  fan_count: z.number().optional(),
});

/** Reactions, comments and shares from the post itself; views, reach and clicks from its insights (2.4). */
export function createFacebookInsights(deps: FacebookDeps): InsightsCapability {
  return {
    async post(credentials, input) {
      const results = [];
      for (const remoteId of input.remoteIds) {
        const found = await postCounters(deps, credentials, remoteId);
        if (!found) {
          continue; // gone from the network
        }
        // A count Meta did not answer is left out, never read as 0 (MetricValues is partial).
        const metrics: MetricValues = {
          ...countOf('likes', found.reactions?.summary.total_count),
          ...countOf('comments', found.comments?.summary.total_count),
          ...countOf('shares', found.shares?.count),
          ...(await insightsOf(deps, credentials, remoteId, POST_METRICS, 'lifetime')),
        };
        results.push({ remoteId, measuredAt: deps.context.clock.now().toISOString(), metrics });
      }
      return results;
    },

    async account(credentials) {
      const page = await deps.graph(credentials).call(
        {
          operation: 'insights.account',
          endpoint: 'page.read',
          path: `/${credentials.accountId}`,
          query: { fields: 'id,followers_count,fan_count' },
        },
        pageCounters,
      );
      return {
        measuredAt: deps.context.clock.now().toISOString(),
        metrics: {
          // fan_count is the legacy like count, read only when followers_count is missing; neither: not known.
          ...followersOf(page.followers_count ?? page.fan_count),
          ...(await insightsOf(deps, credentials, credentials.accountId, PAGE_METRICS, 'day')),
        },
      };
    },
  };
}

async function postCounters(deps: FacebookDeps, credentials: Credentials, remoteId: string) {
  try {
    return await deps.graph(credentials).call(
      {
        operation: 'insights.post',
        endpoint: 'post.read',
        path: `/${remoteId}`,
        query: {
          fields: 'id,reactions.summary(total_count).limit(0),comments.summary(true).limit(0),shares',
        },
      },
      counters,
    );
  } catch (error) {
    if (isUnknownObject(error)) {
      return undefined; // code 100/33: the object no longer exists; any other refusal is thrown
    }
    throw error;
  }
}

function insightsOf(
  deps: FacebookDeps,
  credentials: Credentials,
  objectId: string,
  vocabulary: Readonly<Record<string, MetricName>>,
  period: string,
): Promise<MetricValues> {
  return readInsights(deps.graph(credentials), {
    operation: objectId === credentials.accountId ? 'insights.account' : 'insights.post',
    objectId,
    vocabulary,
    renamed: RENAMED_METRICS,
    query: { period },
  });
}

function countOf(name: MetricName, count: number | undefined): MetricValues {
  return count === undefined ? {} : { [name]: count };
}

function followersOf(count: number | undefined): MetricValues {
  return countOf('followers', count);
}
