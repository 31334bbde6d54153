import {
  z,
  type Credentials,
  type PublishInput,
  type PublishResult,
  type RemotePostRef,
} from '@chorus/connector-sdk';
import { idResponse } from '@chorus/meta-graph';
import { facebookPostSettingsSchema } from '../config.js';
import type { FacebookDeps } from '../facebook-deps.js';
import { absolutePermalink, permalinkOf } from './permalink.js';
import { uploadPhoto } from './photo-uploader.js';
import { publishFeedVideo, publishReel } from './video-publisher.js';

const feedResponse = z.object({ id: z.string().min(1), permalink_url: z.string().optional() });

/**
 * One Page post through its real flow (network-apis.md 2.2): /feed for text and links, /photos for one photo,
 * unpublished photos attached to one /feed post for several, /videos or the Reels phases for a video; then the
 * first comment. Facebook has no idempotency key: a failure after the post exists is ambiguous, never retried.
 */
export async function publishPagePost(
  deps: FacebookDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<PublishResult> {
  const { post } = input;
  const media = post.media ?? [];
  const images = media.filter((item) => item.kind === 'image');
  const video = media.find((item) => item.kind === 'video');
  let postId: string;
  if (video) {
    const settings = facebookPostSettingsSchema.parse(post.settings ?? {});
    postId =
      settings.videoAs === 'reel'
        ? await publishReel(deps, credentials, video, post.text)
        : await publishFeedVideo(deps, credentials, video, post.text);
  } else if (images.length === 1) {
    const photo = await uploadPhoto(deps, credentials, images[0]!, { caption: post.text, published: true });
    postId = photo.post_id ?? photo.id;
  } else {
    const attached = [];
    for (const image of images) {
      // Unpublished photos are invisible and safe to upload again after a failure (2.6).
      attached.push({ media_fbid: (await uploadPhoto(deps, credentials, image, { published: false })).id });
    }
    const created = await deps.graph(credentials).call(
      {
        operation: 'publish',
        endpoint: 'feed.publish',
        method: 'POST',
        path: `/${credentials.accountId}/feed`,
        query: { fields: 'id,permalink_url' },
        publishes: true,
        json: {
          message: post.text,
          ...(post.link ? { link: post.link.url } : {}),
          ...(attached.length > 0 ? { attached_media: attached } : {}),
        },
      },
      feedResponse,
    );
    postId = created.id;
  }
  // The post exists from here on: nothing below may fail the publish, or a retry would post it twice.
  const permalink = await permalinkOf(deps, credentials, postId).catch((error: unknown) => {
    deps.context.logger.warn('facebook.permalink-unread', { postId, error: String(error) });
    return { url: `https://www.facebook.com/${postId.replace('_', '/posts/')}`, createdAt: undefined };
  });
  const result: PublishResult = {
    remoteId: postId,
    url: permalink.url,
    publishedAt: permalink.createdAt
      ? new Date(permalink.createdAt).toISOString()
      : deps.context.clock.now().toISOString(),
  };
  if (!post.firstComment) {
    return result;
  }
  try {
    return { ...result, firstComment: await comment(deps, credentials, postId, post.firstComment.text) };
  } catch (error) {
    deps.context.logger.warn('facebook.first-comment-failed', { postId, error: String(error) });
    return result;
  }
}

/** A comment by the Page under one of its posts or comments (first comments, inbox replies). */
export async function comment(
  deps: FacebookDeps,
  credentials: Credentials,
  objectId: string,
  text: string,
  operation: 'publish' | 'inbox.reply' = 'publish',
): Promise<RemotePostRef> {
  const created = await deps.graph(credentials).call(
    {
      operation,
      endpoint: 'comments.create',
      method: 'POST',
      path: `/${objectId}/comments`,
      query: { fields: 'id,permalink_url' },
      form: { message: text },
    },
    idResponse.extend({ permalink_url: z.string().optional() }),
  );
  return {
    remoteId: created.id,
    url: absolutePermalink(created.permalink_url ?? `/${created.id}`),
  };
}
