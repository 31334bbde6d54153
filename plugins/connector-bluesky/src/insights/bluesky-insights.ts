import type { Credentials, InsightsCapability, MetricValues, PostMetrics } from '@chorus/connector-sdk';
import type { AccountClient, BlueskyDeps } from '../bluesky-deps.js';
import { POST_COLLECTION, parseAtUri } from '../records/at-uri.js';
import { postViews } from '../records/post-views.js';
import type { PostView, ProfileViewDetailed } from '../xrpc/lexicon.js';

/**
 * Bluesky has counters only (network-apis.md 11.4), from the AppView: likes; replies are comments; reposts and
 * quotes are shares (both put the post before the sharer's followers). No impressions or reach exist.
 */
export function createBlueskyInsights(deps: BlueskyDeps): InsightsCapability {
  return {
    async post(credentials: Credentials, input) {
      const client = deps.pds(credentials);
      const views = await postViews(client.xrpc, input.remoteIds, 'insights.post');
      const measuredAt = deps.now();
      const results: PostMetrics[] = [];
      for (const remoteId of input.remoteIds) {
        const view = views.get(remoteId);
        const metrics = view ? countersOf(view) : await unindexed(client, remoteId);
        if (metrics) {
          results.push({ remoteId, measuredAt, metrics });
        }
      }
      return results;
    },

    async account(credentials) {
      const { xrpc, account } = deps.pds(credentials);
      const profile = await xrpc.call<ProfileViewDetailed>({
        operation: 'insights.account',
        endpoint: 'profiles.get',
        nsid: 'app.bsky.actor.getProfile',
        params: { actor: account.did },
      });
      return { measuredAt: deps.now(), metrics: { followers: profile.followersCount ?? 0 } };
    },
  };
}

function countersOf(view: PostView): MetricValues {
  return {
    likes: view.likeCount ?? 0,
    comments: view.replyCount ?? 0,
    shares: (view.repostCount ?? 0) + (view.quoteCount ?? 0),
  };
}

/**
 * The AppView indexes a new post a moment after the PDS stores it. An own post the repository has but the
 * AppView does not show yet has had no reactions counted: zeros. A post gone from the repository is left out.
 */
async function unindexed(client: AccountClient, remoteId: string): Promise<MetricValues | undefined> {
  const uri = parseAtUri(remoteId);
  if (uri.repo !== client.account.did || uri.collection !== POST_COLLECTION) {
    return undefined;
  }
  const stored = await client.repo.read({ collection: POST_COLLECTION, rkey: uri.rkey }, 'insights.post');
  return stored ? { likes: 0, comments: 0, shares: 0 } : undefined;
}
