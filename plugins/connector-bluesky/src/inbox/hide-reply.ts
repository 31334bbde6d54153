import { InvalidContentError } from '@chorus/connector-sdk';
import type { AccountClient, BlueskyDeps } from '../bluesky-deps.js';
import { THREADGATE_COLLECTION, parseAtUri } from '../records/at-uri.js';
import type { PostView } from '../xrpc/lexicon.js';

interface ThreadgateRecord {
  readonly $type: typeof THREADGATE_COLLECTION;
  readonly post: string;
  readonly createdAt: string;
  readonly allow?: readonly unknown[];
  readonly hiddenReplies?: readonly string[];
  readonly [key: string]: unknown;
}

// app.bsky.feed.threadgate#hiddenReplies holds at most this many.
const MAX_HIDDEN = 300;

/**
 * Hides or shows a reply the way Bluesky's app does: in the `hiddenReplies` of the thread's threadgate, a record
 * at the root post's key that only the root's author can write (network-apis.md 11.2, reply controls). Whatever
 * else the threadgate says (who may reply) is kept.
 */
export async function hideReply(
  deps: BlueskyDeps,
  client: AccountClient,
  reply: PostView,
  hidden: boolean,
): Promise<void> {
  const rootUri = reply.record.reply?.root.uri;
  const root = rootUri ? parseAtUri(rootUri) : undefined;
  if (!rootUri || !root || root.repo !== client.account.did) {
    throw new InvalidContentError(
      "Bluesky lets only the author of a thread hide its replies, and this is not a reply in one of the account's threads.",
    );
  }
  const target = { collection: THREADGATE_COLLECTION, rkey: root.rkey };
  const current = await client.repo.read<ThreadgateRecord>(target, 'inbox.hide');
  const listed = current?.value.hiddenReplies ?? [];
  if (listed.includes(reply.uri) === hidden) {
    return;
  }
  const hiddenReplies = hidden ? [...listed, reply.uri] : listed.filter((uri) => uri !== reply.uri);
  if (hiddenReplies.length > MAX_HIDDEN) {
    throw new InvalidContentError(`Bluesky hides at most ${MAX_HIDDEN} replies per thread.`);
  }
  const record: ThreadgateRecord = {
    ...(current?.value ?? { $type: THREADGATE_COLLECTION, post: rootUri, createdAt: deps.now() }),
    hiddenReplies,
  };
  await client.repo.put(target, record, current?.cid, 'inbox.hide');
}
