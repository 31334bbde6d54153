import type { ConnectorOperation, Credentials } from '@chorus/connector-sdk';
import { listing, type Link } from '../api/reddit-schemas.js';
import type { RedditDeps } from '../reddit-deps.js';

/** Set once the listing has no page left: whoever stops reading early can tell a full scan from a capped one. */
export interface ScanProgress {
  exhausted: boolean;
}

/**
 * The account's own posts, newest first, page by page (`GET /user/{username}/submitted`, 12.6): what the
 * lookup-before-retry pattern reads, since Reddit has no idempotency key. Reddit may answer fewer items than
 * `limit` on a page that is not the last, so only a missing `after` proves the listing was read to its end.
 */
export async function* ownSubmissions(
  deps: RedditDeps,
  credentials: Credentials,
  username: string,
  options: {
    readonly operation: ConnectorOperation;
    readonly pages: number;
    readonly limit: number;
    readonly progress?: ScanProgress;
  },
): AsyncGenerator<Link> {
  let after: string | undefined;
  for (let page = 0; page < options.pages; page += 1) {
    const answer = await deps.api.call(
      {
        operation: options.operation,
        endpoint: 'listing.submitted',
        path: `/user/${encodeURIComponent(username)}/submitted`,
        query: { sort: 'new', limit: String(options.limit), after, raw_json: '1' },
        credentials,
        scope: 'history',
      },
      listing,
    );
    for (const child of answer.data.children) {
      if (child.kind === 't3') {
        yield child.data;
      }
    }
    after = answer.data.after ?? undefined;
    if (!after) {
      if (options.progress) {
        options.progress.exhausted = true;
      }
      return;
    }
  }
}
