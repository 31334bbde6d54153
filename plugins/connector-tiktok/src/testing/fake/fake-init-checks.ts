import type { TikTokFakeConfig } from './fake-routing.js';
import type { UserRecord } from './fake-state.js';

const MB = 1024 * 1024;
export const FAKE_CHUNK_RULES = {
  minChunk: 5 * MB,
  maxChunk: 64 * MB,
  maxLastChunk: 128 * MB,
  maxChunks: 1000,
  maxVideo: 4 * 1024 * MB,
} as const;

export interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const invalid = (message: string): Refusal => ({ status: 400, code: 'invalid_params', message });

/** FILE_UPLOAD source_info against TikTok's chunk rules (network-apis.md 7.2). */
export function checkChunkPlan(source: Record<string, unknown>): Refusal | undefined {
  const { video_size: size, chunk_size: chunk, total_chunk_count: count } = source;
  if (![size, chunk, count].every((value) => Number.isInteger(value) && (value as number) > 0)) {
    return invalid('source_info needs positive integers video_size, chunk_size and total_chunk_count.');
  }
  const [videoSize, chunkSize, chunks] = [size, chunk, count] as [number, number, number];
  const rules = FAKE_CHUNK_RULES;
  if (videoSize > rules.maxVideo) {
    return invalid(`video_size ${videoSize} is over the 4 GB limit.`);
  }
  if (videoSize < rules.minChunk) {
    return chunkSize === videoSize && chunks === 1
      ? undefined
      : invalid('A video under 5 MB is uploaded as one chunk of its own size.');
  }
  if (chunkSize < rules.minChunk || chunkSize > rules.maxChunk) {
    return invalid(`chunk_size ${chunkSize} must be between 5 MB and 64 MB.`);
  }
  if (chunks !== Math.floor(videoSize / chunkSize)) {
    return invalid(
      `total_chunk_count must be floor(video_size / chunk_size) = ${Math.floor(videoSize / chunkSize)}.`,
    );
  }
  if (chunks > rules.maxChunks) {
    return invalid(`total_chunk_count ${chunks} is over 1000.`);
  }
  const last = videoSize - chunkSize * (chunks - 1);
  if (last > rules.maxLastChunk) {
    return invalid(`The last chunk would be ${last} bytes; it may be at most 128 MB.`);
  }
  return undefined;
}

/** post_info of a Direct Post against the creator's options and the app's audit status (7.1, 7.2). */
export function checkPrivacy(
  postInfo: Record<string, unknown>,
  user: UserRecord,
  config: TikTokFakeConfig,
): Refusal | { privacyLevel: string } {
  const level = postInfo.privacy_level;
  if (typeof level !== 'string' || !user.privacyLevelOptions.includes(level)) {
    return {
      status: 400,
      code: 'privacy_level_option_mismatch',
      message: `privacy_level must be one of ${user.privacyLevelOptions.join(', ')}.`,
    };
  }
  if (!config.audited) {
    if (!user.privateAccount) {
      return {
        status: 403,
        code: 'unaudited_client_can_only_post_to_private_accounts',
        message: 'Unaudited clients can only post to private accounts.',
      };
    }
    return { privacyLevel: 'SELF_ONLY' }; // forced private until the app is audited
  }
  return { privacyLevel: level };
}

const utf16 = (value: unknown) => (typeof value === 'string' ? value.length : 0);

export function checkTexts(kind: 'video' | 'photo', postInfo: Record<string, unknown>): Refusal | undefined {
  if (kind === 'video' && utf16(postInfo.title) > 2200) {
    return invalid('post_info.title is over 2200 characters.');
  }
  if (kind === 'photo' && utf16(postInfo.title) > 90) {
    return invalid('post_info.title of a photo post is over 90 characters.');
  }
  if (kind === 'photo' && utf16(postInfo.description) > 4000) {
    return invalid('post_info.description is over 4000 characters.');
  }
  return undefined;
}
