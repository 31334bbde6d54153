import { InvalidContentError, type Credentials, type DeleteInput } from '@chorus/connector-sdk';
import type { BlueskyDeps } from '../bluesky-deps.js';
import { POST_COLLECTION, parseAtUri } from '../records/at-uri.js';

/** Deletes one of the account's posts; one already gone counts as deleted, so a retried delete is harmless. */
export async function deletePost(
  deps: BlueskyDeps,
  credentials: Credentials,
  input: DeleteInput,
): Promise<void> {
  const { repo, account } = deps.pds(credentials);
  const uri = parseAtUri(input.remoteId);
  if (uri.repo !== account.did || uri.collection !== POST_COLLECTION) {
    throw new InvalidContentError(
      `${input.remoteId} is not a post of the connected account; only its own posts can be deleted.`,
    );
  }
  await repo.delete({ collection: POST_COLLECTION, rkey: uri.rkey }, 'delete');
}
