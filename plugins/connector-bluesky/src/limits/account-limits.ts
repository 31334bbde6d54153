import type { Limits } from '@chorus/connector-sdk';
import type { BlueskyConfig } from '../config.js';

/**
 * The limits in force: without a video service the file is stored as it is, and the post lexicon accepts only
 * MP4 (the service transcodes other formats).
 */
export function effectiveLimits(limits: Limits, config: BlueskyConfig): Limits {
  const video = limits.media?.video;
  if (config.video !== 'pds' || !limits.media || !video) {
    return limits;
  }
  return { ...limits, media: { ...limits.media, video: { ...video, mimeTypes: ['video/mp4'] } } };
}
