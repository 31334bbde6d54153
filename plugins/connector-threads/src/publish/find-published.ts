import {
  isConnectorError,
  z,
  type Credentials,
  type DeleteInput,
  type FindPublishedInput,
  type FindPublishedResult,
} from '@chorus/connector-sdk';
import {
  collectPages,
  graphPage,
  graphTime,
  matchPublished,
  publishedResult,
  successResponse,
} from '@chorus/meta-graph';
import type { ThreadsDeps } from '../threads-deps.js';

const threads = graphPage(
  z.object({
    id: z.string(),
    text: z.string().optional(),
    media_type: z.string().optional(),
    permalink: z.string().optional(),
    timestamp: graphTime,
  }),
);

/**
 * No idempotency key (4.6): the profile's posts in the window, matched by text and media type; a post without
 * text that another textless post of the same type could be is `unknown`, never that other post.
 */
export async function findPublishedThread(
  deps: ThreadsDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const since = Math.floor(Date.parse(input.window.from) / 1000);
  const until = Math.ceil(Date.parse(input.window.to) / 1000);
  const items = await collectPages(
    (after) =>
      deps.graph(credentials).call(
        {
          operation: 'findPublished',
          endpoint: 'threads.list',
          path: `/${credentials.accountId}/threads`,
          query: { fields: 'id,text,media_type,permalink,timestamp', since, until, limit: 50, after },
        },
        threads,
      ),
    4,
  );
  const match = matchPublished(
    'Threads',
    items,
    { text: input.post.text, shape: mediaTypeOf(input.post.media ?? []) },
    (item) => ({ text: item.text ?? '', shape: item.media_type }),
  );
  const parts = input.post.thread?.length ?? 0;
  if (match.status === 'found' && parts > 0) {
    // Part 1 is live, but whether the replies that chain the later parts went out cannot be told from the
    // profile's posts: "found" would leave the rest of the thread never posted, so a person checks.
    return {
      status: 'unknown',
      reason: `The first post of this ${parts + 1}-part thread is live (${match.item.permalink ?? match.item.id}), but Chorus cannot tell whether the other ${parts} part(s) were posted under it; check the thread on Threads and post any missing part by hand.`,
    };
  }
  return publishedResult(match, (item) => ({
    status: 'found',
    remoteId: item.id,
    url: item.permalink ?? 'https://www.threads.net/',
    publishedAt: new Date(item.timestamp).toISOString(),
  }));
}

/** The media_type the profile's posts report for what a post carries. */
function mediaTypeOf(media: NonNullable<FindPublishedInput['post']['media']>): string {
  if (media.length > 1) {
    return 'CAROUSEL_ALBUM';
  }
  const [item] = media;
  return item ? (item.kind === 'video' ? 'VIDEO' : 'IMAGE') : 'TEXT_POST';
}

/** DELETE /{id} (threads_delete, 100 a day); a post already gone counts as deleted. */
export async function deleteThread(
  deps: ThreadsDeps,
  credentials: Credentials,
  input: DeleteInput,
): Promise<void> {
  try {
    await deps
      .graph(credentials)
      .call(
        { operation: 'delete', endpoint: 'threads.delete', method: 'DELETE', path: `/${input.remoteId}` },
        successResponse,
      );
  } catch (error) {
    const issues = (error as { issues?: { code: string }[] }).issues ?? [];
    if (
      isConnectorError(error) &&
      error.kind === 'invalid-content' &&
      issues.some((issue) => issue.code === 'meta:100/33')
    ) {
      return;
    }
    throw error;
  }
}
