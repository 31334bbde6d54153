import {
  AmbiguousError,
  classifyError,
  RetriableError,
  type Credentials,
  type MediaInput,
  type PollInput,
  type PublishInput,
  type PublishResult,
  type RemotePostRef,
  z,
} from '@chorus/connector-sdk';
import { createdPost } from '../api/x-schemas.js';
import { xPostSettingsSchema, type XPostSettings } from '../config.js';
import { postUrl, type XDeps } from '../x-deps.js';
import { uploadMedia } from './media-uploader.js';
import { textWithLink } from './post-text.js';

const deleted = z.object({ data: z.object({ deleted: z.boolean() }) });

interface CreatePost {
  readonly text: string;
  readonly mediaIds?: readonly string[];
  readonly poll?: PollInput;
  readonly inReplyTo?: string;
  readonly settings?: XPostSettings;
}

async function createPost(deps: XDeps, credentials: Credentials, post: CreatePost): Promise<RemotePostRef> {
  const body: Record<string, unknown> = {};
  if (post.text !== '') {
    body.text = post.text;
  }
  if (post.mediaIds && post.mediaIds.length > 0) {
    body.media = { media_ids: post.mediaIds };
  }
  if (post.poll) {
    body.poll = {
      options: post.poll.options,
      duration_minutes: Math.round(post.poll.durationSeconds / 60),
    };
  }
  if (post.inReplyTo) {
    body.reply = { in_reply_to_tweet_id: post.inReplyTo };
  }
  if (post.settings?.replySettings) {
    body.reply_settings = post.settings.replySettings;
  }
  if (post.settings?.madeWithAi) {
    body.made_with_ai = true;
  }
  if (post.settings?.paidPartnership) {
    body.paid_partnership = true;
  }
  const created = await deps.api.call(
    {
      operation: 'publish',
      endpoint: 'tweets.create',
      method: 'POST',
      path: '/2/tweets',
      token: credentials.accessToken,
      json: body,
    },
    createdPost,
  );
  return { remoteId: created.data.id, url: postUrl(credentials.extra?.handle, created.data.id) };
}

/** Media uploads change nothing visible and can be retried freely (network-apis.md 5.7). */
async function uploadAll(
  deps: XDeps,
  credentials: Credentials,
  media: readonly MediaInput[],
): Promise<string[]> {
  try {
    const ids: string[] = [];
    for (const item of media) {
      ids.push(await uploadMedia(deps, credentials, item));
    }
    return ids;
  } catch (error) {
    const classified = classifyError(error, 'publish');
    if (classified.kind === 'ambiguous') {
      throw new RetriableError(`${classified.message} Only media was uploaded; nothing was published.`, {
        cause: error,
        endpoint: classified.endpoint,
      });
    }
    throw classified;
  }
}

/** After the first post exists, any failure leaves a partial thread: never retry blindly. */
function partial(error: unknown, published: number): AmbiguousError {
  const classified = classifyError(error, 'publish');
  return new AmbiguousError(
    `${classified.message} (${published} post(s) of this publish already exist on X: reconcile before retrying)`,
    { cause: error, endpoint: classified.endpoint },
  );
}

/**
 * Publishes a post, then each thread part and the first comment as replies to the previous post (5.2). Media
 * is uploaded and processed before each post is created, so X never sees a post with unready media.
 */
export async function publishPost(
  deps: XDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<PublishResult> {
  const { post } = input;
  const settings = xPostSettingsSchema.parse(post.settings ?? {});
  const mediaIds = await uploadAll(deps, credentials, post.media ?? []);
  const first = await createPost(deps, credentials, {
    text: textWithLink(post),
    mediaIds,
    poll: post.poll,
    settings,
  });
  const publishedAt = deps.context.clock.now().toISOString();
  const thread: RemotePostRef[] = [];
  let previous = first.remoteId;
  try {
    for (const part of post.thread ?? []) {
      const partMedia = await uploadAll(deps, credentials, part.media ?? []);
      const created = await createPost(deps, credentials, {
        text: part.text,
        mediaIds: partMedia,
        inReplyTo: previous,
        settings,
      });
      thread.push(created);
      previous = created.remoteId;
    }
    const firstComment = post.firstComment
      ? await createPost(deps, credentials, { text: post.firstComment.text, inReplyTo: first.remoteId })
      : undefined;
    return {
      ...first,
      publishedAt,
      ...(post.thread && post.thread.length > 0 ? { thread } : {}),
      ...(firstComment ? { firstComment } : {}),
    };
  } catch (error) {
    throw partial(error, 1 + thread.length);
  }
}

/** Deleting a post that is already gone succeeds. */
export async function deletePost(deps: XDeps, credentials: Credentials, remoteId: string): Promise<void> {
  await deps.api.exchange(
    {
      operation: 'delete',
      endpoint: 'tweets.delete',
      method: 'DELETE',
      path: `/2/tweets/${encodeURIComponent(remoteId)}`,
      token: credentials.accessToken,
      accept: [404],
    },
    deleted,
  );
}
