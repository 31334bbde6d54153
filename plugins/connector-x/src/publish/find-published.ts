import type { Credentials, FindPublishedInput, FindPublishedResult } from '@chorus/connector-sdk';
import { timeline } from '../api/x-schemas.js';
import { postUrl, type XDeps } from '../x-deps.js';
import { comparableText, textWithLink } from './post-text.js';

// How far back the connector promises to look (the manifest's findPublished.maxWindowSeconds).
const MAX_WINDOW_MS = 7 * 86_400 * 1000;
const MAX_PAGES = 10;

/**
 * X has no idempotency key (network-apis.md 5.7): after an ambiguous failure, look for a post with the same
 * text in the account's own timeline between the attempt's start and end (`start_time`/`end_time`).
 */
export async function findPublishedPost(
  deps: XDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const now = deps.context.clock.now().getTime();
  if (Date.parse(input.window.from) < now - MAX_WINDOW_MS) {
    return {
      status: 'unknown',
      reason: 'The attempt is older than 7 days; look at the account on X before publishing again.',
    };
  }
  const expected = comparableText(textWithLink(input.post));
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await deps.api.call(
      {
        operation: 'findPublished',
        endpoint: 'users.tweets',
        path: `/2/users/${encodeURIComponent(credentials.accountId)}/tweets`,
        query: {
          start_time: input.window.from,
          // X refuses an end_time in the future; without it the timeline runs up to now.
          end_time: Date.parse(input.window.to) < now ? input.window.to : undefined,
          max_results: '100',
          'tweet.fields': 'created_at',
          pagination_token: token,
        },
        token: credentials.accessToken,
      },
      timeline,
    );
    const match = answer.data.find((post) => comparableText(post.text) === expected);
    if (match && expected === '') {
      // A post without text cannot be told apart from another one without text: a person must look.
      return {
        status: 'unknown',
        reason: 'A post without text was published in the window; check on X whether it is this one.',
      };
    }
    const replies = (input.post.thread?.length ?? 0) + (input.post.firstComment ? 1 : 0);
    if (match && replies > 0) {
      // The first post is live, but whether the replies that carry the later parts or the first comment went
      // out cannot be told from it: "found" would leave them never posted, so a person checks.
      return {
        status: 'unknown',
        reason: `The first post is live (${postUrl(credentials.extra?.handle, match.id)}), but Chorus cannot tell whether its ${replies} repl${replies === 1 ? 'y' : 'ies'} (thread parts, first comment) were posted; check on X and post any missing one by hand.`,
      };
    }
    if (match) {
      return {
        status: 'found',
        remoteId: match.id,
        url: postUrl(credentials.extra?.handle, match.id),
        publishedAt: match.created_at ?? input.window.from,
      };
    }
    token = answer.meta.next_token;
    if (!token) {
      return { status: 'not-found' };
    }
  }
  return { status: 'unknown', reason: `More than ${MAX_PAGES * 100} posts in the window; look on X.` };
}
