import {
  RetriableError,
  type Credentials,
  type FindPublishedInput,
  type FindPublishedResult,
} from '@chorus/connector-sdk';
import { postUrl, profileUrl, type TikTokDeps } from '../tiktok-deps.js';
import type { JournalEntry } from './publish-journal.js';
import { lookUpRecentVideo } from './recent-videos.js';
import { fetchStatus } from './status-poller.js';

const MAX_WINDOW_MS = 30 * 86_400 * 1000;
/**
 * How long after an unanswered init TikTok may still be pulling and processing the media, so that the post is
 * not in the video list yet ("minutes for 4 GB", 7.2). Kept under the host's patience for lookups that fail
 * (about eight minutes with its default policy) so that a post that never went out is settled, not reviewed.
 */
export const UNSETTLED_GRACE_MS = 5 * 60_000;

/**
 * TikTok has no idempotency key (network-apis.md 7.7). After an ambiguous failure, the publish_id this
 * process journaled is asked first (`status/fetch`); without one (init never answered, or the process
 * restarted) the account's recent videos are searched for the caption within the attempt's window. It answers
 * not-found only when no post can exist; while one may (still processing, complete without a visible id), it
 * throws a retriable error so that the host looks again later.
 */
export async function findPublishedPost(
  deps: TikTokDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const now = deps.context.clock.now().getTime();
  if (Date.parse(input.window.from) < now - MAX_WINDOW_MS) {
    return {
      status: 'unknown',
      reason: 'The attempt is older than 30 days; look at the account on TikTok before publishing again.',
    };
  }
  const entry = deps.journal.find(input.idempotencyKey, credentials.accountId);
  if (entry?.state === 'refused') {
    return { status: 'not-found' }; // the latest attempt's init was refused: it created nothing
  }
  if (entry?.state === 'created') {
    return byPublishId(deps, credentials, input, entry);
  }
  const mode = entry?.mode ?? (input.post.settings as { mode?: unknown } | undefined)?.mode;
  if (mode === 'inbox') {
    return {
      status: 'unknown',
      reason:
        'Drafts sent to the creator inbox are not listed by TikTok until the creator posts them; ask the creator before sending again.',
    };
  }
  const found = await lookUpRecentVideo(deps, credentials, input.post, input.window);
  // An init sent without an answer: TikTok may still be pulling or processing the media (7.2).
  const settlesAt = Date.parse(input.window.to) + UNSETTLED_GRACE_MS;
  if (found.status === 'not-found' && entry?.state === 'sent' && now < settlesAt) {
    throw new RetriableError(
      `TikTok does not list the post yet, but its init went unanswered and TikTok may still be processing it; look again after ${new Date(settlesAt).toISOString()}. Do not publish again before.`,
      { endpoint: 'video.list' },
    );
  }
  return found;
}

async function byPublishId(
  deps: TikTokDeps,
  credentials: Credentials,
  input: FindPublishedInput,
  entry: JournalEntry & { state: 'created' },
): Promise<FindPublishedResult> {
  const status = await fetchStatus(deps, credentials, entry.publishId);
  const handle = credentials.extra?.handle;
  switch (status.status) {
    case 'FAILED':
      return { status: 'not-found' };
    case 'SEND_TO_USER_INBOX':
      return {
        status: 'found',
        remoteId: `inbox:${entry.publishId}`,
        url: profileUrl(handle),
        publishedAt: entry.startedAt,
      };
    case 'PUBLISH_COMPLETE': {
      const id = status.postIds[0];
      if (id) {
        return { status: 'found', remoteId: id, url: postUrl(handle, id), publishedAt: entry.startedAt };
      }
      // Private, or still in moderation: the account's own video list may know it.
      const found = await lookUpRecentVideo(deps, credentials, input.post, input.window);
      if (found.status !== 'not-found') {
        return found;
      }
      throw new RetriableError(
        `TikTok completed publish ${entry.publishId} but shows no post id and does not list it yet (moderation); look again later. Do not publish again: the post exists.`,
        { endpoint: 'post.status' },
      );
    }
    case 'PROCESSING_UPLOAD':
    case 'PROCESSING_DOWNLOAD':
      throw new RetriableError(
        `TikTok is still processing publish ${entry.publishId} (${status.status}); look again in a few minutes. Do not publish again.`,
        { endpoint: 'post.status' },
      );
  }
}
