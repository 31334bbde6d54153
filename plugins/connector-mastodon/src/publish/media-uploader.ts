import { RetriableError, readMediaBytes, type Credentials, type MediaInput } from '@chorus/connector-sdk';
import type { MastodonMediaAttachment } from '../api/entities.js';
import type { MastodonDeps } from '../mastodon-deps.js';

/**
 * Uploads one attachment with its alt text and waits until the server has processed it: 200 means ready,
 * 202 means processing, and GET /api/v1/media/:id answers 206 until it is done. Uploads have no idempotency
 * key; an unused upload is removed by the server, so a retry may simply upload again.
 */
export async function uploadMedia(
  deps: MastodonDeps,
  credentials: Credentials,
  media: MediaInput,
): Promise<string> {
  const api = deps.api(credentials);
  const bytes = await readMediaBytes(deps.context.http, media);
  const form = new FormData();
  form.set('file', new Blob([bytes], { type: media.mimeType }), media.fileName ?? defaultName(media));
  if (media.altText) {
    form.set('description', media.altText);
  }
  const uploaded = await api.call<MastodonMediaAttachment>({
    operation: 'publish',
    endpoint: 'media.upload',
    method: 'POST',
    path: '/api/v2/media',
    form,
  });
  if (uploaded.status === 200 && uploaded.body.url !== null) {
    return uploaded.body.id;
  }
  const { clock } = deps.context;
  const deadline = clock.now().getTime() + deps.config.mediaTimeoutMs;
  while (clock.now().getTime() < deadline) {
    await clock.sleep(deps.config.mediaPollIntervalMs);
    const polled = await api.call<MastodonMediaAttachment>({
      operation: 'publish',
      endpoint: 'media.read',
      path: `/api/v1/media/${encodeURIComponent(uploaded.body.id)}`,
    });
    if (polled.status === 200) {
      return polled.body.id;
    }
  }
  throw new RetriableError(
    `Mastodon was still processing the ${media.kind} after ${deps.config.mediaTimeoutMs} ms; nothing was posted.`,
  );
}

function defaultName(media: MediaInput): string {
  const extension = media.mimeType.split('/')[1]?.replace('quicktime', 'mov') ?? 'bin';
  return `${media.kind}.${extension}`;
}
