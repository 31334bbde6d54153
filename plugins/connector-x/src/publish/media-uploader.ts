import {
  InvalidContentError,
  readMediaBytes,
  RetriableError,
  type Credentials,
  type MediaInput,
  z,
} from '@chorus/connector-sdk';
import { anyData, mediaResponse, processingInfo, type ProcessingInfo } from '../api/x-schemas.js';
import type { XDeps } from '../x-deps.js';

// segment_index runs from 0 to 999 (network-apis.md 5.2): a large file gets larger chunks.
const MAX_SEGMENTS = 1000;
const statusResponse = z.object({
  data: z.object({ id: z.string(), processing_info: processingInfo.optional() }),
});

const categoryOf = (media: MediaInput) =>
  media.kind === 'video' ? 'tweet_video' : media.kind === 'gif' ? 'tweet_gif' : 'tweet_image';

/**
 * Uploads one media item through X's v2 media API and returns its media id, once X can attach it: images by
 * simple upload, videos and GIFs in chunks (initialize, append, finalize, then STATUS until processing ends),
 * then the alt text. Nothing is published yet, so a failure here is safe to retry with a new upload.
 */
export async function uploadMedia(deps: XDeps, credentials: Credentials, media: MediaInput): Promise<string> {
  const { api } = deps;
  const bytes = await readMediaBytes(deps.context.http, media);
  const token = credentials.accessToken;
  let id: string;
  if (media.kind === 'image') {
    const form = new FormData();
    form.set('media', new Blob([bytes], { type: media.mimeType }), media.fileName ?? 'image');
    form.set('media_category', categoryOf(media));
    const created = await api.call(
      {
        operation: 'publish',
        endpoint: 'media.upload',
        method: 'POST',
        path: '/2/media/upload',
        token,
        form,
      },
      mediaResponse,
    );
    id = created.data.id;
  } else {
    id = await uploadInChunks(deps, token, media, bytes);
  }
  if (media.altText) {
    await api.call(
      {
        operation: 'publish',
        endpoint: 'media.metadata',
        method: 'POST',
        path: '/2/media/metadata',
        token,
        json: { id, metadata: { alt_text: { text: media.altText } } },
      },
      anyData,
    );
  }
  return id;
}

async function uploadInChunks(
  deps: XDeps,
  token: string,
  media: MediaInput,
  bytes: Uint8Array,
): Promise<string> {
  const { api, config } = deps;
  const initialized = await api.call(
    {
      operation: 'publish',
      endpoint: 'media.initialize',
      method: 'POST',
      path: '/2/media/upload/initialize',
      token,
      json: { media_type: media.mimeType, total_bytes: bytes.length, media_category: categoryOf(media) },
    },
    mediaResponse,
  );
  const id = initialized.data.id;
  const chunk = Math.max(config.chunkBytes, Math.ceil(bytes.length / MAX_SEGMENTS));
  for (let index = 0; index * chunk < bytes.length; index += 1) {
    const form = new FormData();
    form.set('segment_index', String(index));
    form.set('media', new Blob([bytes.subarray(index * chunk, (index + 1) * chunk)]), 'chunk');
    await api.exchange(
      {
        operation: 'publish',
        endpoint: 'media.append',
        method: 'POST',
        path: `/2/media/upload/${id}/append`,
        token,
        form,
        accept: [200, 204],
      },
      z.unknown(),
    );
  }
  const finalized = await api.call(
    {
      operation: 'publish',
      endpoint: 'media.finalize',
      method: 'POST',
      path: `/2/media/upload/${id}/finalize`,
      token,
    },
    mediaResponse,
  );
  await waitForProcessing(deps, token, id, finalized.data.processing_info);
  return id;
}

/** Polls STATUS honouring check_after_secs until succeeded; failed is refused content, too long is retriable. */
async function waitForProcessing(
  deps: XDeps,
  token: string,
  id: string,
  first: ProcessingInfo | undefined,
): Promise<void> {
  // The context's clock, not the process's: tests and the host's scheduler decide how time passes.
  const { clock } = deps.context;
  const deadline = clock.now().getTime() + deps.config.mediaTimeoutSeconds * 1000;
  let info = first;
  while (info && info.state !== 'succeeded') {
    if (info.state === 'failed') {
      const reason = info.error?.message ?? 'X could not process the file';
      throw new InvalidContentError(`X refused the media: ${reason}. Nothing was published.`, [
        { path: ['media'], code: 'x-twitter:media-processing-failed', message: reason },
      ]);
    }
    const wait = (info.check_after_secs ?? 1) * 1000;
    if (clock.now().getTime() + wait > deadline) {
      throw new RetriableError(
        `X was still processing media ${id} after ${deps.config.mediaTimeoutSeconds} s; nothing was published.`,
        { endpoint: 'media.status' },
      );
    }
    await clock.sleep(wait);
    const status = await deps.api.call(
      {
        operation: 'publish',
        endpoint: 'media.status',
        path: '/2/media/upload',
        query: { command: 'STATUS', media_id: id },
        token,
      },
      statusResponse,
    );
    info = status.data.processing_info ?? { state: 'succeeded' };
  }
}
