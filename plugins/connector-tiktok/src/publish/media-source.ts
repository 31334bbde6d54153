import type { MediaSource } from '@chorus/connector-sdk';
import type { TikTokConfig } from '../config.js';

/** True when TikTok may pull the file itself: a URL under a prefix verified in the developer portal (7.2). */
export function isVerifiedUrl(config: TikTokConfig, source: MediaSource): boolean {
  return source.kind === 'url' && config.verifiedUrlPrefixes.some((prefix) => source.url.startsWith(prefix));
}
