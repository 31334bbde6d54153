import {
  AmbiguousError,
  classifyError,
  InvalidContentError,
  RetriableError,
  type Credentials,
  type PublishInput,
  type PublishResult,
  type RemotePostRef,
} from '@chorus/connector-sdk';
import { anything, listing } from '../api/reddit-schemas.js';
import { usernameOf } from '../auth/username.js';
import { redditPostSettingsSchema } from '../config.js';
import { permalinkUrl, type RedditDeps } from '../reddit-deps.js';
import { adoptEarlierLink } from './already-submitted.js';
import { awaitSubmission } from './await-submission.js';
import type { ExpectedSubmission } from './match-submission.js';
import { uploadMedia, uploadPoster, type UploadedAsset } from './media-uploader.js';
import { postComment } from './post-comment.js';
import { submissionKindOf } from './submission-kind.js';
import { subredditOf } from './subreddit-name.js';
import { checkSubreddit } from './subreddit-rules.js';
import { submit } from './submit.js';

/** The post as Reddit will show it, for lookups. */
export function expectedSubmission(input: Pick<PublishInput, 'post'>, username: string): ExpectedSubmission {
  const settings = redditPostSettingsSchema.parse(input.post.settings ?? {});
  return {
    sr: subredditOf(settings.subreddit, username),
    title: settings.title ?? '',
    kind: submissionKindOf(input.post),
    text: input.post.text,
    url: input.post.link?.url,
  };
}

/** The comment the author adds under the post: the text of a link or media post, or the first comment. */
export function authorComment(input: Pick<PublishInput, 'post'>): string | undefined {
  const { post } = input;
  if (submissionKindOf(post) !== 'self' && post.text.trim() !== '') {
    return post.text;
  }
  return post.firstComment?.text;
}

/**
 * Publishes one Reddit post (network-apis.md 12.2): the subreddit's rules are read and checked, the media
 * uploaded, the post submitted, then the author's comment added. Nothing is uploaded for a post the subreddit
 * would refuse.
 */
export async function publishPost(
  deps: RedditDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<PublishResult> {
  const { post } = input;
  const started = deps.context.clock.now();
  const settings = redditPostSettingsSchema.parse(post.settings ?? {});
  const username = await nothingWrittenYet(usernameOf(deps, credentials));
  const expected = expectedSubmission(input, username);
  const { sr, kind } = expected;
  const issues = await nothingWrittenYet(checkSubreddit(deps, credentials, { sr, kind, post, settings }));
  if (issues.length > 0) {
    throw new InvalidContentError(`r/${sr} would refuse this post: ${issues[0]!.message}`, issues);
  }
  const assets: UploadedAsset[] = [];
  for (const item of kind === 'self' || kind === 'link' ? [] : (post.media ?? [])) {
    assets.push(await uploadMedia(deps, credentials, item));
  }
  const poster =
    kind === 'video' && settings.videoPosterUrl
      ? await uploadPoster(deps, credentials, settings.videoPosterUrl)
      : undefined;
  let created: RemotePostRef;
  try {
    const outcome = await submit(deps, credentials, { sr, kind, post, settings, assets, poster });
    if (outcome.status === 'created') {
      created = {
        remoteId: outcome.name,
        url: outcome.url ?? `https://www.reddit.com/r/${sr}/comments/${outcome.name.slice(3)}/`,
      };
    } else {
      const link = await awaitSubmission(deps, credentials, username, expected, started).catch(
        (error: unknown) => {
          throw stillAmbiguous(error, 'Reddit accepted the media post');
        },
      );
      created = { remoteId: link.name, url: permalinkUrl(link.permalink) };
    }
  } catch (error) {
    const adopted = await adoptEarlierLink(deps, credentials, username, expected, error);
    if (!adopted) {
      throw error;
    }
    created = adopted;
  }
  const publishedAt = deps.context.clock.now().toISOString();
  const comment = authorComment(input);
  let firstComment: RemotePostRef | undefined;
  if (comment) {
    firstComment = await postComment(deps, credentials, {
      thingId: created.remoteId,
      text: comment,
      operation: 'publish',
    }).catch((error: unknown) => {
      throw stillAmbiguous(error, `The post ${created.url} exists but its comment may not`);
    });
  }
  await warnIfRemoved(deps, credentials, created);
  return { ...created, publishedAt, ...(firstComment ? { firstComment } : {}) };
}

/**
 * The reads before any upload or submit change nothing: a 5xx or an unreadable answer there is retriable, not
 * an ambiguous publish sent to reconciliation.
 */
async function nothingWrittenYet<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    const classified = classifyError(error, 'publish');
    if (classified.kind !== 'ambiguous') {
      throw classified;
    }
    throw new RetriableError(`${classified.message} Nothing was uploaded or published yet.`, {
      cause: error,
      endpoint: classified.endpoint,
    });
  }
}

/** Once Reddit holds the post, any later failure leaves it half-done: reconcile, never retry blindly. */
function stillAmbiguous(error: unknown, what: string): AmbiguousError {
  const classified = classifyError(error, 'publish');
  return new AmbiguousError(`${what}: ${classified.message} (reconcile before retrying)`, {
    cause: error,
    endpoint: classified.endpoint,
  });
}

/**
 * AutoModerator and the spam filter remove some posts right after a successful submit (12.5): the post exists,
 * so the publish stands, but the person is told. A failure to look is not a failure to publish.
 */
async function warnIfRemoved(
  deps: RedditDeps,
  credentials: Credentials,
  created: RemotePostRef,
): Promise<void> {
  try {
    const answer = await deps.api.call(
      {
        operation: 'insights.post',
        endpoint: 'info',
        path: '/api/info',
        query: { id: created.remoteId, raw_json: '1' },
        credentials,
        scope: 'read',
      },
      listing,
    );
    const removed = answer.data.children.find((child) => child.kind === 't3')?.data;
    if (removed && 'removed_by_category' in removed && removed.removed_by_category) {
      deps.context.logger.warn(
        `Reddit removed the post right after publishing (${removed.removed_by_category}): ask the subreddit's moderators.`,
        { remoteId: created.remoteId, url: created.url },
      );
    }
  } catch (error) {
    deps.context.logger.debug('Reddit: could not check whether the new post was removed.', {
      remoteId: created.remoteId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** `POST /api/del` (scope `edit`); Reddit answers `{}` for a post already deleted too. */
export async function deletePost(
  deps: RedditDeps,
  credentials: Credentials,
  remoteId: string,
): Promise<void> {
  await deps.api.call(
    {
      operation: 'delete',
      endpoint: 'del',
      method: 'POST',
      path: '/api/del',
      credentials,
      scope: 'edit',
      form: { id: remoteId },
    },
    anything,
  );
}
