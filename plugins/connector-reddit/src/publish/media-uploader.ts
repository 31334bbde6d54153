import {
  classifyError,
  InvalidContentError,
  readMediaBytes,
  RetriableError,
  type Credentials,
  type MediaInput,
} from '@chorus/connector-sdk';
import { mediaAsset } from '../api/reddit-schemas.js';
import { summariseUnreadable } from '../api/map-error.js';
import type { RedditDeps } from '../reddit-deps.js';

export interface UploadedAsset {
  /** For gallery items (`media_id`). */
  readonly assetId: string;
  /** The S3 `<Location>`, for image and video posts (`url`, `video_poster_url`). */
  readonly url: string;
}

export interface AssetFile {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  readonly fileName: string;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
};

export function fileOf(media: MediaInput, bytes: Uint8Array): AssetFile {
  return {
    bytes,
    mimeType: media.mimeType,
    fileName: media.fileName ?? `upload.${EXTENSIONS[media.mimeType] ?? 'bin'}`,
  };
}

/**
 * Reddit's two-step media upload (network-apis.md 12.2): `POST /api/media/asset.json` leases an upload slot,
 * then the file goes to the S3 form it names (every field, then `file`), which answers XML with the file's
 * `<Location>`. Nothing is published yet, so any failure here is retriable with a new upload.
 */
export async function uploadAsset(
  deps: RedditDeps,
  credentials: Credentials,
  file: AssetFile,
): Promise<UploadedAsset> {
  try {
    const lease = await deps.api.call(
      {
        operation: 'publish',
        endpoint: 'media.asset',
        method: 'POST',
        path: '/api/media/asset.json',
        credentials,
        scope: 'submit',
        form: { filepath: file.fileName, mimetype: file.mimeType },
      },
      mediaAsset,
    );
    const form = new FormData();
    for (const field of lease.args.fields) {
      form.set(field.name, field.value);
    }
    form.set('file', new Blob([file.bytes], { type: file.mimeType }), file.fileName);
    // The action is scheme-relative (`//bucket.host`): it takes the API's scheme.
    const action = new URL(lease.args.action, deps.config.apiUrl);
    const response = await deps.context.http.fetch(action, {
      method: 'POST',
      body: form,
      endpoint: 'media.s3',
    });
    const xml = await response.text();
    const location = /<Location>([^<]+)<\/Location>/u.exec(xml)?.[1];
    if (!response.ok || !location) {
      const code = /<Code>([^<]+)<\/Code>/u.exec(xml)?.[1];
      throw new RetriableError(
        `The media storage refused the upload (HTTP ${response.status}${code ? `, ${code}` : ''}: ${location ? '' : `no <Location> in ${summariseUnreadable(xml)}`}); nothing was published.`,
        { endpoint: 'media.s3' },
      );
    }
    return { assetId: lease.asset.asset_id, url: decodeXml(location) };
  } catch (error) {
    const classified = classifyError(error, 'publish');
    if (classified.kind === 'ambiguous') {
      throw new RetriableError(`${classified.message} Only media was uploaded; nothing was published.`, {
        cause: error,
        endpoint: classified.endpoint,
      });
    }
    throw classified;
  }
}

export async function uploadMedia(
  deps: RedditDeps,
  credentials: Credentials,
  media: MediaInput,
): Promise<UploadedAsset> {
  const bytes = await readMediaBytes(deps.context.http, media);
  return uploadAsset(deps, credentials, fileOf(media, bytes));
}

/** The poster image of a video post, downloaded from its URL and uploaded like any asset. */
export async function uploadPoster(
  deps: RedditDeps,
  credentials: Credentials,
  posterUrl: string,
): Promise<UploadedAsset> {
  const response = await deps.context.http.fetch(posterUrl, { endpoint: 'media.download' });
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!response.ok) {
    throw new RetriableError(
      `The video poster ${posterUrl} could not be downloaded (HTTP ${response.status}); nothing was published.`,
    );
  }
  if (!['image/jpeg', 'image/png'].includes(type)) {
    throw new InvalidContentError(
      `The video poster ${posterUrl} is ${type || 'of no type'}, not a JPEG or PNG.`,
      [
        {
          path: ['settings', 'videoPosterUrl'],
          code: 'reddit:poster-not-an-image',
          message: 'The video poster must be a JPEG or PNG image.',
        },
      ],
    );
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return uploadAsset(deps, credentials, { bytes, mimeType: type, fileName: `poster.${EXTENSIONS[type]}` });
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');
}
