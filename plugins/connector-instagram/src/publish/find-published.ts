import {
  z,
  type Credentials,
  type FindPublishedInput,
  type FindPublishedResult,
} from '@chorus/connector-sdk';
import { collectPages, graphPage, graphTime, matchPublished, publishedResult } from '@chorus/meta-graph';
import { instagramPostSettingsSchema } from '../config.js';
import type { InstagramDeps } from '../instagram-deps.js';

const media = graphPage(
  z.object({
    id: z.string(),
    caption: z.string().optional(),
    media_type: z.string().optional(),
    permalink: z.string().optional(),
    timestamp: graphTime,
  }),
);

/**
 * No idempotency key (3.6): the account's recent media in the window, matched by caption and media type. A
 * container left PUBLISHED by an attempt that timed out shows up here as the media it became. A captionless post
 * cannot be told from another captionless post of the same type: `unknown`, never someone else's post.
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
  const items = await collectPages(
    (after) =>
      deps.graph(credentials).call(
        {
          operation: 'findPublished',
          endpoint: 'media.list',
          path: `/${credentials.accountId}/media`,
          query: {
            fields: 'id,caption,media_type,permalink,timestamp',
            since: Math.floor(from / 1000),
            limit: 50,
            after,
          },
        },
        media,
      ),
    4,
  );
  const inWindow = items.filter((item) => {
    const time = Date.parse(item.timestamp);
    return time >= from && time <= to;
  });
  const match = matchPublished(
    'Instagram',
    inWindow,
    { text: input.post.text, shape: mediaTypeOf(input.post.media ?? []) },
    (item) => ({ text: item.caption ?? '', shape: item.media_type }),
  );
  return publishedResult(match, (item) => ({
    status: 'found',
    remoteId: item.id,
    url: item.permalink ?? `https://www.instagram.com/`,
    publishedAt: new Date(item.timestamp).toISOString(),
  }));
}

/** The media_type /media reports for what a feed post carries (Reels are VIDEO). */
function mediaTypeOf(media: NonNullable<FindPublishedInput['post']['media']>): string | undefined {
  if (media.length > 1) {
    return 'CAROUSEL_ALBUM';
  }
  const [item] = media;
  return item ? (item.kind === 'video' ? 'VIDEO' : 'IMAGE') : undefined;
}
