import type { Limits, PostInput, ValidationIssue } from '@chorus/connector-sdk';
import { isOrganization } from '../api/urn.js';
import { linkedinPostSettingsSchema } from '../config.js';
import { POLL_DURATION_SECONDS, pollDuration } from '../publish/post-body.js';

const POLL_QUESTION_MAX = 140;

/** LinkedIn's own rules beyond the manifest's limits (network-apis.md 6.3). */
export function linkedinRules(post: PostInput, _limits: Limits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const settings = linkedinPostSettingsSchema.safeParse(post.settings ?? {});
  const media = post.media ?? [];
  if (post.poll) {
    if (pollDuration(post.poll.durationSeconds) === undefined) {
      issues.push({
        path: ['poll', 'durationSeconds'],
        code: 'poll-duration-out-of-range',
        message: 'A LinkedIn poll lasts 1, 3, 7 or 14 days',
        limit: POLL_DURATION_SECONDS.map(String),
        actual: post.poll.durationSeconds,
      });
    }
    if (post.poll.multiple) {
      issues.push({
        path: ['poll', 'multiple'],
        code: 'linkedin:poll-single-choice',
        message: 'LinkedIn polls take one answer per member',
      });
    }
    const question = settings.success ? (settings.data.pollQuestion ?? post.text) : post.text;
    if (question.length > POLL_QUESTION_MAX) {
      issues.push({
        path: settings.success && settings.data.pollQuestion ? ['settings', 'pollQuestion'] : ['text'],
        code: 'linkedin:poll-question-too-long',
        message: `The poll question (the post text unless pollQuestion is set) has at most ${POLL_QUESTION_MAX} characters`,
        limit: POLL_QUESTION_MAX,
        actual: question.length,
      });
    }
    if (post.link) {
      issues.push({
        path: ['link'],
        code: 'content-not-supported',
        message: 'A LinkedIn post carries one content: a poll or a link card',
      });
    }
  }
  // Several images make a multi-image post; a GIF or a video stands alone (6.3).
  if (media.length > 1 && media.some((item) => item.kind !== 'image')) {
    issues.push({
      path: ['media'],
      code: 'linkedin:multi-image-only',
      message: 'Only JPEG and PNG images can be combined (2 to 20); a GIF or a video is posted alone',
    });
  }
  return issues;
}

/** Rules that depend on the channel: CONNECTIONS visibility exists for member posts only. */
export function visibilityIssue(post: PostInput, author: string): ValidationIssue | null {
  const settings = linkedinPostSettingsSchema.safeParse(post.settings ?? {});
  return settings.success && settings.data.visibility === 'CONNECTIONS' && isOrganization(author)
    ? {
        path: ['settings', 'visibility'],
        code: 'invalid-setting',
        message: 'An organization page posts PUBLIC or LOGGED_IN, not CONNECTIONS',
      }
    : null;
}
