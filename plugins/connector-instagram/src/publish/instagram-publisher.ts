import {
  AmbiguousError,
  z,
  type Credentials,
  type PublishInput,
  type PublishResult,
  type RemotePostRef,
} from '@chorus/connector-sdk';
import { graphTime, idResponse } from '@chorus/meta-graph';
import { instagramPostSettingsSchema } from '../config.js';
import type { InstagramDeps } from '../instagram-deps.js';
import { createContainer, waitUntilReady, type ContainerSpec } from './containers.js';
import { checkPublishingQuota } from './publishing-quota.js';
import { mediaPermalink } from './media-permalink.js';

const published = z.object({
  id: z.string(),
  permalink: z.string().min(1),
  timestamp: graphTime.optional(),
});

/**
 * Container -> status -> publish (3.2): one photo, a reel for one video, a carousel for several items, or one
 * story per item. `media_publish` is never retried blindly: once it has been called, failures are ambiguous.
 */
export async function publishInstagramPost(
  deps: InstagramDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<PublishResult> {
  const { post } = input;
  const media = post.media ?? [];
  const settings = instagramPostSettingsSchema.parse(post.settings ?? {});
  const stories = settings.placement === 'story';
  await checkPublishingQuota(deps, credentials, stories ? media.length : 1);
  const specs: ContainerSpec[][] = stories
    ? media.map((item) => [{ media: item, mediaType: 'STORIES' }])
    : [feedSpecs(post.text, media, settings.shareToFeed)];
  const results: PublishResult[] = [];
  for (const [index, group] of specs.entries()) {
    results.push(
      await publishOne(deps, credentials, group, post.text).catch((error: unknown) => {
        if (results.length === 0) {
          throw error;
        }
        // Earlier stories are live: a retry of the whole post would publish them again (3.6).
        const live = results.map((part, at) => `story ${at + 1} (${part.remoteId})`).join(', ');
        throw new AmbiguousError(
          `Instagram published ${live}, then story ${index + 1} of ${specs.length} failed: ${(error as Error).message}`,
          { cause: error },
        );
      }),
    );
  }
  const [first, ...more] = results;
  const result: PublishResult = more.length > 0 ? { ...first!, thread: more } : first!;
  if (!post.firstComment || stories) {
    return result;
  }
  try {
    return {
      ...result,
      firstComment: await commentOn(
        deps,
        credentials,
        result.remoteId,
        post.firstComment.text,
        'publish',
        result.url,
      ),
    };
  } catch (error) {
    // The post is live: a failed first comment must not make the platform publish it again.
    deps.context.logger.warn('instagram.first-comment-failed', {
      mediaId: result.remoteId,
      error: String(error),
    });
    return result;
  }
}

function feedSpecs(
  caption: string,
  media: NonNullable<PublishInput['post']['media']>,
  shareToFeed: boolean,
): ContainerSpec[] {
  if (media.length === 1) {
    const [item] = media;
    return [{ media: item, mediaType: item!.kind === 'video' ? 'REELS' : undefined, caption, shareToFeed }];
  }
  // Children first; the parent (last) names them once they exist.
  return [
    ...media.map((item): ContainerSpec => ({
      media: item,
      mediaType: item.kind === 'video' ? 'VIDEO' : undefined,
      carouselItem: true,
    })),
    { mediaType: 'CAROUSEL', caption },
  ];
}

async function publishOne(
  deps: InstagramDeps,
  credentials: Credentials,
  specs: ContainerSpec[],
  caption: string,
): Promise<PublishResult> {
  const children: string[] = [];
  let containerId = '';
  for (const spec of specs) {
    containerId = await createContainer(
      deps,
      credentials,
      spec.mediaType === 'CAROUSEL' ? { ...spec, children, caption } : spec,
    );
    const state = await waitUntilReady(deps, credentials, containerId);
    if (spec.carouselItem) {
      children.push(containerId);
    } else if (state === 'PUBLISHED') {
      break;
    }
  }
  const media = await deps.graph(credentials).call(
    {
      operation: 'publish',
      endpoint: 'media.publish',
      method: 'POST',
      path: `/${credentials.accountId}/media_publish`,
      form: { creation_id: containerId },
      publishes: true,
    },
    idResponse,
  );
  const details = await deps
    .graph(credentials)
    .call(
      {
        operation: 'publish',
        endpoint: 'media.read',
        path: `/${media.id}`,
        query: { fields: 'id,permalink,timestamp' },
      },
      published,
    )
    .catch((error: unknown) => {
      deps.context.logger.warn('instagram.permalink-unread', { mediaId: media.id, error: String(error) });
      return { id: media.id, permalink: 'https://www.instagram.com/', timestamp: undefined };
    });
  return {
    remoteId: media.id,
    url: details.permalink,
    publishedAt: details.timestamp
      ? new Date(details.timestamp).toISOString()
      : deps.context.clock.now().toISOString(),
  };
}

/** A comment by the account under a media item (first comments). */
export async function commentOn(
  deps: InstagramDeps,
  credentials: Credentials,
  mediaId: string,
  text: string,
  operation: 'publish' | 'inbox.reply',
  permalink?: string,
): Promise<RemotePostRef> {
  const created = await deps.graph(credentials).call(
    {
      operation,
      endpoint: 'comments.create',
      method: 'POST',
      path: `/${mediaId}/comments`,
      form: { message: text },
    },
    idResponse,
  );
  // Instagram gives comments no permalink of their own (3.3): the media's is where the comment shows.
  return {
    remoteId: created.id,
    url: permalink ?? (await mediaPermalink(deps, credentials, mediaId, operation)),
  };
}
