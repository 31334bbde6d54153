import type { InsightsCapability, PostMetrics } from '@chorus/connector-sdk';
import type { MastodonAccount, MastodonStatus } from '../api/entities.js';
import type { MastodonDeps } from '../mastodon-deps.js';

/** Mastodon has counters only: favourites are likes, reblogs are shares, replies are comments. */
export function createMastodonInsights(deps: MastodonDeps): InsightsCapability {
  return {
    async post(credentials, input) {
      const api = deps.api(credentials);
      const results: PostMetrics[] = [];
      for (const remoteId of input.remoteIds) {
        const { status, body } = await api.call<MastodonStatus | null>({
          operation: 'insights.post',
          endpoint: 'statuses.read',
          path: `/api/v1/statuses/${encodeURIComponent(remoteId)}`,
          accept: [404],
        });
        if (status === 404 || body === null) {
          continue;
        }
        results.push({
          remoteId,
          measuredAt: deps.context.clock.now().toISOString(),
          metrics: { likes: body.favourites_count, shares: body.reblogs_count, comments: body.replies_count },
        });
      }
      return results;
    },

    async account(credentials) {
      const { body } = await deps.api(credentials).call<MastodonAccount>({
        operation: 'insights.account',
        endpoint: 'accounts.verify',
        path: '/api/v1/accounts/verify_credentials',
      });
      return {
        measuredAt: deps.context.clock.now().toISOString(),
        metrics: { followers: body.followers_count },
      };
    },
  };
}
