import type { HttpClient } from '../context/http-client.js';
import { RetriableError } from '../errors/connector-errors.js';
import type { MediaInput } from './post.js';

/** The bytes of a media item, downloading it from its signed URL when needed. */
export async function readMediaBytes(http: HttpClient, media: MediaInput): Promise<Uint8Array> {
  if (media.source.kind === 'bytes') {
    return media.source.data;
  }
  const response = await http.fetch(media.source.url, { endpoint: 'media.download' });
  if (!response.ok) {
    throw new RetriableError(
      `Could not download the media file (HTTP ${response.status}); nothing was published.`,
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}
