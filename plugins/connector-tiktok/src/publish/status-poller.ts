import {
  AmbiguousError,
  classifyError,
  RateLimitedError,
  RetriableError,
  type ConnectorError,
  type Credentials,
} from '@chorus/connector-sdk';
import { mapTikTokError } from '../api/map-error.js';
import { publishStatus, type PublishStatus } from '../api/tiktok-schemas.js';
import type { TikTokDeps } from '../tiktok-deps.js';

/** Status reads that fail in a row (429s apart) before the publish stops waiting and reconciles. */
const MAX_FAILED_READS = 3;

/**
 * `status/fetch` is a read, even in the middle of a publish: a 5xx or an unreadable answer is retriable (the
 * poll is simply made again), never a sign that something was applied.
 */

export async function fetchStatus(
  deps: TikTokDeps,
  credentials: Credentials,
  publishId: string,
): Promise<PublishStatus> {
  return deps.api.call(
    {
      operation: 'findPublished',
      endpoint: 'post.status',
      path: '/v2/post/publish/status/fetch/',
      json: { publish_id: publishId },
      token: credentials.accessToken,
    },
    publishStatus,
  );
}

/** What a finished publish came to: a live post, or a draft in the creator's inbox. */
export type Settled =
  | { readonly outcome: 'published'; readonly postId: string; readonly url?: string }
  | { readonly outcome: 'inbox' };

/** Finds a completed post TikTok gives no id for (a private post, one in moderation) by other means. */
export type FindWithoutId = () => Promise<{ remoteId: string; url: string } | undefined>;

/**
 * Polls `status/fetch` until the post is live, delivered to the creator's inbox, or failed (7.2). A Direct
 * Post is complete once `PUBLISH_COMPLETE`, but its public id only appears after moderation, and never for a
 * private post: each poll that finds it complete without an id asks `findWithoutId` (the account's own video
 * list). Reads that fail for a passing reason are polled again; anything else after the upload is ambiguous,
 * since the post may be live.
 */
export async function waitUntilSettled(
  deps: TikTokDeps,
  credentials: Credentials,
  publishId: string,
  findWithoutId: FindWithoutId,
): Promise<Settled> {
  const { clock } = deps.context;
  const deadline = clock.now().getTime() + deps.config.processingTimeoutSeconds * 1000;
  let last: PublishStatus | undefined;
  let failedReads = 0;
  for (;;) {
    let wait = deps.config.statusPollIntervalMs;
    try {
      last = await fetchStatus(deps, credentials, publishId);
      failedReads = 0;
    } catch (error) {
      const classified = classifyError(error, 'findPublished');
      if (classified instanceof RateLimitedError) {
        // 30 reads a minute per token (7.2): wait the window out rather than spend more reads on 429s.
        wait = Math.max(wait, classified.retryAfter * 1000);
      } else {
        // status/fetch changes nothing: even a POST that timed out (ambiguous to the HTTP client) is polled
        // again, a few times in a row at most (the host may have aborted the call).
        failedReads += 1;
        const passing = classified.kind === 'retriable' || classified.kind === 'ambiguous';
        if (!passing || failedReads >= MAX_FAILED_READS) {
          throw stillInFlight(publishId, classified, error);
        }
      }
    }
    if (last?.status === 'FAILED') {
      throw failed(deps, publishId, last.fail_reason);
    }
    if (last?.status === 'SEND_TO_USER_INBOX') {
      return { outcome: 'inbox' };
    }
    if (last?.status === 'PUBLISH_COMPLETE') {
      const id = last.postIds[0];
      if (id) {
        return { outcome: 'published', postId: id };
      }
      const found = await findWithoutId().catch(() => undefined);
      if (found) {
        return { outcome: 'published', postId: found.remoteId, url: found.url };
      }
    }
    if (clock.now().getTime() + wait > deadline) {
      const state =
        last?.status === 'PUBLISH_COMPLETE'
          ? 'completed it but gave no post id yet (private, or still in moderation)'
          : `was still processing it (${last?.status ?? 'status unknown'})`;
      throw new AmbiguousError(
        `After ${deps.config.processingTimeoutSeconds} s TikTok ${state} for publish ${publishId}; it may be live, so it is reconciled before any retry.`,
        { endpoint: 'post.status' },
      );
    }
    await clock.sleep(wait);
  }
}

function stillInFlight(publishId: string, classified: ConnectorError, cause: unknown): ConnectorError {
  if (classified.kind === 'reauth-required') {
    return new AmbiguousError(
      `${classified.message} The upload of publish ${publishId} was complete, so the post may go live anyway; reconnect the account, then reconcile.`,
      { cause, endpoint: 'post.status' },
    );
  }
  return new AmbiguousError(
    `${classified.message} (publish ${publishId} was uploaded and may go live: reconcile before retrying)`,
    { cause, endpoint: 'post.status' },
  );
}

/**
 * A FAILED publish published nothing: its fail_reason is classified like an error code, except that nothing
 * about it is ambiguous (an `internal_error` reason is worth another attempt).
 */
function failed(deps: TikTokDeps, publishId: string, reason: string | undefined): ConnectorError {
  const classified = mapTikTokError(
    {
      status: 400,
      code: reason,
      message: `publish ${publishId} FAILED${reason ? ` (${reason})` : ''}; nothing was published`,
      logId: undefined,
      retryAfter: null,
    },
    { operation: 'publish', endpoint: 'post.status', now: deps.context.clock.now() },
  );
  return classified.kind === 'ambiguous'
    ? new RetriableError(classified.message, { endpoint: 'post.status' })
    : classified;
}
