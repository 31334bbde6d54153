import {
  AmbiguousError,
  RateLimitedError,
  z,
  type Credentials,
  type MediaInput,
  type PublishInput,
  type PublishResult,
  type RemotePostRef,
} from '@chorus/connector-sdk';
import { graphTime, idResponse } from '@chorus/meta-graph';
import { threadsPostSettingsSchema } from '../config.js';
import { NETWORK, type ThreadsDeps } from '../threads-deps.js';
import { createReadyContainer, type ThreadsContainer } from './threads-containers.js';

const details = z.object({ id: z.string(), permalink: z.string().min(1), timestamp: graphTime.optional() });
const quota = z.object({
  data: z.array(
    z.object({
      quota_usage: z.number(),
      config: z.object({ quota_total: z.number(), quota_duration: z.number() }),
      reply_quota_usage: z.number(),
      reply_config: z.object({ quota_total: z.number(), quota_duration: z.number() }),
    }),
  ),
});

/**
 * A post, then each part of a self-thread as a reply to the one before, strictly in order (4.2), then the first
 * comment. Once the first part is live a failure is never retriable (a retry would post it again): a failed
 * part is ambiguous and names what was published, a failed first comment is logged.
 */
export async function publishThread(
  deps: ThreadsDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<PublishResult> {
  const { post } = input;
  const settings = threadsPostSettingsSchema.parse(post.settings ?? {});
  const parts = 1 + (post.thread?.length ?? 0);
  const replies = parts - 1 + (post.firstComment ? 1 : 0);
  await checkQuota(deps, credentials, 1, replies);
  const first = await publishPart(deps, credentials, post.text, post.media ?? [], {
    link: post.link?.url,
    replyControl: settings.replyControl,
    topicTag: settings.topicTag,
  });
  const thread: RemotePostRef[] = [];
  let previous = first.remoteId;
  for (const [index, part] of (post.thread ?? []).entries()) {
    const published = await publishPart(deps, credentials, part.text, part.media ?? [], {
      replyToId: previous,
    }).catch((error: unknown) => {
      throw new AmbiguousError(
        `${NETWORK} published part 1 (${first.remoteId}) and ${index} more, then part ${index + 2} failed: ${(error as Error).message}`,
        { cause: error },
      );
    });
    thread.push(published);
    previous = published.remoteId;
  }
  const result: PublishResult = { ...first, ...(thread.length > 0 ? { thread } : {}) };
  if (!post.firstComment) {
    return result;
  }
  try {
    return {
      ...result,
      firstComment: await publishPart(deps, credentials, post.firstComment.text, [], {
        replyToId: first.remoteId,
      }),
    };
  } catch (error) {
    deps.context.logger.warn('threads.first-comment-failed', {
      postId: first.remoteId,
      error: String(error),
    });
    return result;
  }
}

/** One published post: a text, a photo or video, or a carousel of its media. */
export async function publishPart(
  deps: ThreadsDeps,
  credentials: Credentials,
  text: string,
  media: readonly MediaInput[],
  extra: Omit<ThreadsContainer, 'text' | 'media'>,
): Promise<PublishResult> {
  let containerId: string;
  if (media.length > 1) {
    const children: string[] = [];
    for (const item of media) {
      children.push(await createReadyContainer(deps, credentials, { media: item, carouselItem: true }));
    }
    containerId = await createReadyContainer(deps, credentials, { ...extra, text, children });
  } else {
    containerId = await createReadyContainer(deps, credentials, { ...extra, text, media: media[0] });
  }
  const published = await deps.graph(credentials).call(
    {
      operation: 'publish',
      endpoint: extra.replyToId ? 'replies.publish' : 'threads.publish',
      method: 'POST',
      path: `/${credentials.accountId}/threads_publish`,
      form: { creation_id: containerId },
      publishes: true,
    },
    idResponse,
  );
  const found = await deps
    .graph(credentials)
    .call(
      {
        operation: 'publish',
        endpoint: 'threads.read',
        path: `/${published.id}`,
        query: { fields: 'id,permalink,timestamp' },
      },
      details,
    )
    .catch((error: unknown) => {
      deps.context.logger.warn('threads.permalink-unread', { id: published.id, error: String(error) });
      return { id: published.id, permalink: 'https://www.threads.net/', timestamp: undefined };
    });
  return {
    remoteId: published.id,
    url: found.permalink,
    publishedAt: found.timestamp
      ? new Date(found.timestamp).toISOString()
      : deps.context.clock.now().toISOString(),
  };
}

/** 250 posts and 1,000 replies per rolling 24 h, read at run time (4.2), checked before any container. */
export async function checkQuota(
  deps: ThreadsDeps,
  credentials: Credentials,
  posts: number,
  replies: number,
): Promise<void> {
  const answer = await deps.graph(credentials).call(
    {
      operation: 'publish',
      endpoint: 'quota.read',
      path: `/${credentials.accountId}/threads_publishing_limit`,
      query: { fields: 'quota_usage,config,reply_quota_usage,reply_config' },
    },
    quota,
  );
  const current = answer.data[0];
  if (!current) {
    return;
  }
  if (current.quota_usage + posts > current.config.quota_total) {
    throw new RateLimitedError(
      `${NETWORK} allows ${current.config.quota_total} posts per 24 hours and ${current.quota_usage} were published.`,
      current.config.quota_duration,
      { endpoint: 'threads.publish' },
    );
  }
  if (current.reply_quota_usage + replies > current.reply_config.quota_total) {
    throw new RateLimitedError(
      `${NETWORK} allows ${current.reply_config.quota_total} replies per 24 hours and ${current.reply_quota_usage} were published.`,
      current.reply_config.quota_duration,
      { endpoint: 'replies.publish' },
    );
  }
}
