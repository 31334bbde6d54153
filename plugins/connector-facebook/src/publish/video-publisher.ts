import {
  AmbiguousError,
  InvalidContentError,
  isConnectorError,
  z,
  type Credentials,
  type MediaInput,
} from '@chorus/connector-sdk';
import { idResponse } from '@chorus/meta-graph';
import { NETWORK, type FacebookDeps } from '../facebook-deps.js';
import { uploadVideoInChunks } from './resumable-video-upload.js';

const phase = z.object({ status: z.string() }).optional();
const videoStatus = z.object({
  id: z.string(),
  // The Page post that shows the video, once it is published (`<page-id>_<post-id>`).
  post_id: z.string().min(1).optional(),
  status: z.object({
    video_status: z.string(),
    processing_progress: z.number().optional(),
    uploading_phase: phase,
    processing_phase: phase,
    publishing_phase: phase,
  }),
});
const reelStart = z.object({ video_id: z.string().min(1), upload_url: z.string().url() });

/**
 * A Page video post: POST /{page}/videos with file_url or multipart source (in chunks above
 * `videoResumableAboveBytes`), then wait until ready (2.2).
 * Resolves to the id of the Page post that shows the video (its `post_id`), not the video id: the post id is
 * what /published_posts lists, so publish and findPublished name the same thing.
 */
export async function publishFeedVideo(
  deps: FacebookDeps,
  credentials: Credentials,
  media: MediaInput,
  description: string,
): Promise<string> {
  const graph = deps.graph(credentials);
  const request = {
    operation: 'publish' as const,
    endpoint: 'videos.upload',
    method: 'POST' as const,
    path: `/${credentials.accountId}/videos`,
    publishes: true,
  };
  let created;
  if (media.source.kind === 'bytes' && media.source.data.byteLength > deps.config.videoResumableAboveBytes) {
    const { data } = media.source;
    created = { id: await uploadVideoInChunks(deps, credentials, data, media.mimeType, description) };
  } else if (media.source.kind === 'url') {
    created = await graph.call({ ...request, form: { file_url: media.source.url, description } }, idResponse);
  } else {
    const form = new FormData();
    form.set('description', description);
    form.set(
      'source',
      new Blob([media.source.data], { type: media.mimeType }),
      media.fileName ?? 'video.mp4',
    );
    created = await graph.call({ ...request, multipart: form }, idResponse);
  }
  return waitUntilReady(deps, credentials, created.id);
}

/**
 * A Reel: start (a video id and an upload URL on rupload.facebook.com), upload the bytes or hand over the file
 * URL, finish with video_state=PUBLISHED, then wait for the three phases (2.2 "Reels"). Resolves to the Reel's
 * Page post id, as for feed videos.
 */
export async function publishReel(
  deps: FacebookDeps,
  credentials: Credentials,
  media: MediaInput,
  description: string,
): Promise<string> {
  const graph = deps.graph(credentials);
  const path = `/${credentials.accountId}/video_reels`;
  const started = await graph.call(
    { operation: 'publish', endpoint: 'reels.start', method: 'POST', path, form: { upload_phase: 'start' } },
    reelStart,
  );
  const upload = {
    operation: 'publish' as const,
    endpoint: 'reels.upload',
    method: 'POST' as const,
    path,
    url: onUploadHost(deps, started.upload_url),
  };
  const uploaded = z.object({ success: z.literal(true) });
  if (media.source.kind === 'url') {
    await graph.call(
      {
        ...upload,
        headers: { authorization: `OAuth ${credentials.accessToken}`, file_url: media.source.url },
      },
      uploaded,
    );
  } else {
    await graph.call(
      {
        ...upload,
        headers: {
          authorization: `OAuth ${credentials.accessToken}`,
          offset: '0',
          file_size: String(media.source.data.byteLength),
          'content-type': 'application/octet-stream',
        },
        binary: media.source.data,
      },
      uploaded,
    );
  }
  await graph.call(
    {
      operation: 'publish',
      endpoint: 'reels.finish',
      method: 'POST',
      path,
      form: { upload_phase: 'finish', video_id: started.video_id, video_state: 'PUBLISHED', description },
      publishes: true,
    },
    z.object({ success: z.literal(true) }),
  );
  return waitUntilReady(deps, credentials, started.video_id);
}

/**
 * The post id of the video once it is ready. Once the video exists, a failure to read its status must not be
 * retried as if nothing happened.
 */
async function waitUntilReady(
  deps: FacebookDeps,
  credentials: Credentials,
  videoId: string,
): Promise<string> {
  try {
    return await pollStatus(deps, credentials, videoId);
  } catch (error) {
    if (isConnectorError(error) && (error.kind === 'invalid-content' || error.kind === 'ambiguous')) {
      throw error;
    }
    throw new AmbiguousError(
      `${NETWORK} accepted video ${videoId} but its status could not be read (${(error as Error).message}); it may still appear.`,
      { cause: error },
    );
  }
}

async function pollStatus(deps: FacebookDeps, credentials: Credentials, videoId: string): Promise<string> {
  const { clock } = deps.context;
  const deadline = clock.now().getTime() + deps.config.videoTimeoutMs;
  for (;;) {
    const found = await deps.graph(credentials).call(
      {
        operation: 'publish',
        endpoint: 'videos.status',
        path: `/${videoId}`,
        query: { fields: 'id,status,post_id' },
      },
      videoStatus,
    );
    const { status } = found;
    const failed = [status.uploading_phase, status.processing_phase, status.publishing_phase].some(
      (item) => item?.status === 'error',
    );
    if (status.video_status === 'error' || failed) {
      throw new InvalidContentError(
        `${NETWORK} could not process the video (${videoId}); check its format and length.`,
        [
          {
            path: ['media', 0],
            code: 'meta:video-error',
            message: `${NETWORK} rejected the video while processing it.`,
          },
        ],
      );
    }
    const published = (status.publishing_phase?.status ?? 'complete') === 'complete';
    // A ready video without its post yet is not visible on the Page: keep waiting for the post id.
    if (status.video_status === 'ready' && published && found.post_id) {
      return found.post_id;
    }
    if (clock.now().getTime() + deps.config.videoPollIntervalMs > deadline) {
      // The video exists and may still appear: reconciliation decides, never a blind retry.
      throw new AmbiguousError(
        `${NETWORK} was still processing video ${videoId} after ${deps.config.videoTimeoutMs / 1000} s; it may still appear.`,
      );
    }
    await clock.sleep(deps.config.videoPollIntervalMs);
  }
}

/**
 * The upload URL Meta names, on the configured upload host: rupload.facebook.com by default, a proxy or a fake
 * where configured. Only its path is taken (/video-upload/<version>/<video-id>).
 */
function onUploadHost(deps: FacebookDeps, uploadUrl: string): string {
  const named = new URL(uploadUrl);
  return new URL(`${named.pathname}${named.search}`, deps.config.ruploadUrl).toString();
}
