import type { Credentials, Limits } from '@chorus/connector-sdk';
import { queryCreatorInfo } from '../publish/creator-info.js';
import type { TikTokDeps } from '../tiktok-deps.js';

const CACHE_MS = 60_000;

/**
 * The manifest's limits with the creator's own longest video (`max_video_post_duration_sec`, 7.2): TikTok says
 * to prefer the value it returns. Answers are kept a minute per account; when creator_info cannot be read the
 * manifest's limits apply (publish reads creator_info again and refuses what the creator cannot post).
 */
export function createCreatorLimits(deps: TikTokDeps) {
  const cache = new Map<string, { at: number; limits: Limits }>();
  return async (credentials: Credentials): Promise<Limits> => {
    const manifestLimits = deps.context.manifest.limits;
    const now = deps.context.clock.now().getTime();
    const cached = cache.get(credentials.accountId);
    if (cached && now - cached.at < CACHE_MS) {
      return cached.limits;
    }
    try {
      const creator = await queryCreatorInfo(deps, credentials, 'limits');
      const video = manifestLimits.media?.video;
      const limits: Limits =
        manifestLimits.media && video
          ? {
              ...manifestLimits,
              media: {
                ...manifestLimits.media,
                video: { ...video, maxDurationSeconds: creator.max_video_post_duration_sec },
              },
            }
          : manifestLimits;
      cache.set(credentials.accountId, { at: now, limits });
      return limits;
    } catch (error) {
      deps.context.logger.warn('TikTok: creator_info could not be read; the declared limits apply.', {
        accountId: credentials.accountId,
        error: error instanceof Error ? error.message : String(error),
      });
      // Kept the minute too: an account without video.publish (drafts only) must not ask on every validate.
      cache.set(credentials.accountId, { at: now, limits: manifestLimits });
      return manifestLimits;
    }
  };
}
