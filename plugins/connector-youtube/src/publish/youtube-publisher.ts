import {
  AmbiguousError,
  InvalidContentError,
  readMediaBytes,
  z,
  type Credentials,
  type PublishInput,
  type PublishResult,
  type RemotePostRef,
} from '@chorus/connector-sdk';
import { commentThread, type VideoResource } from '../api/youtube-schemas.js';
import type { YoutubeMethod } from '../api/quota-costs.js';
import { commentUrl, videoUrl, type YoutubeDeps } from '../youtube-deps.js';
import { awaitProcessing } from './processing.js';
import { probeSession, startSession, uploadFrom, type VideoBytes } from './resumable-upload.js';
import { fetchThumbnail, setThumbnail, type Thumbnail } from './thumbnail.js';
import { settingsOf, videoResourceBody } from './video-metadata.js';

/**
 * Publishes one video (network-apis.md 8.2): quota checked for the whole flow first, thumbnail fetched and
 * checked, resumable session started (and kept under the idempotency key), bytes uploaded in chunks, processing
 * awaited, then thumbnail, playlist and first comment.
 */
export async function publishVideo(
  deps: YoutubeDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<PublishResult> {
  const { post } = input;
  const settings = settingsOf(post);
  // A kept session is resumed, not started again: its videos.insert is already paid for.
  deps.quota.ensure(plannedCalls(post, !deps.sessions.get(input.idempotencyKey)), 'videos.insert');
  const media = post.media?.find((item) => item.kind === 'video');
  if (!media) {
    throw new InvalidContentError('A YouTube post is one video: attach exactly one video file.', [
      { path: ['media'], code: 'youtube:video-required', message: 'Attach one video.' },
    ]);
  }
  const thumbnail = settings.thumbnailUrl ? await fetchThumbnail(deps, settings.thumbnailUrl) : undefined;
  const video: VideoBytes = {
    data: await readMediaBytes(deps.context.http, media),
    mimeType: media.mimeType,
  };
  // The session stays kept until the publish has finished: a retry after any later failure probes it, finds the
  // video complete and goes on from there instead of uploading a second one.
  const uploaded = await upload(deps, credentials, input, video);
  const processed = await awaitProcessing(deps, credentials, uploaded).catch((error: unknown) => {
    // A rejected or failed video is final: a corrected post retried with this key must upload anew, not find
    // the rejected video again through the kept session.
    deps.sessions.forget(input.idempotencyKey);
    throw error;
  });
  const short = settings.format === 'short';
  const requested = settings.privacyStatus;
  if (processed.status?.privacyStatus && processed.status.privacyStatus !== requested) {
    deps.context.logger.warn('youtube.privacy-locked', {
      videoId: processed.id,
      requested,
      actual: processed.status.privacyStatus,
    });
  }
  await followUps(deps, credentials, processed.id, settings.playlistId, thumbnail);
  const firstComment = post.firstComment
    ? await postFirstComment(deps, credentials, processed.id, post.firstComment.text)
    : undefined;
  deps.sessions.forget(input.idempotencyKey);
  return {
    remoteId: processed.id,
    url: videoUrl(processed.id, short),
    publishedAt: processed.snippet?.publishedAt ?? deps.context.clock.now().toISOString(),
    ...(firstComment ? { firstComment } : {}),
  };
}

/** Resumes the session kept under this idempotency key, or starts one. */
async function upload(
  deps: YoutubeDeps,
  credentials: Credentials,
  input: PublishInput,
  video: VideoBytes,
): Promise<VideoResource> {
  const kept = deps.sessions.get(input.idempotencyKey);
  if (kept && kept.totalBytes === video.data.byteLength) {
    const state = await probeSession(deps, credentials, kept.uri, kept.totalBytes);
    if (state.kind === 'complete') {
      return state.video;
    }
    if (state.kind === 'incomplete') {
      return uploadFrom(deps, credentials, kept.uri, video, state.nextByte);
    }
    deps.sessions.forget(input.idempotencyKey);
  }
  const uri = await startSession(
    deps,
    credentials,
    videoResourceBody(input.post),
    video,
    settingsOf(input.post).notifySubscribers,
  );
  // Kept before the first byte: from here on a retry must resume, never start a second upload.
  deps.sessions.remember(input.idempotencyKey, {
    uri,
    totalBytes: video.data.byteLength,
    startedAt: deps.context.clock.now().toISOString(),
  });
  return uploadFrom(deps, credentials, uri, video, 0);
}

/** Thumbnail and playlist: the video is live either way, so a refusal is logged, not thrown. */
async function followUps(
  deps: YoutubeDeps,
  credentials: Credentials,
  videoId: string,
  playlistId: string | undefined,
  thumbnail: Thumbnail | undefined,
): Promise<void> {
  const { logger } = deps.context;
  if (thumbnail) {
    await setThumbnail(deps, credentials, videoId, thumbnail).catch((error: unknown) => {
      logger.warn('youtube.thumbnail-refused', { videoId, error: String(error) });
    });
  }
  if (playlistId) {
    await deps.api
      .call(
        {
          operation: 'publish',
          endpoint: 'playlistItems.insert',
          quota: 'playlistItems.insert',
          method: 'POST',
          url: `${deps.dataUrl}/playlistItems`,
          query: { part: 'snippet' },
          json: { snippet: { playlistId, resourceId: { kind: 'youtube#video', videoId } } },
          token: credentials.accessToken,
        },
        z.unknown(),
      )
      .catch((error: unknown) => {
        logger.warn('youtube.playlist-refused', { videoId, playlistId, error: String(error) });
      });
  }
}

async function postFirstComment(
  deps: YoutubeDeps,
  credentials: Credentials,
  videoId: string,
  text: string,
): Promise<RemotePostRef> {
  try {
    const thread = await deps.api.call(
      {
        operation: 'publish',
        endpoint: 'commentThreads.insert',
        quota: 'commentThreads.insert',
        method: 'POST',
        url: `${deps.dataUrl}/commentThreads`,
        query: { part: 'snippet' },
        json: { snippet: { videoId, topLevelComment: { snippet: { textOriginal: text } } } },
        token: credentials.accessToken,
      },
      commentThread,
    );
    return { remoteId: thread.id, url: commentUrl(videoId, thread.id) };
  } catch (error) {
    // The video is live: say so, or a retry would upload it a second time.
    throw new AmbiguousError(
      `Video ${videoId} is published (${videoUrl(videoId)}), but its first comment failed: ${String(error)}. Add the comment by hand.`,
      { cause: error, endpoint: 'commentThreads.insert' },
    );
  }
}

/** Every quota-charged call the publish makes, to refuse it whole before the first one. */
function plannedCalls(post: PublishInput['post'], newSession: boolean): YoutubeMethod[] {
  const settings = settingsOf(post);
  return [
    ...(newSession ? (['videos.insert'] as const) : []),
    'videos.list',
    ...(settings.thumbnailUrl ? (['thumbnails.set'] as const) : []),
    ...(settings.playlistId ? (['playlistItems.insert'] as const) : []),
    ...(post.firstComment ? (['commentThreads.insert'] as const) : []),
  ];
}

/** videos.delete; a video already gone counts as deleted. */
export async function deleteVideo(
  deps: YoutubeDeps,
  credentials: Credentials,
  remoteId: string,
): Promise<void> {
  await deps.api.call(
    {
      operation: 'delete',
      endpoint: 'videos.delete',
      quota: 'videos.delete',
      method: 'DELETE',
      url: `${deps.dataUrl}/videos`,
      query: { id: remoteId },
      token: credentials.accessToken,
      accept: [204, 404],
    },
    z.unknown(),
  );
}
