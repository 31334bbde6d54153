import { InvalidContentError, type Credentials } from '@chorus/connector-sdk';
import { videoList, type VideoResource } from '../api/youtube-schemas.js';
import type { YoutubeDeps } from '../youtube-deps.js';

/**
 * Waits while YouTube processes the upload (8.2 step 4), so that a rejection (a duplicate, a policy refusal)
 * or a failed transcode is reported instead of a success. Gives up waiting, not publishing, after
 * `processingTimeoutSeconds`: the video exists and YouTube finishes it on its own.
 */
export async function awaitProcessing(
  deps: YoutubeDeps,
  credentials: Credentials,
  video: VideoResource,
): Promise<VideoResource> {
  const { clock } = deps.context;
  const deadline = clock.now().getTime() + deps.config.processingTimeoutSeconds * 1000;
  let current = video;
  for (;;) {
    const upload = current.status?.uploadStatus;
    if (upload === 'failed' || upload === 'rejected' || upload === 'deleted') {
      const reason = current.status?.rejectionReason ?? current.status?.failureReason ?? upload;
      throw new InvalidContentError(
        `YouTube ${upload === 'rejected' ? 'rejected' : 'could not process'} video ${current.id} (${reason}). Fix the file and publish again.`,
        [{ path: ['media', 0], code: `youtube:upload-${upload}`, message: `YouTube: ${reason}` }],
      );
    }
    const processing = current.processingDetails?.processingStatus;
    if (processing === 'failed' || processing === 'terminated') {
      throw new InvalidContentError(`YouTube's processing of video ${current.id} ${processing}.`, [
        { path: ['media', 0], code: `youtube:processing-${processing}`, message: `Processing ${processing}` },
      ]);
    }
    if (upload === 'processed' || processing === 'succeeded' || clock.now().getTime() >= deadline) {
      return current;
    }
    await clock.sleep(deps.config.processingPollSeconds * 1000);
    const answer = await checkStatus(deps, credentials, current.id);
    if (!answer) {
      return current;
    }
    const next = answer.items[0];
    if (!next) {
      throw new InvalidContentError(`Video ${current.id} disappeared while YouTube processed it.`, []);
    }
    current = next;
  }
}

/**
 * One status check; undefined when it cannot be made (quota spent, throttled, a refused token, a failed read): the video exists,
 * so publish stops waiting rather than fail after the upload (a retried publish must not upload it again).
 */
async function checkStatus(deps: YoutubeDeps, credentials: Credentials, id: string) {
  try {
    return await deps.api.call(
      {
        operation: 'publish',
        endpoint: 'videos.list',
        quota: 'videos.list',
        url: `${deps.dataUrl}/videos`,
        query: { part: 'snippet,status,processingDetails', id },
        token: credentials.accessToken,
      },
      videoList,
    );
  } catch (error) {
    // Even a refused token (it can expire during a long upload): failing now would read as "not published" and
    // a retry after reconnecting, without the kept session, would upload the video a second time.
    deps.context.logger.warn('youtube.processing-unchecked', { videoId: id, error: String(error) });
    return undefined;
  }
}
