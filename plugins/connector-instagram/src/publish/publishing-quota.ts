import { RateLimitedError, z, type Credentials } from '@chorus/connector-sdk';
import { NETWORK, type InstagramDeps } from '../instagram-deps.js';

const limit = z.object({
  data: z.array(
    z.object({
      quota_usage: z.number(),
      config: z.object({ quota_total: z.number(), quota_duration: z.number() }),
    }),
  ),
});

/**
 * The rolling 24-hour publishing limit, read at run time (3.2: historically 25, then 50, now 100): a post over
 * it is refused before any container is made, rather than failing at media_publish.
 */
export async function checkPublishingQuota(
  deps: InstagramDeps,
  credentials: Credentials,
  posts: number,
): Promise<void> {
  const since = Math.floor(deps.context.clock.now().getTime() / 1000) - 86_400;
  const answer = await deps.graph(credentials).call(
    {
      operation: 'publish',
      endpoint: 'quota.read',
      path: `/${credentials.accountId}/content_publishing_limit`,
      query: { fields: 'quota_usage,config', since },
    },
    limit,
  );
  const current = answer.data[0];
  if (current && current.quota_usage + posts > current.config.quota_total) {
    throw new RateLimitedError(
      `${NETWORK} allows ${current.config.quota_total} API posts per rolling 24 hours and ${current.quota_usage} were published; try again later.`,
      // The oldest post of the window leaves it at the latest after a full window.
      current.config.quota_duration,
      { endpoint: 'media.publish' },
    );
  }
}
