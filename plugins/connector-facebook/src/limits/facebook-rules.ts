import type { Limits, PostInput, ValidationIssue } from '@chorus/connector-sdk';
import { facebookPostSettingsSchema } from '../config.js';

// Reel spec (network-apis.md 2.2): MP4, 9:16, at least 540x960, 3 to 90 s, up to 1 GB.
const REEL = { minSeconds: 3, maxSeconds: 90, minWidth: 540, minHeight: 960, ratio: 9 / 16, tolerance: 0.01 };

/** What the manifest's generic limits cannot say about a Page post. */
export function facebookRules(post: PostInput, _limits: Limits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const media = post.media ?? [];
  if (post.link && media.length > 0) {
    issues.push({
      path: ['link'],
      code: 'facebook:link-with-media',
      message: 'A Facebook link post shows the link card instead of media: remove the link or the media.',
    });
  }
  const settings = facebookPostSettingsSchema.safeParse(post.settings ?? {});
  const video = media.find((item) => item.kind === 'video');
  if (settings.success && settings.data.videoAs === 'reel') {
    if (!video) {
      issues.push({
        path: ['settings', 'videoAs'],
        code: 'facebook:reel-needs-video',
        message: 'A Reel needs one video.',
      });
    } else {
      issues.push(...reelIssues(video));
    }
  }
  return issues;
}

function reelIssues(video: NonNullable<PostInput['media']>[number]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const path = ['media', 0];
  if (video.mimeType !== 'video/mp4') {
    issues.push({
      path: [...path, 'mimeType'],
      code: 'media-type-not-allowed',
      limit: ['video/mp4'],
      actual: video.mimeType,
      message: 'Facebook Reels must be MP4.',
    });
  }
  const seconds = video.durationSeconds;
  if (seconds !== undefined && (seconds < REEL.minSeconds || seconds > REEL.maxSeconds)) {
    issues.push({
      path: [...path, 'durationSeconds'],
      code: seconds < REEL.minSeconds ? 'video-too-short' : 'video-too-long',
      limit: seconds < REEL.minSeconds ? REEL.minSeconds : REEL.maxSeconds,
      actual: seconds,
      message: `A Facebook Reel lasts 3 to 90 s; this video lasts ${seconds} s.`,
    });
  }
  if (video.width !== undefined && video.height !== undefined) {
    if (video.width < REEL.minWidth || video.height < REEL.minHeight) {
      issues.push({
        path: [...path, 'width'],
        code: 'media-dimensions-out-of-range',
        limit: '540x960',
        actual: `${video.width}x${video.height}`,
        message: 'A Facebook Reel is at least 540x960 px.',
      });
    }
    if (Math.abs(video.width / video.height - REEL.ratio) > REEL.tolerance) {
      issues.push({
        path: [...path, 'width'],
        code: 'aspect-ratio-out-of-range',
        limit: '9:16',
        actual: Number((video.width / video.height).toFixed(3)),
        message: 'A Facebook Reel is vertical, 9:16.',
      });
    }
  }
  return issues;
}
