import { InvalidContentError, RetriableError, z, type Credentials } from '@chorus/connector-sdk';
import type { YoutubeDeps } from '../youtube-deps.js';

export const THUMBNAIL_TYPES = ['image/jpeg', 'image/png'];
export const THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;

export interface Thumbnail {
  readonly data: Uint8Array;
  readonly mimeType: string;
}

/** Downloads the thumbnail and checks type and size (8.2 step 5) before the video is uploaded. */
export async function fetchThumbnail(deps: YoutubeDeps, url: string): Promise<Thumbnail> {
  const response = await deps.context.http.fetch(url, { endpoint: 'media.download' });
  if (!response.ok) {
    throw new RetriableError(
      `Could not download the thumbnail (HTTP ${response.status}); nothing was published.`,
    );
  }
  const mimeType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const data = new Uint8Array(await response.arrayBuffer());
  const path = ['settings', 'thumbnailUrl'];
  if (!THUMBNAIL_TYPES.includes(mimeType)) {
    throw new InvalidContentError(
      `The thumbnail is ${mimeType || 'of no type'}; YouTube takes JPEG or PNG.`,
      [
        {
          path,
          code: 'media-type-not-allowed',
          limit: THUMBNAIL_TYPES,
          actual: mimeType,
          message: 'Use a JPEG or PNG.',
        },
      ],
    );
  }
  if (data.byteLength > THUMBNAIL_MAX_BYTES) {
    throw new InvalidContentError(`The thumbnail has ${data.byteLength} bytes; YouTube takes up to 2 MB.`, [
      {
        path,
        code: 'media-too-large',
        limit: THUMBNAIL_MAX_BYTES,
        actual: data.byteLength,
        message: 'Shrink it.',
      },
    ]);
  }
  return { data, mimeType };
}

/** thumbnails.set (50 units); the channel must be verified for custom thumbnails. */
export async function setThumbnail(
  deps: YoutubeDeps,
  credentials: Credentials,
  videoId: string,
  thumbnail: Thumbnail,
): Promise<void> {
  await deps.api.call(
    {
      operation: 'publish',
      endpoint: 'thumbnails.set',
      quota: 'thumbnails.set',
      method: 'POST',
      url: `${deps.uploadUrl}/thumbnails/set`,
      query: { videoId },
      headers: { 'content-type': thumbnail.mimeType },
      bytes: thumbnail.data,
      token: credentials.accessToken,
    },
    z.unknown(),
  );
}
