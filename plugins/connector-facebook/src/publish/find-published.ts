import {
  z,
  type Credentials,
  type FindPublishedInput,
  type FindPublishedResult,
} from '@chorus/connector-sdk';
import {
  collectPages,
  graphPage,
  graphTime,
  matchPublished,
  nextCursor,
  publishedResult,
} from '@chorus/meta-graph';
import type { FacebookDeps } from '../facebook-deps.js';
import { absolutePermalink } from './permalink.js';

const publishedPost = z.object({
  id: z.string(),
  message: z.string().optional(),
  status_type: z.string().optional(),
  created_time: graphTime,
  permalink_url: z.string().optional(),
});
const publishedPosts = graphPage(publishedPost);
const pageVideos = graphPage(
  z.object({
    id: z.string(),
    description: z.string().optional(),
    created_time: graphTime.optional(),
    status: z.object({ video_status: z.string().optional() }).optional(),
  }),
);
const MAX_PAGES = 10;

/**
 * Facebook has no idempotency key (2.6): list the Page's posts since the attempt started and match the text and
 * the kind of post (photos, video). Videos published as feed videos are posts too; their message is the
 * description. A post without text that another textless post of the same kind could be is `unknown`. A video
 * is on /published_posts only once processed: while a matching video on /{page}/videos is still processing (or
 * ready without its post yet), the answer is `unknown`, so that a retry does not upload it again.
 */
export async function findPublishedPost(
  deps: FacebookDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const since = Math.floor(new Date(input.window.from).getTime() / 1000);
  const until = Math.ceil(new Date(input.window.to).getTime() / 1000);
  const shape = statusTypeOf(input.post.media ?? []);
  let after: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const answer = await deps.graph(credentials).call(
      {
        operation: 'findPublished',
        endpoint: 'posts.read',
        path: `/${credentials.accountId}/published_posts`,
        query: {
          fields: 'id,message,status_type,created_time,permalink_url',
          since,
          until,
          limit: 100,
          after,
        },
      },
      publishedPosts,
    );
    const match = matchPublished('Facebook', answer.data, { text: input.post.text, shape }, (item) => ({
      text: item.message ?? '',
      shape: item.status_type,
    }));
    if (match.status !== 'not-found') {
      return publishedResult(match, (item) => ({
        status: 'found',
        remoteId: item.id,
        url: absolutePermalink(item.permalink_url ?? `/${item.id}`),
        publishedAt: new Date(item.created_time).toISOString(),
      }));
    }
    after = nextCursor(answer);
    if (!after) {
      return shape === 'added_video'
        ? findVideo(deps, credentials, input, since, until)
        : { status: 'not-found' };
    }
  }
  return { status: 'unknown', reason: `More than ${MAX_PAGES * 100} posts in the window; look at the Page.` };
}

/** A video uploaded in the window whose post is not listed (yet): processing, or ready a moment ago. */
async function findVideo(
  deps: FacebookDeps,
  credentials: Credentials,
  input: FindPublishedInput,
  since: number,
  until: number,
): Promise<FindPublishedResult> {
  const videos = await collectPages(
    (after) =>
      deps.graph(credentials).call(
        {
          operation: 'findPublished',
          endpoint: 'videos.read',
          path: `/${credentials.accountId}/videos`,
          query: { fields: 'id,description,created_time,status', since, until, limit: 50, after },
        },
        pageVideos,
      ),
    4,
  );
  const pending = videos.filter((video) => video.status?.video_status !== 'error');
  const match = matchPublished('Facebook', pending, { text: input.post.text }, (video) => ({
    text: video.description ?? '',
  }));
  if (match.status !== 'found') {
    return match;
  }
  const state = match.item.status?.video_status ?? 'unknown';
  return {
    status: 'unknown',
    reason: `Facebook has video ${match.item.id} with this description (status ${state}) but no Page post for it yet; it is probably this post still processing. Check again later or look at the Page.`,
  };
}

/** The status_type of a Page post carrying this media; a post without media is not constrained (links vary). */
function statusTypeOf(media: NonNullable<FindPublishedInput['post']['media']>): string | undefined {
  if (media.length === 0) {
    return undefined;
  }
  return media.some((item) => item.kind === 'video') ? 'added_video' : 'added_photos';
}
