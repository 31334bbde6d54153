import type { ConnectorOperation } from '@chorus/connector-sdk';
import type { PostView } from '../xrpc/lexicon.js';
import type { XrpcClient } from '../xrpc/xrpc-client.js';

const BATCH = 25;

/** Posts as the AppView shows them, 25 per call; posts it does not have (deleted, never indexed) are left out. */
export async function postViews(
  xrpc: XrpcClient,
  uris: readonly string[],
  operation: ConnectorOperation,
): Promise<Map<string, PostView>> {
  const views = new Map<string, PostView>();
  for (let start = 0; start < uris.length; start += BATCH) {
    const { posts } = await xrpc.call<{ posts: PostView[] }>({
      operation,
      endpoint: 'posts.get',
      nsid: 'app.bsky.feed.getPosts',
      params: { uris: uris.slice(start, start + BATCH) },
    });
    for (const post of posts) {
      views.set(post.uri, post);
    }
  }
  return views;
}
