import type { Credentials, PublishInput, PublishResult, RemotePostRef } from '@chorus/connector-sdk';
import type { BlueskyDeps } from '../bluesky-deps.js';
import { blueskyPostSettingsSchema } from '../config.js';
import { postWebUrl } from '../records/at-uri.js';
import type { StoredRecord } from '../records/account-repo.js';
import { recordKeyFor } from '../records/record-key.js';
import type { PostRecord, StrongRef } from '../xrpc/lexicon.js';
import { writePost } from './write-post.js';

/**
 * The post, then each part of its thread as a reply to the previous part, then the first comment as a reply to
 * the post. Every record has its own key derived from the caller's idempotency key, so a retry skips what an
 * earlier attempt wrote and finishes the rest, never writing a record twice.
 */
export async function publishPost(
  deps: BlueskyDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<PublishResult> {
  const { post, idempotencyKey } = input;
  const client = deps.pds(credentials);
  const settings = blueskyPostSettingsSchema.parse(post.settings ?? {});
  const write = { settings, operation: 'publish' as const };
  const root = await writePost(
    deps,
    client,
    { text: post.text, media: post.media ?? [], link: post.link },
    { ...write, rkey: recordKeyFor(idempotencyKey) },
  );
  const rootRef = strongRef(root);
  const thread: RemotePostRef[] = [];
  let parent = rootRef;
  for (const [index, part] of (post.thread ?? []).entries()) {
    const written = await writePost(
      deps,
      client,
      { text: part.text, media: part.media ?? [] },
      {
        ...write,
        rkey: recordKeyFor(idempotencyKey, { kind: 'thread', index: index + 1 }),
        reply: { root: rootRef, parent },
      },
    );
    thread.push(remoteRef(deps, client.account.handle, written));
    parent = strongRef(written);
  }
  const firstComment = post.firstComment
    ? await writePost(
        deps,
        client,
        { text: post.firstComment.text, media: [] },
        {
          ...write,
          rkey: recordKeyFor(idempotencyKey, { kind: 'first-comment' }),
          reply: { root: rootRef, parent: rootRef },
        },
      )
    : undefined;
  return {
    ...remoteRef(deps, client.account.handle, root),
    publishedAt: root.value.createdAt,
    ...(thread.length > 0 ? { thread } : {}),
    ...(firstComment ? { firstComment: remoteRef(deps, client.account.handle, firstComment) } : {}),
  };
}

function strongRef(record: StoredRecord<PostRecord>): StrongRef {
  return { uri: record.uri, cid: record.cid };
}

function remoteRef(deps: BlueskyDeps, handle: string, record: StoredRecord<PostRecord>): RemotePostRef {
  return { remoteId: record.uri, url: postWebUrl(deps.config.webUrl, handle, record.uri) };
}
