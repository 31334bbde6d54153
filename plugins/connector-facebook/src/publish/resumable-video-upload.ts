import { RetriableError, z, type Credentials } from '@chorus/connector-sdk';
import { NETWORK, type FacebookDeps } from '../facebook-deps.js';

const offset = z.union([z.string().regex(/^\d+$/u), z.number().int().min(0)]).transform(Number);
const byteWindow = z.object({ start_offset: offset, end_offset: offset });
const started = byteWindow.extend({
  video_id: z.string().min(1),
  upload_session_id: z.string().min(1),
});
const finished = z.object({ success: z.literal(true) });

/**
 * The resumable upload of a large Page video (2.2 "Video", large): `upload_phase=start` with `file_size`, then
 * `transfer` each byte window the session names (`start_offset` to `end_offset`, multipart `video_file_chunk`)
 * until the windows meet, then `finish` with the description. Nothing is published before `finish`, so a
 * failure before it leaves only an unpublished, invisible video. Resolves to the video id.
 */
export async function uploadVideoInChunks(
  deps: FacebookDeps,
  credentials: Credentials,
  data: Uint8Array,
  mimeType: string,
  description: string,
): Promise<string> {
  const graph = deps.graph(credentials);
  const request = {
    operation: 'publish' as const,
    method: 'POST' as const,
    path: `/${credentials.accountId}/videos`,
  };
  const session = await graph.call(
    {
      ...request,
      endpoint: 'videos.upload-start',
      form: { upload_phase: 'start', file_size: data.byteLength },
    },
    started,
  );
  let window = { start: session.start_offset, end: session.end_offset };
  while (window.start < window.end) {
    if (window.end > data.byteLength || window.start > data.byteLength) {
      // Nothing is published before finish: a fresh session on the next attempt is safe.
      throw new RetriableError(
        `${NETWORK} asked for bytes ${window.start}-${window.end} of a ${data.byteLength}-byte video; upload again.`,
      );
    }
    const form = new FormData();
    form.set('upload_phase', 'transfer');
    form.set('upload_session_id', session.upload_session_id);
    form.set('start_offset', String(window.start));
    form.set(
      'video_file_chunk',
      new Blob([data.subarray(window.start, window.end)], { type: mimeType }),
      'chunk',
    );
    const next = await graph.call(
      { ...request, endpoint: 'videos.upload-transfer', multipart: form },
      byteWindow,
    );
    if (next.start_offset <= window.start) {
      throw new RetriableError(
        `${NETWORK}'s upload session did not move past byte ${window.start}; upload again.`,
      );
    }
    window = { start: next.start_offset, end: next.end_offset };
  }
  await graph.call(
    {
      ...request,
      endpoint: 'videos.upload-finish',
      form: { upload_phase: 'finish', upload_session_id: session.upload_session_id, description },
      publishes: true,
    },
    finished,
  );
  return session.video_id;
}
