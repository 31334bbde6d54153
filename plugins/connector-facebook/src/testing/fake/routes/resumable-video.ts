import { graphError, invalidParameter, ok, type GraphFakeRequest } from '@chorus/meta-graph/testing';
import type { TokenRecord, VideoRecord } from '../facebook-state.js';
import type { RouteDeps } from '../route-deps.js';

type NewVideo = (deps: RouteDeps, pageId: string, reel: boolean, description: string) => VideoRecord;

/**
 * The resumable upload of a large Page video (network-apis.md 2.2 "Video", large): `upload_phase=start` with
 * `file_size` opens a session and names the first byte window; each `transfer` sends exactly the window asked
 * for (`start_offset`, multipart `video_file_chunk`) and gets the next; `finish` publishes once every byte is in.
 */
export function resumableVideoPhase(
  deps: RouteDeps,
  request: GraphFakeRequest,
  token: TokenRecord,
  newVideo: NewVideo,
) {
  const { state, config } = deps;
  const phase = request.params.upload_phase;
  const window = (from: number, size: number) => ({
    start_offset: String(from),
    end_offset: String(Math.min(from + config.videoChunkBytes, size)),
  });
  if (phase === 'start') {
    const size = Number(request.params.file_size);
    if (!/^\d+$/u.test(request.params.file_size ?? '') || size <= 0) {
      return invalidParameter('file_size must be a positive number of bytes');
    }
    const video = newVideo(deps, token.pageId!, false, '');
    const session = {
      id: `${video.id}${state.nextId()}`,
      videoId: video.id,
      pageId: token.pageId!,
      fileSize: size,
      chunks: [] as Buffer[],
      received: 0,
      closed: false,
    };
    state.uploadSessions.set(session.id, session);
    return ok({ video_id: video.id, upload_session_id: session.id, ...window(0, size) });
  }
  const session = state.uploadSessions.get(request.params.upload_session_id ?? '');
  if (!session || session.pageId !== token.pageId || session.closed) {
    return invalidParameter('Invalid upload_session_id');
  }
  const video = state.videos.get(session.videoId)!;
  if (phase === 'transfer') {
    const chunk = request.files.video_file_chunk;
    if (!chunk) {
      return invalidParameter('Requires the param video_file_chunk');
    }
    if (request.params.start_offset !== String(session.received)) {
      return invalidParameter(
        `start_offset ${request.params.start_offset ?? '(missing)'} does not match the session, which expects ${session.received}`,
      );
    }
    const expected = Math.min(config.videoChunkBytes, session.fileSize - session.received);
    if (chunk.data.length !== expected) {
      return invalidParameter(
        `video_file_chunk has ${chunk.data.length} bytes; the window from ${session.received} has ${expected}`,
      );
    }
    session.chunks.push(chunk.data);
    session.received += chunk.data.length;
    return ok(window(session.received, session.fileSize));
  }
  if (phase === 'finish') {
    if (session.received < session.fileSize) {
      return graphError({
        code: 6000,
        message: `There was a problem uploading your video file: ${session.received} of ${session.fileSize} bytes were received`,
      });
    }
    video.description = request.params.description ?? '';
    video.uploaded = true;
    video.finished = true;
    session.closed = true;
    return ok({ success: true });
  }
  return invalidParameter('upload_phase must be start, transfer or finish');
}
