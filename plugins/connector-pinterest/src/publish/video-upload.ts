import {
  InvalidContentError,
  readMediaBytes,
  RetriableError,
  type Credentials,
  type MediaInput,
} from '@chorus/connector-sdk';
import { mediaRegistration, mediaStatus } from '../api/pinterest-schemas.js';
import type { PinterestDeps } from '../pinterest-deps.js';

/**
 * A video through Pinterest's media flow (9.2): register (`POST /v5/media`), upload the bytes to the presigned
 * URL with every upload parameter before the file, then poll `GET /v5/media/{id}` until `succeeded`.
 * Registration is safe to repeat, so every failure here is at most retriable: no pin exists yet.
 */
export async function uploadVideo(
  deps: PinterestDeps,
  credentials: Credentials,
  video: MediaInput,
): Promise<string> {
  const registration = await deps.api.call(
    {
      operation: 'publish',
      write: false,
      endpoint: 'media.register',
      method: 'POST',
      path: '/v5/media',
      json: { media_type: 'video' },
      token: credentials.accessToken,
    },
    mediaRegistration,
  );
  const bytes = await readMediaBytes(deps.context.http, video);
  const form = new FormData();
  for (const [key, value] of Object.entries(registration.upload_parameters)) {
    form.append(key, value);
  }
  form.append('file', new Blob([bytes], { type: video.mimeType }), video.fileName ?? 'video');
  const response = await deps.context.http.fetch(registration.upload_url, {
    method: 'POST',
    body: form,
    endpoint: 'media.upload',
  });
  const answer = await response.text().catch(() => '');
  if (!response.ok) {
    throw uploadError(response.status, answer);
  }
  await waitUntilProcessed(deps, credentials, registration.media_id);
  return registration.media_id;
}

async function waitUntilProcessed(deps: PinterestDeps, credentials: Credentials, mediaId: string) {
  const { clock } = deps.context;
  const deadline = clock.now().getTime() + deps.config.mediaTimeoutSeconds * 1000;
  for (;;) {
    const { status } = await deps.api.call(
      {
        operation: 'publish',
        write: false,
        endpoint: 'media.status',
        path: `/v5/media/${encodeURIComponent(mediaId)}`,
        token: credentials.accessToken,
      },
      mediaStatus,
    );
    if (status === 'succeeded') {
      return;
    }
    if (status === 'failed') {
      throw new InvalidContentError(
        `Pinterest could not process the video (media ${mediaId}). Check that it is a valid MP4 or MOV file and upload it again.`,
        [
          {
            path: ['media', 0],
            code: 'pinterest:video-processing-failed',
            message: 'Pinterest could not process the video.',
          },
        ],
      );
    }
    if (clock.now().getTime() >= deadline) {
      throw new RetriableError(
        `The video (media ${mediaId}) was still ${status} after ${deps.config.mediaTimeoutSeconds} s; no pin was created, the publish will be retried.`,
      );
    }
    await clock.sleep(deps.config.mediaPollMs);
  }
}

/** The presigned upload answers S3-style XML; its Code says what went wrong. */
function uploadError(status: number, body: string) {
  const code = /<Code>([^<]{1,80})<\/Code>/u.exec(body)?.[1] ?? `HTTP ${status}`;
  const what = `The video upload to Pinterest's storage was refused (${code})`;
  if (code === 'EntityTooLarge') {
    return new InvalidContentError(`${what}: the file is too large. Compress or trim it.`, [
      { path: ['media', 0, 'sizeBytes'], code: 'pinterest:video-too-large', message: `${what}.` },
    ]);
  }
  // An expired or mismatched policy, or a storage hiccup: a new registration gives a fresh upload URL.
  return new RetriableError(`${what}; no pin was created, the publish will be retried.`, {
    endpoint: 'media.upload',
  });
}
