import {
  normaliseText,
  z,
  type Credentials,
  type FindPublishedInput,
  type FindPublishedResult,
} from '@chorus/connector-sdk';
import { graphPage, nextCursor } from '@chorus/meta-graph';
import type { FacebookDeps } from '../facebook-deps.js';
import { absolutePermalink } from './permalink.js';

const publishedPost = z.object({
  id: z.string(),
  message: z.string().optional(),
  created_time: z.string(),
  permalink_url: z.string().optional(),
});
const publishedPosts = graphPage(publishedPost);
const MAX_PAGES = 10;

/**
 * Facebook has no idempotency key (2.6): list the Page's posts since the attempt started and match the text.
 * Videos published as feed videos are posts too; their message is the description.
 */
export async function findPublishedPost(
  deps: FacebookDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const since = Math.floor(new Date(input.window.from).getTime() / 1000);
  const until = Math.ceil(new Date(input.window.to).getTime() / 1000);
  const wanted = normaliseText(input.post.text);
  let after: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const answer = await deps.graph(credentials).call(
      {
        operation: 'findPublished',
        endpoint: 'posts.read',
        path: `/${credentials.accountId}/published_posts`,
        query: { fields: 'id,message,created_time,permalink_url', since, until, limit: 100, after },
      },
      publishedPosts,
    );
    const match = answer.data.find((item) => normaliseText(item.message ?? '') === wanted);
    if (match) {
      return {
        status: 'found',
        remoteId: match.id,
        url: absolutePermalink(match.permalink_url ?? `/${match.id}`),
        publishedAt: new Date(match.created_time).toISOString(),
      };
    }
    after = nextCursor(answer);
    if (!after) {
      return { status: 'not-found' };
    }
  }
  return { status: 'unknown', reason: `More than ${MAX_PAGES * 100} posts in the window; look at the Page.` };
}
