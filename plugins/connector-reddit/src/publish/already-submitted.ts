import {
  InvalidContentError,
  isConnectorError,
  normaliseText,
  type Credentials,
  type RemotePostRef,
} from '@chorus/connector-sdk';
import { permalinkUrl, type RedditDeps } from '../reddit-deps.js';
import type { ExpectedSubmission } from './match-submission.js';
import { ownSubmissions } from './own-submissions.js';

// How far back an earlier attempt of this account is taken for this one (the manifest's findPublished window).
const ADOPT_WITHIN_SECONDS = 30 * 86_400;

const isAlreadySubmitted = (error: unknown) =>
  isConnectorError(error) &&
  error.kind === 'invalid-content' &&
  (error as InvalidContentError).issues.some((issue) => issue.code === 'reddit:ALREADY_SUB');

/**
 * Link posts go out with `resubmit=false`, Reddit's own duplicate protection (network-apis.md 0.1, 12.6): a
 * second submit of the link to the subreddit answers `ALREADY_SUB` instead of posting twice. When the earlier
 * post is this account's, with this title, it is the lost answer of an earlier attempt and is taken as the
 * result; otherwise the refusal says who has the link and how to post it anyway. Any other error: undefined.
 */
export async function adoptEarlierLink(
  deps: RedditDeps,
  credentials: Credentials,
  username: string,
  expected: ExpectedSubmission,
  error: unknown,
): Promise<RemotePostRef | undefined> {
  if (expected.kind !== 'link' || !isAlreadySubmitted(error)) {
    return undefined;
  }
  const since = deps.context.clock.now().getTime() / 1000 - ADOPT_WITHIN_SECONDS;
  const sameUrl = (url: string | undefined) =>
    url?.replace(/\/+$/u, '') === expected.url?.replace(/\/+$/u, '');
  for await (const link of ownSubmissions(deps, credentials, username, {
    operation: 'publish',
    pages: 10,
    limit: 100,
  })) {
    if (link.created_utc < since && link.pinned !== true && link.stickied !== true) {
      break;
    }
    if (
      link.subreddit.toLowerCase() !== expected.sr.toLowerCase() ||
      link.is_self === true ||
      !sameUrl(link.url)
    ) {
      continue;
    }
    if (normaliseText(link.title) === normaliseText(expected.title)) {
      return { remoteId: link.name, url: permalinkUrl(link.permalink) };
    }
    throw refusal(
      expected,
      `this account posted it on ${new Date(link.created_utc * 1000).toISOString()} (${permalinkUrl(link.permalink)})`,
    );
  }
  throw refusal(expected, 'someone already posted it there');
}

function refusal(expected: ExpectedSubmission, who: string): InvalidContentError {
  const message = `This link is already in r/${expected.sr}: ${who}. Turn on "Allow resubmit" to post it again.`;
  return new InvalidContentError(message, [{ path: ['link', 'url'], code: 'reddit:ALREADY_SUB', message }]);
}
