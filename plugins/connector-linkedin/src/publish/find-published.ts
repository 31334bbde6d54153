import {
  isConnectorError,
  z,
  type Credentials,
  type DeleteInput,
  type FindPublishedInput,
  type FindPublishedResult,
} from '@chorus/connector-sdk';
import { encodeUrn, postPermalink } from '../api/urn.js';
import { authorOf, type LinkedinDeps } from '../linkedin-deps.js';
import { findOwnComment } from './own-comment.js';
import { commentaryOf } from './post-body.js';

const page = z.object({
  elements: z.array(
    z.object({
      id: z.string(),
      commentary: z.string().optional(),
      createdAt: z.number(),
      publishedAt: z.number().optional(),
    }),
  ),
  paging: z.object({ start: z.number(), count: z.number(), total: z.number().optional() }).optional(),
});

/**
 * LinkedIn has no idempotency key (6.7): look through the author's recent posts (`q=author`, newest first) for
 * this commentary inside the attempt's window.
 */
export async function findPublished(
  deps: LinkedinDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const author = authorOf(credentials);
  const commentary = commentaryOf(input.post);
  const from = Date.parse(input.window.from);
  const to = Date.parse(input.window.to);
  const count = deps.config.recentPostsLookup;
  const api = deps.api(credentials);
  for (let start = 0; start < 1000; start += count) {
    let posts: z.output<typeof page>;
    try {
      posts = await api.json(
        {
          operation: 'findPublished',
          endpoint: 'posts.finder',
          path: `/rest/posts?q=author&author=${encodeUrn(author)}&count=${count}&start=${start}&sortBy=LAST_MODIFIED`,
        },
        (value) => page.parse(value),
      );
    } catch (error) {
      if (
        isConnectorError(error) &&
        error.kind === 'reauth-required' &&
        !author.startsWith('urn:li:organization:')
      ) {
        return {
          status: 'unknown',
          reason:
            "Reading a member's own posts needs r_member_social, which LinkedIn restricts: look at the profile.",
        };
      }
      throw error;
    }
    const match = posts.elements.find(
      (post) => post.commentary === commentary && post.createdAt >= from && post.createdAt <= to,
    );
    const firstComment = input.post.firstComment?.text;
    if (
      match &&
      firstComment &&
      !(await findOwnComment(deps, credentials, match.id, firstComment, 'findPublished'))
    ) {
      // "found" would leave the first comment never posted: a person checks and adds it.
      return {
        status: 'unknown',
        reason: `The post is live (${postPermalink(match.id)}) but its first comment is not there; add it by hand.`,
      };
    }
    if (match) {
      return {
        status: 'found',
        remoteId: match.id,
        url: postPermalink(match.id),
        publishedAt: new Date(match.publishedAt ?? match.createdAt).toISOString(),
      };
    }
    const oldest = posts.elements.at(-1)?.createdAt;
    if (posts.elements.length < count || oldest === undefined || oldest < from) {
      return { status: 'not-found' };
    }
  }
  return { status: 'unknown', reason: 'The window holds more than 1,000 posts of this author.' };
}

/** `DELETE /rest/posts/{urn}`; a post already gone counts as deleted. */
export async function deletePost(
  deps: LinkedinDeps,
  credentials: Credentials,
  input: DeleteInput,
): Promise<void> {
  await deps.api(credentials).call({
    operation: 'delete',
    endpoint: 'posts.delete',
    method: 'DELETE',
    path: `/rest/posts/${encodeUrn(input.remoteId)}`,
    accept: [404],
  });
}
