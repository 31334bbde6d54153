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
 * Mastodon renders it (and the content warning). When the window is deeper than the pages it may read, it
 * answers unknown rather than not-found: a wrong not-found would publish twice.
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
  let query = new URLSearchParams({ limit: '40', exclude_reblogs: 'true' });
  for (let page = 0; page < deps.config.lookupPages; page += 1) {
    const response = await api.call<MastodonStatus[]>({
      operation: 'findPublished',
      endpoint: 'accounts.statuses',
      path: `/api/v1/accounts/${encodeURIComponent(id)}/statuses`,
      query,
    });
    const candidates = response.body.filter((status) => {
      const created = Date.parse(status.created_at);
      return created >= from && created <= to && status.in_reply_to_id === null;
    });
    // Oldest first: the earliest match is the attempt, a later one would be a deliberate repeat.
    const match = candidates
      .reverse()
      .find(
        (status) =>
          comparableText(htmlToText(status.content)) === expectedText &&
          status.spoiler_text === expectedSpoiler,
      );
    if (match) {
      return {
        status: 'found',
        remoteId: match.id,
        url: match.url ?? match.uri,
        publishedAt: match.created_at,
      };
    }
    const oldest = response.body[response.body.length - 1];
    if (!oldest || Date.parse(oldest.created_at) < from) {
      return { status: 'not-found' };
    }
    const next = parseLinkHeader(response.headers.get('link')).next;
    if (!next) {
      return { status: 'not-found' };
    }
    query = new URL(next).searchParams;
  }
  return {
    status: 'unknown',
    reason: `the window reaches further back than ${deps.config.lookupPages} pages of statuses`,
  };
}
