import type { Clock, PostInput, ValidationIssue } from '@chorus/connector-sdk';
import { youtubePostSettingsSchema, type YoutubeConfig } from '../config.js';

export const TITLE_MAX = 100;
export const TAGS_MAX = 500;
export const SHORT_MAX_SECONDS = 180;
export const UNVERIFIED_MAX_SECONDS = 15 * 60;

/**
 * YouTube's rules beyond the manifest (network-apis.md 8.2): one video per post; a title of 1 to 100 characters
 * without < or >; tags of 500 characters in all; `publishAt` only for a private video, in the future; uploads of
 * an unaudited project are locked to private; 15 minutes at most on an unverified channel; a Short is vertical
 * or square and lasts 3 minutes at most.
 */
export function youtubeRules(config: YoutubeConfig, clock: Clock) {
  return (post: PostInput): ValidationIssue[] => {
    const issues: ValidationIssue[] = [];
    const parsed = youtubePostSettingsSchema.safeParse(post.settings ?? {});
    if (!parsed.success) {
      return issues; // the generic validator reports the settings themselves
    }
    const settings = parsed.data;
    const videos = (post.media ?? []).filter((item) => item.kind === 'video');
    if (videos.length !== 1) {
      issues.push({
        path: ['media'],
        code: 'youtube:video-required',
        limit: 1,
        actual: videos.length,
        message: 'A YouTube post is one video: attach exactly one video file.',
      });
    }
    issues.push(...titleIssues(post, settings.title));
    const tags = settings.tags ?? [];
    const tagLength = tags.reduce((sum, tag) => sum + tag.length, 0) + Math.max(0, tags.length - 1);
    if (tagLength > TAGS_MAX) {
      issues.push({
        path: ['settings', 'tags'],
        code: 'youtube:tags-too-long',
        limit: TAGS_MAX,
        actual: tagLength,
        message: `The tags take ${tagLength} characters with their separators; YouTube allows ${TAGS_MAX}. Remove some.`,
      });
    }
    if (settings.publishAt) {
      if (settings.privacyStatus !== 'private') {
        issues.push({
          path: ['settings', 'publishAt'],
          code: 'youtube:publish-at-needs-private',
          message:
            'A scheduled release needs privacy "private": YouTube makes the video public at that time.',
        });
      }
      if (Date.parse(settings.publishAt) <= clock.now().getTime()) {
        issues.push({
          path: ['settings', 'publishAt'],
          code: 'youtube:publish-at-past',
          message: 'The scheduled release time has passed: pick a time in the future or leave it empty.',
        });
      }
    }
    if (!config.projectAudited && settings.privacyStatus !== 'private') {
      issues.push({
        path: ['settings', 'privacyStatus'],
        code: 'youtube:project-not-audited',
        actual: settings.privacyStatus,
        limit: 'private',
        message:
          'This connector\'s Google Cloud project has not passed the YouTube API audit, so YouTube locks every upload to private. Choose privacy "private", or have the project audited and set projectAudited in the connector configuration.',
      });
    }
    const video = videos[0];
    if (video) {
      issues.push(...durationIssues(video, settings.format, config.verifiedChannels));
    }
    return issues;
  };
}

function titleIssues(post: PostInput, explicit: string | undefined): ValidationIssue[] {
  const fromSetting = Boolean(explicit?.trim());
  const title = fromSetting ? explicit!.trim() : (post.text.split('\n')[0] ?? '').trim();
  const path = fromSetting ? ['settings', 'title'] : ['text'];
  if (title === '') {
    return [
      {
        path: ['settings', 'title'],
        code: 'youtube:title-required',
        message: 'A YouTube video needs a title: fill in the title, or start the text with it.',
      },
    ];
  }
  const issues: ValidationIssue[] = [];
  if (title.length > TITLE_MAX) {
    issues.push({
      path,
      code: 'youtube:title-too-long',
      limit: TITLE_MAX,
      actual: title.length,
      message: fromSetting
        ? `The title has ${title.length} characters; YouTube allows ${TITLE_MAX}. Shorten it.`
        : `Without a title setting the first line of the text is the title, and it has ${title.length} characters; YouTube allows ${TITLE_MAX}. Set a title.`,
    });
  }
  if (/[<>]/u.test(title)) {
    issues.push({
      path,
      code: 'youtube:title-invalid-characters',
      message: 'YouTube refuses < and > in a title: remove them.',
    });
  }
  return issues;
}

function durationIssues(
  video: NonNullable<PostInput['media']>[number],
  format: 'video' | 'short',
  verified: boolean,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seconds = video.durationSeconds;
  const path = ['media', 0];
  if (!verified && seconds !== undefined && seconds > UNVERIFIED_MAX_SECONDS) {
    issues.push({
      path: [...path, 'durationSeconds'],
      code: 'video-too-long',
      limit: UNVERIFIED_MAX_SECONDS,
      actual: seconds,
      message: `The video lasts ${seconds} s; an unverified channel uploads up to 15 minutes. Verify the channel (and set verifiedChannels) or trim it.`,
    });
  }
  if (format !== 'short') {
    return issues;
  }
  if (seconds === undefined || video.width === undefined || video.height === undefined) {
    issues.push({
      path,
      code: 'youtube:short-unmeasured',
      message:
        'A Short must be known to be vertical or square and at most 3 minutes: give the width, height and duration.',
    });
    return issues;
  }
  if (seconds > SHORT_MAX_SECONDS) {
    issues.push({
      path: [...path, 'durationSeconds'],
      code: 'video-too-long',
      limit: SHORT_MAX_SECONDS,
      actual: seconds,
      message: `A Short lasts at most 3 minutes; this video lasts ${seconds} s. Trim it or publish it as a video.`,
    });
  }
  if (video.width > video.height) {
    issues.push({
      path: [...path, 'width'],
      code: 'aspect-ratio-out-of-range',
      limit: '0..1',
      actual: Number((video.width / video.height).toFixed(3)),
      message: 'A Short is vertical or square; this video is landscape. Crop it or publish it as a video.',
    });
  }
  return issues;
}
