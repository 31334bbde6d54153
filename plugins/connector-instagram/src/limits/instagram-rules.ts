import type { Limits, PostInput, ValidationIssue } from '@chorus/connector-sdk';
import { instagramPostSettingsSchema } from '../config.js';

// Caption sub-limits and story video limits (network-apis.md 3.2, marked "verify" there).
const MAX_HASHTAGS = 30;
const MAX_MENTIONS = 20;
const STORY_VIDEO_SECONDS = 60;
const STORY_VIDEO_BYTES = 100 * 1_048_576;
// Feed photos only: stories are full-screen (9:16) and not held to it (3.2).
const FEED_RATIO = { min: 0.8, max: 1.91 };

/** What the manifest's generic limits cannot say about an Instagram post; all checked before any upload. */
export function instagramRules(post: PostInput, _limits: Limits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const media = post.media ?? [];
  if (media.length === 0) {
    issues.push({
      path: ['media'],
      code: 'instagram:media-required',
      message: 'Instagram posts need at least one photo or video.',
    });
  }
  if (post.link) {
    issues.push({
      path: ['link'],
      code: 'content-not-supported',
      message: 'Instagram shows no link cards; put the link in the caption or bio.',
    });
  }
  const hashtags = post.text.match(/(^|\s)#[\p{L}\p{N}_]+/gu)?.length ?? 0;
  if (hashtags > MAX_HASHTAGS) {
    issues.push({
      path: ['text'],
      code: 'instagram:too-many-hashtags',
      limit: MAX_HASHTAGS,
      actual: hashtags,
      message: `${hashtags} hashtags; Instagram allows ${MAX_HASHTAGS}.`,
    });
  }
  const mentions = post.text.match(/(^|\s)@[\w.]+/gu)?.length ?? 0;
  if (mentions > MAX_MENTIONS) {
    issues.push({
      path: ['text'],
      code: 'instagram:too-many-mentions',
      limit: MAX_MENTIONS,
      actual: mentions,
      message: `${mentions} @-mentions; Instagram allows ${MAX_MENTIONS}.`,
    });
  }
  media.forEach((item, index) => {
    if (item.kind === 'image' && item.source.kind === 'bytes') {
      issues.push({
        path: ['media', index, 'source'],
        code: 'instagram:public-url-required',
        message: 'Instagram fetches photos from a public URL; give this photo one.',
      });
    }
  });
  const settings = instagramPostSettingsSchema.safeParse(post.settings ?? {});
  const story = settings.success && settings.data.placement === 'story';
  media.forEach((item, index) => {
    if (story || item.kind !== 'image' || !item.width || !item.height) {
      return;
    }
    const ratio = item.width / item.height;
    if (ratio < FEED_RATIO.min || ratio > FEED_RATIO.max) {
      issues.push({
        path: ['media', index, 'width'],
        code: 'aspect-ratio-out-of-range',
        limit: `${FEED_RATIO.min}..${FEED_RATIO.max}`,
        actual: Number(ratio.toFixed(3)),
        message: `Instagram feed photos are 4:5 to 1.91:1; this one is ${ratio.toFixed(2)}. Crop it, or post it as a story.`,
      });
    }
  });
  if (story) {
    if (post.firstComment) {
      issues.push({
        path: ['firstComment'],
        code: 'instagram:story-comment',
        message: 'Stories take no comments from the account.',
      });
    }
    media.forEach((item, index) => {
      if (item.kind !== 'video') {
        return;
      }
      if ((item.durationSeconds ?? 0) > STORY_VIDEO_SECONDS) {
        issues.push({
          path: ['media', index, 'durationSeconds'],
          code: 'video-too-long',
          limit: STORY_VIDEO_SECONDS,
          actual: item.durationSeconds,
          message: `A story video lasts up to ${STORY_VIDEO_SECONDS} s.`,
        });
      }
      if ((item.sizeBytes ?? 0) > STORY_VIDEO_BYTES) {
        issues.push({
          path: ['media', index, 'sizeBytes'],
          code: 'media-too-large',
          limit: STORY_VIDEO_BYTES,
          actual: item.sizeBytes,
          message: 'A story video is at most 100 MB.',
        });
      }
    });
  }
  return issues;
}
