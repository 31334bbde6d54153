import { isConnectorError, type Credentials, type DeleteInput } from '@chorus/connector-sdk';
import { successResponse } from '@chorus/meta-graph';
import type { FacebookDeps } from '../facebook-deps.js';

/** DELETE /{post-id}; a post that no longer exists (code 100, subcode 33) counts as deleted. */
export function deletePost(deps: FacebookDeps, credentials: Credentials, input: DeleteInput): Promise<void> {
  return deleteNode(deps, credentials, input.remoteId, 'delete', 'post.delete');
}

/** DELETE /{comment-id} (2.3, `pages_manage_engagement`); already gone counts as deleted. */
export function deleteComment(
  deps: FacebookDeps,
  credentials: Credentials,
  input: { readonly remoteId: string },
): Promise<void> {
  return deleteNode(deps, credentials, input.remoteId, 'inbox.delete', 'comments.delete');
}

async function deleteNode(
  deps: FacebookDeps,
  credentials: Credentials,
  remoteId: string,
  operation: 'delete' | 'inbox.delete',
  endpoint: string,
): Promise<void> {
  try {
    await deps
      .graph(credentials)
      .call({ operation, endpoint, method: 'DELETE', path: `/${remoteId}` }, successResponse);
  } catch (error) {
    if (
      isConnectorError(error) &&
      error.kind === 'invalid-content' &&
      /meta:100\/33/u.test(issueCodes(error))
    ) {
      return;
    }
    throw error;
  }
}

function issueCodes(error: unknown): string {
  return ((error as { issues?: { code: string }[] }).issues ?? []).map((issue) => issue.code).join(' ');
}
