import { AmbiguousError, type Credentials } from '@chorus/connector-sdk';
import type { Link } from '../api/reddit-schemas.js';
import type { RedditDeps } from '../reddit-deps.js';
import { matchesSubmission, type ExpectedSubmission } from './match-submission.js';
import { ownSubmissions, type ScanProgress } from './own-submissions.js';

// Clocks of Chorus and Reddit may disagree by this much.
const SKEW_SECONDS = 60;

/** The account's posts that match, created within the window, newest first; complete when the scan saw it all. */
export async function findOwnSubmission(
  deps: RedditDeps,
  credentials: Credentials,
  username: string,
  expected: ExpectedSubmission,
  window: { readonly from: Date; readonly to?: Date; readonly pages: number },
): Promise<{ readonly found: Link[]; readonly complete: boolean }> {
  const from = window.from.getTime() / 1000 - SKEW_SECONDS;
  const to = window.to ? window.to.getTime() / 1000 + SKEW_SECONDS : Infinity;
  const found: Link[] = [];
  const progress: ScanProgress = { exhausted: false };
  for await (const link of ownSubmissions(deps, credentials, username, {
    operation: 'findPublished',
    pages: window.pages,
    limit: 100,
    progress,
  })) {
    // Newest first, so the first older post ends the window; a pinned one may sit on top out of order.
    if (link.created_utc < from && link.pinned !== true && link.stickied !== true) {
      return { found, complete: true };
    }
    if (link.created_utc <= to && matchesSubmission(link, expected)) {
      found.push(link);
    }
  }
  // Complete only when the listing itself ended; a page cap reached may have left the window's oldest posts unread.
  return { found, complete: progress.exhausted };
}

/**
 * Image and video posts are created once Reddit has processed the media; the submit answer only names a page
 * and a websocket (12.2). The account's submissions are read until the post shows up. If it does not in time it
 * may still: the publish is ambiguous and goes to reconciliation, never to a blind retry.
 */
export async function awaitSubmission(
  deps: RedditDeps,
  credentials: Credentials,
  username: string,
  expected: ExpectedSubmission,
  started: Date,
): Promise<Link> {
  const { clock } = deps.context;
  const deadline = clock.now().getTime() + deps.config.mediaTimeoutSeconds * 1000;
  for (;;) {
    await clock.sleep(deps.config.processingPollSeconds * 1000);
    const { found } = await findOwnSubmission(deps, credentials, username, expected, {
      from: started,
      pages: 1,
    });
    if (found[0]) {
      return found[0];
    }
    if (clock.now().getTime() >= deadline) {
      throw new AmbiguousError(
        `Reddit accepted the ${expected.kind} post for r/${expected.sr} but did not show it within ${deps.config.mediaTimeoutSeconds} s; it may still appear, so it is reconciled before any retry.`,
        { endpoint: 'listing.submitted' },
      );
    }
  }
}
