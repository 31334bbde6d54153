import type { Limits, PostInput, ValidationIssue } from '@chorus/connector-sdk';
import { COMMENT_MAX, TITLE_MAX } from '../manifest.js';
import { redditPostSettingsSchema } from '../config.js';
import { submissionKindOf } from '../publish/submission-kind.js';

/** Code points, as Reddit counts a title (the manifest's text rule is for the body). */
const codePoints = (text: string) => [...text].length;

/**
 * Reddit's own rules beyond the manifest (network-apis.md 12.2): every post has a title of at most 300
 * characters; a post is a self post, a link, or media, never two of them; a video needs a poster image; only
 * a self post has a body, so the text of a link or media post is posted as the author's first comment.
 */
export function redditRules(post: PostInput, _limits: Limits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const parsed = redditPostSettingsSchema.safeParse(post.settings ?? {});
  // A malformed setting is reported by the generic validator against the settings schema.
  const settings = parsed.success ? parsed.data : undefined;
  const title = settings?.title ?? '';
  if (title.trim() === '') {
    issues.push({
      path: ['settings', 'title'],
      code: 'reddit:title-required',
      message: 'Every Reddit post needs a title: fill in the Title setting.',
    });
  }
  const titleLength = codePoints(title);
  if (titleLength > TITLE_MAX) {
    issues.push({
      path: ['settings', 'title'],
      code: 'text-too-long',
      limit: TITLE_MAX,
      actual: titleLength,
      message: `The title is ${titleLength} characters long; Reddit allows ${TITLE_MAX}. Remove ${titleLength - TITLE_MAX}.`,
    });
  }
  const media = post.media ?? [];
  if (post.link && media.length > 0) {
    issues.push({
      path: ['link'],
      code: 'reddit:link-or-media',
      message: 'A Reddit post carries a link or media, not both: remove one, or put the link in the text.',
    });
  }
  if (post.link && !/^https?:\/\/[^\s/]+\.[^\s]+$/iu.test(post.link.url)) {
    issues.push({
      path: ['link', 'url'],
      code: 'reddit:BAD_URL',
      message: 'Reddit accepts only http(s) links with a domain, such as https://example.com/page.',
    });
  }
  const kind = submissionKindOf(post);
  if (kind === 'video' && !settings?.videoPosterUrl) {
    issues.push({
      path: ['settings', 'videoPosterUrl'],
      code: 'reddit:video-poster-required',
      message: 'Reddit needs a poster image for a video post: set the Video poster URL setting.',
    });
  }
  if (kind !== 'self' && post.text.trim() !== '') {
    if (post.firstComment) {
      issues.push({
        path: ['firstComment'],
        code: 'reddit:text-and-first-comment',
        message:
          'Only a Reddit self post has a body: the text of this post is published as your first comment. Leave either the text or the first comment empty.',
      });
    }
    const length = post.text.length;
    if (length > COMMENT_MAX) {
      issues.push({
        path: ['text'],
        code: 'text-too-long',
        limit: COMMENT_MAX,
        actual: length,
        message: `The text of a link or media post becomes a comment, which holds ${COMMENT_MAX} UTF-16 code units; it has ${length}.`,
      });
    }
  }
  return issues;
}
