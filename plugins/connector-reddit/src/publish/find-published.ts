import {
  RetriableError,
  type Credentials,
  type FindPublishedInput,
  type FindPublishedResult,
} from '@chorus/connector-sdk';
import { usernameOf } from '../auth/username.js';
import { permalinkUrl, type RedditDeps } from '../reddit-deps.js';
import { findOwnSubmission } from './await-submission.js';
import { findOwnComment } from './own-comment.js';
import { authorComment, expectedSubmission } from './reddit-publisher.js';
import type { SubmissionKind } from './submission-kind.js';

// Kinds whose post Reddit lists only after processing the media; galleries are created at once.
const PROCESSED_KINDS: ReadonlySet<SubmissionKind> = new Set(['image', 'video', 'videogif']);

// The manifest's findPublished.maxWindowSeconds; the submissions listing is read at most this many pages deep.
const MAX_WINDOW_MS = 30 * 86_400 * 1000;
const PAGES = 10;

/**
 * Image and video posts are listed only once Reddit has processed the media (12.2), which can take as long as
 * the publish waits for it. Until that much time has passed since the attempt, "not listed" is no proof the
 * post will not appear: the lookup fails as retriable, so it is made again later instead of publishing twice.
 */
function stillProcessing(deps: RedditDeps, kind: SubmissionKind, from: string, now: number): void {
  const settled = Date.parse(from) + deps.config.mediaTimeoutSeconds * 1000;
  if (PROCESSED_KINDS.has(kind) && now < settled) {
    throw new RetriableError(
      `No ${kind} post of this attempt is listed yet, but Reddit may still be processing its media until ${new Date(settled).toISOString()}; look again then.`,
      { endpoint: 'listing.submitted' },
    );
  }
}

/**
 * Reddit has no idempotency key (network-apis.md 12.6): after an ambiguous failure, look among the account's
 * own submissions for the same subreddit and title, and the same body, link or kind of media, created within
 * the attempt's window. A post whose comment was due is found only with that comment under it.
 */
export async function findPublishedPost(
  deps: RedditDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const now = deps.context.clock.now().getTime();
  if (Date.parse(input.window.from) < now - MAX_WINDOW_MS) {
    return {
      status: 'unknown',
      reason:
        "The attempt is older than 30 days; look at the account's posts on Reddit before publishing again.",
    };
  }
  const username = await usernameOf(deps, credentials);
  const expected = expectedSubmission(input, username);
  const { found, complete } = await findOwnSubmission(deps, credentials, username, expected, {
    from: new Date(input.window.from),
    to: new Date(input.window.to),
    pages: PAGES,
  });
  const [match] = found.slice(-1);
  if (!match) {
    if (!complete) {
      return {
        status: 'unknown',
        reason: `More than ${PAGES * 100} posts since the attempt; look on Reddit.`,
      };
    }
    stillProcessing(deps, expected.kind, input.window.from, now);
    return { status: 'not-found' };
  }
  const url = permalinkUrl(match.permalink);
  if (found.length > 1 && expected.kind !== 'self' && expected.kind !== 'link') {
    return {
      status: 'unknown',
      reason: `${found.length} ${expected.kind} posts titled "${expected.title}" in r/${expected.sr} in the window; check on Reddit which one is this attempt.`,
    };
  }
  const comment = authorComment(input);
  if (
    comment &&
    !(await findOwnComment(deps, credentials, { postName: match.name, username, text: comment }))
  ) {
    return {
      status: 'unknown',
      reason: `The post is live (${url}) but the comment this publish adds under it is not; add it by hand on Reddit.`,
    };
  }
  return {
    status: 'found',
    remoteId: match.name,
    url,
    publishedAt: new Date(match.created_utc * 1000).toISOString(),
  };
}
