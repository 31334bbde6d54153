import { AmbiguousError, classifyError, RetriableError, type ConnectorError } from '@chorus/connector-sdk';
import { mapTikTokError, summariseUnreadable } from '../api/map-error.js';
import type { TikTokDeps } from '../tiktok-deps.js';
import { chunkRanges, type ChunkPlan } from './chunk-plan.js';

const ENDPOINT = 'post.upload';

/**
 * Sends the file to `upload_url` chunk by chunk, in order, each `PUT` with its `Content-Range` (7.2).
 * Intermediate chunks answer 206 and the last one 201. A failure before the last chunk leaves an incomplete
 * upload that TikTok cannot publish: retriable. A last chunk without a readable answer may have completed the
 * upload, and then TikTok publishes: ambiguous.
 */
export async function uploadChunks(
  deps: TikTokDeps,
  uploadUrl: string,
  plan: ChunkPlan,
  bytes: Uint8Array,
  mimeType: string,
): Promise<void> {
  const ranges = chunkRanges(plan);
  for (const [index, [first, last]] of ranges.entries()) {
    const final = index === ranges.length - 1;
    try {
      await putChunk(deps, uploadUrl, bytes.subarray(first, last + 1), first, last, plan, mimeType);
    } catch (error) {
      throw chunkFailure(error, index, ranges.length, final);
    }
  }
}

async function putChunk(
  deps: TikTokDeps,
  uploadUrl: string,
  chunk: Uint8Array,
  first: number,
  last: number,
  plan: ChunkPlan,
  mimeType: string,
): Promise<void> {
  const response = await deps.context.http.fetch(uploadUrl, {
    method: 'PUT',
    endpoint: ENDPOINT,
    headers: {
      'content-type': mimeType,
      'content-range': `bytes ${first}-${last}/${plan.videoSize}`,
    },
    body: chunk,
  });
  const text = await response.text().catch(() => '');
  if ([200, 201, 206].includes(response.status)) {
    return;
  }
  let code: string | undefined;
  let message: string | undefined;
  let logId: string | undefined;
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string; log_id?: string } })
      .error;
    ({ code, message, log_id: logId } = error ?? {});
  } catch {
    message = summariseUnreadable(text);
  }
  throw mapTikTokError(
    { status: response.status, code, message, logId, retryAfter: response.headers.get('retry-after') },
    { operation: 'publish', endpoint: ENDPOINT, now: deps.context.clock.now() },
  );
}

function chunkFailure(error: unknown, index: number, count: number, final: boolean): ConnectorError {
  const classified = classifyError(error, 'publish');
  const where = `chunk ${index + 1} of ${count}`;
  if (classified.kind === 'ambiguous' && final) {
    return new AmbiguousError(
      `${classified.message} (the last ${where}: TikTok may have the whole file and publish it; reconcile before retrying)`,
      { cause: error, endpoint: ENDPOINT },
    );
  }
  if (classified.kind === 'ambiguous' || classified.kind === 'retriable') {
    return new RetriableError(
      `${classified.message} (${where}: the upload is incomplete, so nothing was published)`,
      { cause: error, endpoint: ENDPOINT },
    );
  }
  return classified;
}
