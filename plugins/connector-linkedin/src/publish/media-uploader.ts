import {
  InvalidContentError,
  RetriableError,
  readMediaBytes,
  z,
  type Credentials,
  type MediaInput,
} from '@chorus/connector-sdk';
import type { LinkedinApi } from '../api/linkedin-api.js';
import { unreadable } from '../api/linkedin-api.js';
import { encodeUrn } from '../api/urn.js';
import { authorOf, type LinkedinDeps } from '../linkedin-deps.js';

const imageInit = z.object({
  value: z.object({ uploadUrl: z.string().url(), image: z.string().startsWith('urn:li:image:') }),
});
const videoInit = z.object({
  value: z.object({
    video: z.string().startsWith('urn:li:video:'),
    uploadToken: z.string(),
    uploadInstructions: z
      .array(
        z.object({ uploadUrl: z.string().url(), firstByte: z.number().int(), lastByte: z.number().int() }),
      )
      .min(1),
  }),
});
const mediaStatus = z.object({
  status: z.enum(['WAITING_UPLOAD', 'PROCESSING', 'AVAILABLE', 'PROCESSING_FAILED']),
  processingFailureReason: z.string().optional(),
});

/**
 * Uploads one image, GIF or video before the post (network-apis.md 6.3) and waits until LinkedIn has processed
 * it. Upload steps create new URNs and are safe to repeat (6.7): a failure here published nothing.
 */
export async function uploadMedia(
  deps: LinkedinDeps,
  credentials: Credentials,
  media: MediaInput,
): Promise<string> {
  const api = deps.api(credentials);
  const bytes = await readMediaBytes(deps.context.http, media);
  const urn =
    media.kind === 'video'
      ? await uploadVideo(api, authorOf(credentials), bytes)
      : await uploadImage(api, authorOf(credentials), bytes);
  await waitUntilAvailable(deps, api, urn, media);
  return urn;
}

async function uploadImage(api: LinkedinApi, owner: string, bytes: Uint8Array): Promise<string> {
  const init = await api.json(
    {
      operation: 'publish',
      endpoint: 'images.initialize',
      method: 'POST',
      path: '/rest/images?action=initializeUpload',
      json: { initializeUploadRequest: { owner } },
    },
    (value) => imageInit.parse(value).value,
  );
  await api.call({
    operation: 'publish',
    endpoint: 'images.upload',
    method: 'PUT',
    path: 'upload',
    url: init.uploadUrl,
    bytes,
  });
  return init.image;
}

/** initializeUpload → PUT each byte range, keeping each part's ETag in order → finalizeUpload. */
async function uploadVideo(api: LinkedinApi, owner: string, bytes: Uint8Array): Promise<string> {
  const init = await api.json(
    {
      operation: 'publish',
      endpoint: 'videos.upload',
      method: 'POST',
      path: '/rest/videos?action=initializeUpload',
      json: {
        initializeUploadRequest: {
          owner,
          fileSizeBytes: bytes.length,
          uploadCaptions: false,
          uploadThumbnail: false,
        },
      },
    },
    (value) => videoInit.parse(value).value,
  );
  const etags: string[] = [];
  for (const part of init.uploadInstructions) {
    const uploaded = await api.call({
      operation: 'publish',
      endpoint: 'videos.upload',
      method: 'PUT',
      path: 'upload',
      url: part.uploadUrl,
      bytes: bytes.subarray(part.firstByte, part.lastByte + 1),
    });
    const etag = uploaded.headers.get('etag');
    if (!etag) {
      throw unreadable(
        { operation: 'publish', endpoint: 'videos.upload', path: 'video part upload' },
        'no ETag for an uploaded part',
      );
    }
    etags.push(etag);
  }
  await api.call({
    operation: 'publish',
    endpoint: 'videos.upload',
    method: 'POST',
    path: '/rest/videos?action=finalizeUpload',
    json: {
      finalizeUploadRequest: { video: init.video, uploadToken: init.uploadToken, uploadedPartIds: etags },
    },
  });
  return init.video;
}

async function waitUntilAvailable(
  deps: LinkedinDeps,
  api: LinkedinApi,
  urn: string,
  media: MediaInput,
): Promise<void> {
  const { clock } = deps.context;
  const resource = urn.startsWith('urn:li:video:') ? 'videos' : 'images';
  const deadline = clock.now().getTime() + deps.config.mediaTimeoutMs;
  for (;;) {
    const status = await api.json(
      { operation: 'publish', endpoint: `${resource}.read`, path: `/rest/${resource}/${encodeUrn(urn)}` },
      (value) => mediaStatus.parse(value),
    );
    if (status.status === 'AVAILABLE') {
      return;
    }
    if (status.status === 'PROCESSING_FAILED') {
      throw new InvalidContentError(
        `LinkedIn could not process the ${media.kind}${status.processingFailureReason ? `: ${status.processingFailureReason}` : ''}; nothing was posted.`,
      );
    }
    if (clock.now().getTime() >= deadline) {
      throw new RetriableError(
        `LinkedIn was still processing the ${media.kind} after ${deps.config.mediaTimeoutMs} ms; nothing was posted.`,
      );
    }
    await clock.sleep(deps.config.mediaPollIntervalMs);
  }
}
