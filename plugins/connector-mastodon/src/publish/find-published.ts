import type { Credentials, FindPublishedInput, FindPublishedResult } from '@chorus/connector-sdk';
import { accountRef } from '../api/account-ref.js';
import type { MastodonStatus } from '../api/entities.js';
import { parseLinkHeader } from '../api/link-header.js';
import type { MastodonDeps } from '../mastodon-deps.js';
import { comparableText, htmlToText, statusText } from './status-text.js';

// A status's created_at is set by the server; allow for clocks that disagree by a little.
const CLOCK_SLACK_MS = 60_000;

/**
 * Reads the account's own statuses, newest first, back to the start of the window, and matches the text as
 * Mastodon renders it, the content warning and the number of media. When the window is deeper than the pages
 * it may read, it answers unknown rather than not-found: a wrong not-found would publish twice. When more than
 * one status in the window matches (the same text posted twice, or two captionless images), it answers
 * unknown too: a wrong found would claim another post and never publish this one.
 */
export async function findPublishedStatus(
  deps: MastodonDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const api = deps.api(credentials);
  const { id } = accountRef(credentials);
  const from = Date.parse(input.window.from) - CLOCK_SLACK_MS;
  const to = Date.parse(input.window.to) + CLOCK_SLACK_MS;
  const expectedText = comparableText(statusText(input.post));
  const expectedSpoiler =
    typeof input.post.settings?.spoilerText === 'string' ? input.post.settings.spoilerText : '';
  const expectedMedia = input.post.media?.length ?? 0;
  const matches: MastodonStatus[] = [];
  let query = new URLSearchParams({ limit: '40', exclude_reblogs: 'true' });
  for (let page = 0; page < deps.config.lookupPages; page += 1) {
    const response = await api.call<MastodonStatus[]>({
      operation: 'findPublished',
      endpoint: 'accounts.statuses',
      path: `/api/v1/accounts/${encodeURIComponent(id)}/statuses`,
      query,
    });
    matches.push(
      ...response.body.filter((status) => {
        const created = Date.parse(status.created_at);
        return (
          created >= from &&
          created <= to &&
          status.in_reply_to_id === null &&
          comparableText(htmlToText(status.content)) === expectedText &&
          status.spoiler_text === expectedSpoiler &&
          status.media_attachments.length === expectedMedia
        );
      }),
    );
    const oldest = response.body[response.body.length - 1];
    const next = parseLinkHeader(response.headers.get('link')).next;
    if (!oldest || Date.parse(oldest.created_at) < from || !next) {
      return decide(matches);
    }
    query = new URL(next).searchParams;
  }
  return {
    status: 'unknown',
    reason: `the window reaches further back than ${deps.config.lookupPages} pages of statuses`,
  };
}

function decide(matches: readonly MastodonStatus[]): FindPublishedResult {
  if (matches.length === 0) {
    return { status: 'not-found' };
  }
  if (matches.length > 1) {
    return {
      status: 'unknown',
      reason: `${matches.length} statuses in the window look like this post (${matches.map((m) => m.id).join(', ')}); a person must tell which, if any, is it`,
    };
  }
  const [match] = matches as [MastodonStatus];
  return { status: 'found', remoteId: match.id, url: match.url ?? match.uri, publishedAt: match.created_at };
}
