import { isConnectorError, type Credentials } from '@chorus/connector-sdk';
import { successResponse } from '@chorus/meta-graph';
import type { InstagramDeps } from '../instagram-deps.js';

/**
 * DELETE /{ig-comment-id} (3.3): only comments on the account's own media. A comment that no longer exists
 * (code 100, subcode 33) counts as deleted, so a retry after a lost answer succeeds.
 */
export async function deleteComment(
  deps: InstagramDeps,
  credentials: Credentials,
  input: { readonly remoteId: string },
): Promise<void> {
  try {
    await deps.graph(credentials).call(
      {
        operation: 'inbox.delete',
        endpoint: 'comments.delete',
        method: 'DELETE',
        path: `/${input.remoteId}`,
      },
      successResponse,
    );
  } catch (error) {
    if (isConnectorError(error) && error.kind === 'invalid-content' && alreadyGone(error)) {
      return;
    }
    throw error;
  }
}

function alreadyGone(error: unknown): boolean {
  return ((error as { issues?: { code: string }[] }).issues ?? []).some((issue) =>
    /meta:100\/33/u.test(issue.code),
  );
}
