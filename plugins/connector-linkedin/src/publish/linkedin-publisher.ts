import {
  AmbiguousError,
  InvalidContentError,
  RetriableError,
  isConnectorError,
  z,
  type Credentials,
  type PublishInput,
  type PublishResult,
  type RemotePostRef,
} from '@chorus/connector-sdk';
import { unreadable } from '../api/linkedin-api.js';
import { DuplicatePostError } from '../api/map-error.js';
import { commentPermalink, encodeUrn, postPermalink } from '../api/urn.js';
import { authorOf, type LinkedinDeps } from '../linkedin-deps.js';
import { uploadMedia } from './media-uploader.js';
import { duplicateMismatch, existingPost, type ExistingPost } from './duplicate-match.js';
import { findOwnComment } from './own-comment.js';
import { commentaryOf, postBody } from './post-body.js';

const createdComment = z.object({
  id: z.string().optional(),
  commentUrn: z.string().optional(),
  $URN: z.string().optional(),
});

/**
 * Publishes through LinkedIn's steps (network-apis.md 6.3): media uploads, `POST /rest/posts` (201 with the URN
 * in `x-restli-id`), then the first comment. A 422 DUPLICATE_POST naming a post of ours with this commentary
 * is adopted as the result (6.7): it is the post an earlier attempt created.
 */
export async function publishPost(
  deps: LinkedinDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<PublishResult> {
  const author = authorOf(credentials);
  const mediaUrns = await uploadAll(deps, credentials, input);
  const api = deps.api(credentials);
  let urn: string;
  let adopted = false;
  try {
    const created = await api.call({
      operation: 'publish',
      endpoint: 'posts.create',
      method: 'POST',
      path: '/rest/posts',
      json: postBody(author, input.post, mediaUrns),
    });
    const id = created.headers.get('x-restli-id') ?? created.headers.get('x-linkedin-id');
    if (created.status !== 201 || !id) {
      throw unreadable(
        { operation: 'publish', endpoint: 'posts.create', path: '/rest/posts' },
        `HTTP ${created.status} without the x-restli-id of the new post`,
      );
    }
    urn = id;
  } catch (error) {
    if (!(error instanceof DuplicatePostError)) {
      throw error;
    }
    urn = await adoptDuplicate(deps, credentials, input, error);
    adopted = true;
  }
  const publishedAt = deps.context.clock.now().toISOString();
  const result: PublishResult = { remoteId: urn, url: postPermalink(urn), publishedAt };
  if (!input.post.firstComment) {
    return result;
  }
  try {
    const text = input.post.firstComment.text;
    // An earlier attempt may have created the comment too (its answer lost): adopt it rather than post twice.
    const firstComment =
      (adopted ? await findOwnComment(deps, credentials, urn, text, 'publish') : null) ??
      (await comment(deps, credentials, urn, text, null));
    return { ...result, firstComment };
  } catch (error) {
    // The post exists: a failure now must never lead to a blind second post.
    throw new AmbiguousError(
      `The post ${urn} was published but its first comment failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error, endpoint: 'comments.create' },
    );
  }
}

async function uploadAll(
  deps: LinkedinDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<string[]> {
  const urns: string[] = [];
  try {
    for (const media of input.post.media ?? []) {
      urns.push(await uploadMedia(deps, credentials, media));
    }
  } catch (error) {
    // Nothing is posted before every upload is AVAILABLE: an unclear upload failure is safe to retry (6.7).
    if (isConnectorError(error) && error.kind === 'ambiguous') {
      throw new RetriableError(`A media upload failed before anything was posted: ${error.message}`, {
        cause: error,
        endpoint: error.endpoint,
      });
    }
    throw error;
  }
  return urns;
}

async function adoptDuplicate(
  deps: LinkedinDeps,
  credentials: Credentials,
  input: PublishInput,
  duplicate: DuplicatePostError,
): Promise<string> {
  if (!duplicate.existing) {
    throw new InvalidContentError(
      'LinkedIn refused the post as a duplicate of an earlier post with the same text.',
      [
        {
          path: ['text'],
          code: 'linkedin:duplicate-post',
          message: 'The same text was already posted by this account',
        },
      ],
    );
  }
  const api = deps.api(credentials);
  const found = await api.call({
    operation: 'publish',
    endpoint: 'posts.read',
    path: `/rest/posts/${encodeUrn(duplicate.existing)}`,
    accept: [404],
  });
  if (found.status === 404) {
    // 6.7's caveat: after a delete, LinkedIn keeps naming the gone post for 24-48 h.
    throw new InvalidContentError(
      `LinkedIn refuses this text as a duplicate of ${duplicate.existing}, which was deleted; change the text slightly to post it again.`,
      [
        {
          path: ['text'],
          code: 'linkedin:duplicate-of-deleted-post',
          message: 'Change the text slightly to post again',
        },
      ],
    );
  }
  let post: ExistingPost;
  try {
    post = existingPost.parse(JSON.parse(found.text));
  } catch (cause) {
    throw unreadable(
      { operation: 'publish', endpoint: 'posts.read', path: '/rest/posts/{urn}' },
      'a post without id and author',
      cause,
    );
  }
  const recentSince = deps.context.clock.now().getTime() - deps.config.duplicateAdoptionSeconds * 1000;
  const mismatch = duplicateMismatch(
    post,
    { author: authorOf(credentials), commentary: commentaryOf(input.post), post: input.post },
    recentSince,
  );
  if (mismatch) {
    throw new InvalidContentError(
      `LinkedIn refused the post as a duplicate of ${duplicate.existing}, which is another post (${mismatch}); change the text slightly to post this one.`,
      [
        {
          path: ['text'],
          code: 'linkedin:duplicate-post',
          message: `The same text is already in ${duplicate.existing}`,
        },
      ],
    );
  }
  return post.id;
}

/** `POST /rest/socialActions/{post}/comments` as the channel (6.4). */
export async function comment(
  deps: LinkedinDeps,
  credentials: Credentials,
  postUrn: string,
  text: string,
  parentComment: string | null,
): Promise<RemotePostRef> {
  const created = await deps.api(credentials).json(
    {
      operation: 'inbox.reply',
      endpoint: 'comments.create',
      method: 'POST',
      path: `/rest/socialActions/${encodeUrn(postUrn)}/comments`,
      json: {
        actor: authorOf(credentials),
        object: postUrn,
        message: { text },
        ...(parentComment ? { parentComment } : {}),
      },
    },
    (value) => createdComment.parse(value),
  );
  const urn =
    created.commentUrn ??
    created.$URN ??
    (created.id ? `urn:li:comment:(${postUrn},${created.id})` : undefined);
  if (!urn) {
    throw unreadable(
      { operation: 'inbox.reply', endpoint: 'comments.create', path: 'comments' },
      'a comment without id or URN',
    );
  }
  return { remoteId: urn, url: commentPermalink(postUrn, urn) };
}
