import { fail, type Exchange } from '../fake-http.js';
import type { Route, RouteDeps } from '../fake-routing.js';
import type { PublishJob } from '../fake-state.js';

const VIDEO_TYPES = new Set(['video/mp4', 'video/quicktime', 'video/webm']);

/**
 * `PUT <upload_url>`, one chunk at a time in order (network-apis.md 7.2): `Content-Range: bytes first-last/total`
 * must continue where the last chunk ended, each chunk is `chunk_size` bytes except the last, which absorbs the
 * remainder. Intermediate chunks answer 206, the last 201. The URL is valid for an hour.
 */
export function uploadRoutes(deps: RouteDeps): Route[] {
  const findJob = (exchange: Exchange): PublishJob | undefined => {
    const id = exchange.url.searchParams.get('upload_id');
    const token = exchange.url.searchParams.get('upload_token');
    return [...deps.state.jobs.values()].find(
      (job) => job.upload?.uploadId === id && job.upload.token === token,
    );
  };
  return [
    {
      method: 'PUT',
      path: /^\/upload\/video\/$/u,
      auth: 'none',
      handle(exchange) {
        const job = findJob(exchange);
        const upload = job?.upload;
        if (!job || !upload) {
          return fail(exchange, 404, 'invalid_params', 'Unknown upload_id or upload_token.');
        }
        if (deps.now() > upload.expiresAt) {
          return fail(
            exchange,
            403,
            'invalid_file_upload',
            'The upload_url expired (it is valid for 1 hour).',
          );
        }
        if (job.readyAt !== null) {
          return fail(exchange, 400, 'invalid_file_upload', 'The upload is already complete.');
        }
        const type = (exchange.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (!VIDEO_TYPES.has(type)) {
          return fail(
            exchange,
            400,
            'invalid_file_upload',
            'Content-Type must be video/mp4, video/quicktime or video/webm.',
          );
        }
        const range = /^bytes (\d+)-(\d+)\/(\d+)$/u.exec(exchange.headers['content-range'] ?? '');
        if (!range) {
          return fail(
            exchange,
            400,
            'invalid_file_upload',
            'Content-Range must read "bytes <first>-<last>/<total>".',
          );
        }
        const [first, last, total] = range.slice(1).map(Number) as [number, number, number];
        const isLast = upload.chunks === upload.totalChunkCount - 1;
        const expectedLength = isLast ? upload.videoSize - upload.received : upload.chunkSize;
        const problem =
          total !== upload.videoSize
            ? `The total ${total} is not the declared video_size ${upload.videoSize}.`
            : first !== upload.received
              ? `Chunks go in order: the next one starts at byte ${upload.received}.`
              : last - first + 1 !== expectedLength
                ? `This chunk must be ${expectedLength} bytes (${isLast ? 'the last absorbs the remainder' : 'chunk_size'}).`
                : exchange.rawBody.length !== expectedLength
                  ? `The body has ${exchange.rawBody.length} bytes; Content-Range says ${expectedLength}.`
                  : undefined;
        if (problem) {
          return fail(exchange, 400, 'invalid_file_upload', problem);
        }
        upload.received += exchange.rawBody.length;
        upload.chunks += 1;
        upload.mimeType = type;
        if (!isLast) {
          return exchange.send(206);
        }
        job.readyAt = deps.now();
        exchange.send(201);
      },
    },
  ];
}
