import type { Credentials, FindPublishedInput, FindPublishedResult } from '@chorus/connector-sdk';
import type { BlueskyDeps } from '../bluesky-deps.js';
import { POST_COLLECTION, postWebUrl } from '../records/at-uri.js';
import { recordKeyFor, type RecordPart } from '../records/record-key.js';
import type { PostRecord } from '../xrpc/lexicon.js';

/**
 * Looks the attempt up by the record key its idempotency key derives: the PDS answers getRecord from the
 * repository itself, so there is no indexing delay and no time window to search. A post whose thread or first
 * comment is missing is reported as unknown, with what is missing: publishing again with the same idempotency
 * key completes it without duplicating what exists.
 */
export async function findPublishedPost(
  deps: BlueskyDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const { repo, account } = deps.pds(credentials);
  const read = (part: RecordPart) =>
    repo.read<PostRecord>(
      { collection: POST_COLLECTION, rkey: recordKeyFor(input.idempotencyKey, part) },
      'findPublished',
    );
  const root = await read({ kind: 'post' });
  if (!root) {
    return { status: 'not-found' };
  }
  const missing: string[] = [];
  for (let index = 1; index <= (input.post.thread ?? []).length; index += 1) {
    if (!(await read({ kind: 'thread', index }))) {
      missing.push(`thread post ${index + 1}`);
    }
  }
  if (input.post.firstComment && !(await read({ kind: 'first-comment' }))) {
    missing.push('the first comment');
  }
  if (missing.length > 0) {
    return {
      status: 'unknown',
      reason: `the post exists but ${missing.join(', ')} do not; publishing again with the same idempotency key adds only what is missing`,
    };
  }
  return {
    status: 'found',
    remoteId: root.uri,
    url: postWebUrl(deps.config.webUrl, account.handle, root.uri),
    publishedAt: root.value.createdAt,
  };
}
