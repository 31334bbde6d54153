import { countText, type Limits, type PostInput, type ValidationIssue } from '@chorus/connector-sdk';
import { tiktokPostSettingsSchema, type TikTokConfig } from '../config.js';
import { PHOTO_TITLE_MAX, VIDEO_CAPTION_MAX } from '../manifest.js';
import { isVerifiedUrl } from '../publish/media-source.js';

const utf16 = { counting: 'utf16' as const, max: VIDEO_CAPTION_MAX };

/**
 * TikTok's own rules, after the generic checks of the manifest's limits (network-apis.md 7.2): every post is a
 * video or photos; a video caption is shorter than a photo description; photos are only pulled from a verified
 * domain; a Direct Post needs a privacy level chosen by a person.
 */
export function createTikTokRules(config: TikTokConfig) {
  return (post: PostInput, _limits: Limits): ValidationIssue[] => {
    const issues: ValidationIssue[] = [];
    const media = post.media ?? [];
    if (media.length === 0) {
      issues.push({
        path: ['media'],
        code: 'tiktok:media-required',
        message: 'Every TikTok post is a video or photos. Add a video or at least one photo.',
      });
    }
    const hasVideo = media.some((item) => item.kind === 'video');
    const captionLength = countText(post.text, utf16);
    if (hasVideo && captionLength > VIDEO_CAPTION_MAX) {
      issues.push({
        path: ['text'],
        code: 'text-too-long',
        limit: VIDEO_CAPTION_MAX,
        actual: captionLength,
        message: `A TikTok video caption holds ${VIDEO_CAPTION_MAX} characters; this one has ${captionLength}. Shorten it by ${captionLength - VIDEO_CAPTION_MAX}.`,
      });
    }
    media.forEach((item, index) => {
      if (item.kind === 'image' && !isVerifiedUrl(config, item.source)) {
        issues.push({
          path: ['media', index, 'source'],
          code: 'tiktok:photo-url-unverified',
          message:
            'TikTok pulls photos from a URL under a domain verified in its developer portal; this photo is not under any of the configured verifiedUrlPrefixes.',
        });
      }
    });
    const settings = tiktokPostSettingsSchema.safeParse(post.settings ?? {});
    if (!settings.success) {
      return issues; // the generic validator reports the settings themselves
    }
    const { photoTitle, photoCoverIndex, mode, privacyLevel } = settings.data;
    const titleLength = photoTitle === undefined ? 0 : countText(photoTitle, utf16);
    if (titleLength > PHOTO_TITLE_MAX) {
      issues.push({
        path: ['settings', 'photoTitle'],
        code: 'tiktok:photo-title-too-long',
        limit: PHOTO_TITLE_MAX,
        actual: titleLength,
        message: `A TikTok photo title holds ${PHOTO_TITLE_MAX} characters; this one has ${titleLength}.`,
      });
    }
    const photos = media.filter((item) => item.kind === 'image').length;
    if (photos > 0 && photoCoverIndex >= photos) {
      issues.push({
        path: ['settings', 'photoCoverIndex'],
        code: 'tiktok:photo-cover-out-of-range',
        limit: photos - 1,
        actual: photoCoverIndex,
        message: `The cover is photo ${photoCoverIndex + 1}, but the post has ${photos}. Choose one of them.`,
      });
    }
    if (mode === 'direct' && !privacyLevel && !config.defaultPrivacyLevel) {
      issues.push({
        path: ['settings', 'privacyLevel'],
        code: 'tiktok:privacy-level-required',
        message: 'TikTok requires the person posting to choose who can see the post. Choose a privacy level.',
      });
    }
    return issues;
  };
}
