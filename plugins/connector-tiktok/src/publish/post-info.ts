import type { MediaInput } from '@chorus/connector-sdk';
import type { CreatorInfo } from '../api/tiktok-schemas.js';
import type { TikTokConfig, TikTokPostSettings } from '../config.js';
import { contentError } from '../api/map-error.js';

/**
 * Checks the post against the creator's options and builds TikTok's `post_info` (network-apis.md 7.2). The
 * privacy level must be one the creator may use; a setting the creator has turned off stays off (TikTok's UX
 * rules show it disabled); a video longer than the creator's maximum is refused before any upload.
 */
export function videoPostInfo(
  creator: CreatorInfo,
  settings: TikTokPostSettings,
  config: TikTokConfig,
  caption: string,
  video: MediaInput,
): Record<string, unknown> {
  const max = creator.max_video_post_duration_sec;
  if (video.durationSeconds !== undefined && video.durationSeconds > max) {
    throw contentError(
      'duration_check_failed',
      `The video lasts ${video.durationSeconds} s; this TikTok creator may post up to ${max} s. Trim it. Nothing was uploaded.`,
      ['media', 0, 'durationSeconds'],
    );
  }
  return {
    title: caption,
    privacy_level: privacyLevel(creator, settings, config),
    disable_comment: settings.disableComment || creator.comment_disabled,
    disable_duet: settings.disableDuet || creator.duet_disabled,
    disable_stitch: settings.disableStitch || creator.stitch_disabled,
    ...(settings.videoCoverTimestampMs === undefined
      ? {}
      : { video_cover_timestamp_ms: settings.videoCoverTimestampMs }),
    brand_content_toggle: settings.brandContent,
    brand_organic_toggle: settings.brandOrganic,
    is_aigc: settings.madeWithAi,
  };
}

/**
 * Photo posts have a title and a description, and no duet, stitch or AIGC flags (7.2); without creator info
 * (a draft for the inbox) there is no privacy level: the creator chooses it in the app.
 */
export function photoPostInfo(
  creator: CreatorInfo | undefined,
  settings: TikTokPostSettings,
  config: TikTokConfig,
  description: string,
): Record<string, unknown> {
  return {
    title: settings.photoTitle ?? '',
    description,
    ...(creator ? { privacy_level: privacyLevel(creator, settings, config) } : {}),
    disable_comment: settings.disableComment || (creator?.comment_disabled ?? false),
    auto_add_music: settings.autoAddMusic,
    brand_content_toggle: settings.brandContent,
    brand_organic_toggle: settings.brandOrganic,
  };
}

function privacyLevel(creator: CreatorInfo, settings: TikTokPostSettings, config: TikTokConfig): string {
  const chosen = settings.privacyLevel ?? config.defaultPrivacyLevel;
  if (!chosen) {
    throw contentError(
      'privacy-level-required',
      'TikTok requires the person posting to choose who can see the post. Choose a privacy level.',
      ['settings', 'privacyLevel'],
    );
  }
  if (!creator.privacy_level_options.includes(chosen)) {
    throw contentError(
      'privacy_level_option_mismatch',
      `This TikTok creator cannot post as ${chosen}; choose one of ${creator.privacy_level_options.join(', ')}. Nothing was uploaded.`,
      ['settings', 'privacyLevel'],
    );
  }
  return chosen;
}
