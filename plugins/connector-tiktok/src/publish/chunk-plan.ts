const MB = 1024 * 1024;
export const MIN_CHUNK = 5 * MB;
export const MAX_CHUNK = 64 * MB;
export const MAX_LAST_CHUNK = 128 * MB;
export const MAX_CHUNKS = 1000;

export interface ChunkPlan {
  readonly videoSize: number;
  readonly chunkSize: number;
  readonly totalChunkCount: number;
}

/**
 * TikTok's chunk rules (network-apis.md 7.2): files under 5 MB go in one chunk of their own size; otherwise
 * chunks of 5 to 64 MB, `total_chunk_count = floor(size / chunk)`, the last chunk absorbing the remainder (up to
 * 128 MB), at most 1,000 chunks. A file too large for 1,000 chunks of the preferred size gets larger chunks.
 */
export function planChunks(videoSize: number, preferredChunk: number): ChunkPlan {
  if (videoSize < MIN_CHUNK) {
    return { videoSize, chunkSize: videoSize, totalChunkCount: 1 };
  }
  let chunkSize = Math.min(Math.max(preferredChunk, MIN_CHUNK), MAX_CHUNK, videoSize);
  chunkSize = Math.max(chunkSize, Math.ceil(videoSize / MAX_CHUNKS));
  return { videoSize, chunkSize, totalChunkCount: Math.floor(videoSize / chunkSize) };
}

/** Byte ranges [first, last] of each chunk, the last one absorbing the remainder. */
export function chunkRanges(plan: ChunkPlan): [number, number][] {
  const ranges: [number, number][] = [];
  for (let index = 0; index < plan.totalChunkCount; index += 1) {
    const first = index * plan.chunkSize;
    const last = index === plan.totalChunkCount - 1 ? plan.videoSize - 1 : first + plan.chunkSize - 1;
    ranges.push([first, last]);
  }
  return ranges;
}
