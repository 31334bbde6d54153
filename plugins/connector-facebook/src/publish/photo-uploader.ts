import { z, type Credentials, type MediaInput } from '@chorus/connector-sdk';
import type { FacebookDeps } from '../facebook-deps.js';

const photoResponse = z.object({ id: z.string().min(1), post_id: z.string().optional() });

export interface PhotoUpload {
  readonly caption?: string;
  /** false for the parts of a multi-photo post, which are attached to one /feed post afterwards. */
  readonly published: boolean;
}

/** POST /{page}/photos from the media library's URL, or the bytes as multipart `source` (2.2). */
export async function uploadPhoto(
  deps: FacebookDeps,
  credentials: Credentials,
  media: MediaInput,
  upload: PhotoUpload,
): Promise<z.output<typeof photoResponse>> {
  const fields: Record<string, string> = { published: String(upload.published) };
  if (upload.caption) {
    fields.caption = upload.caption;
  }
  if (media.altText) {
    fields.alt_text_custom = media.altText;
  }
  const request = {
    operation: 'publish' as const,
    endpoint: 'photos.upload',
    method: 'POST' as const,
    path: `/${credentials.accountId}/photos`,
    // A published photo is a post: a transient error after sending is ambiguous (unpublished parts may repeat).
    publishes: upload.published,
  };
  if (media.source.kind === 'url') {
    return deps
      .graph(credentials)
      .call({ ...request, form: { ...fields, url: media.source.url } }, photoResponse);
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    form.set(name, value);
  }
  form.set('source', new Blob([media.source.data], { type: media.mimeType }), media.fileName ?? 'photo');
  return deps.graph(credentials).call({ ...request, multipart: form }, photoResponse);
}
