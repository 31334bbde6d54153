import {
  normaliseText,
  z,
  type Credentials,
  type FindPublishedInput,
  type FindPublishedResult,
} from '@chorus/connector-sdk';
import { collectPages, graphPage } from '@chorus/meta-graph';
import { instagramPostSettingsSchema } from '../config.js';
import type { InstagramDeps } from '../instagram-deps.js';

const media = graphPage(
  z.object({
    id: z.string(),
    caption: z.string().optional(),
    permalink: z.string().optional(),
    timestamp: z.string(),
  }),
);

/**
 * No idempotency key (3.6): the account's recent media in the window, matched by caption. A container left
 * PUBLISHED by an attempt that timed out shows up here as the media it became.
 */
export async function findPublishedMedia(
  deps: InstagramDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  if (instagramPostSettingsSchema.safeParse(input.post.settings ?? {}).data?.placement === 'story') {
    // Stories are not in /media and carry no caption to match: saying "not found" could post them twice.
    return {
      status: 'unknown',
      reason: 'Instagram stories cannot be looked up by caption; check the account.',
    };
  }
  const from = Date.parse(input.window.from);
  const to = Date.parse(input.window.to);
  const wanted = normaliseText(input.post.text);
  const items = await collectPages(
    (after) =>
      deps.graph(credentials).call(
        {
          operation: 'findPublished',
          endpoint: 'media.list',
          path: `/${credentials.accountId}/media`,
          query: {
            fields: 'id,caption,permalink,timestamp',
            since: Math.floor(from / 1000),
            limit: 50,
            after,
          },
        },
        media,
      ),
    4,
  );
  const match = items.find((item) => {
    const time = Date.parse(item.timestamp);
    return time >= from && time <= to && normaliseText(item.caption ?? '') === wanted;
  });
  return match
    ? {
        status: 'found',
        remoteId: match.id,
        url: match.permalink ?? `https://www.instagram.com/`,
        publishedAt: new Date(match.timestamp).toISOString(),
      }
    : { status: 'not-found' };
}
