import type { Credentials } from '@chorus/connector-sdk';
import { me } from '../api/reddit-schemas.js';
import type { RedditDeps } from '../reddit-deps.js';

/** The account's username: kept in the credentials since connection, asked for again only if missing. */
export async function usernameOf(deps: RedditDeps, credentials: Credentials): Promise<string> {
  const kept = credentials.extra?.username;
  if (kept) {
    return kept;
  }
  const user = await deps.api.call(
    { operation: 'auth.verify', endpoint: 'account.me', path: '/api/v1/me', credentials },
    me,
  );
  return user.name;
}
