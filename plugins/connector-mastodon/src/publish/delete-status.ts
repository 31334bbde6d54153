import type { Credentials, DeleteInput } from '@chorus/connector-sdk';
import type { MastodonDeps } from '../mastodon-deps.js';

/** Deletes a status; one that is already gone counts as deleted, so a retried delete is harmless. */
export async function deleteStatus(
  deps: MastodonDeps,
  credentials: Credentials,
  input: DeleteInput,
): Promise<void> {
  await deps.api(credentials).call({
    operation: 'delete',
    endpoint: 'statuses.delete',
    method: 'DELETE',
    path: `/api/v1/statuses/${encodeURIComponent(input.remoteId)}`,
    accept: [404],
  });
}
