import { countText, type Limits, type PostInput, type ValidationIssue } from '@chorus/connector-sdk';
import { postText } from '../publish/post-text.js';

/**
 * Rules of Bluesky alone: a post needs text, media or a link card; and when a link shares the post with media it
 * goes into the text (a post has one embed), where it counts toward the text limits.
 */
export function blueskyRules(post: PostInput, limits: Limits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const hasMedia = (post.media ?? []).length > 0;
  if (post.text.trim() === '' && !hasMedia && !post.link) {
    issues.push({
      path: ['text'],
      code: 'text-required',
      message: 'The post is empty. Write some text, or add media or a link.',
    });
  }
  for (const [index, part] of (post.thread ?? []).entries()) {
    if (part.text.trim() === '' && (part.media ?? []).length === 0) {
      issues.push({
        path: ['thread', index, 'text'],
        code: 'text-required',
        message: `Thread post ${index + 2} is empty.`,
      });
    }
  }
  const text = postText(post);
  if (text !== post.text) {
    for (const rule of limits.text) {
      const alone = countText(post.text, rule);
      const together = countText(text, rule);
      if (alone <= rule.max && together > rule.max) {
        issues.push({
          path: ['link'],
          code: 'text-too-long',
          limit: rule.max,
          actual: together,
          message: `With media, Bluesky shows the link in the text: ${together} units with it; the limit is ${rule.max}. Shorten the text by ${together - rule.max}.`,
        });
      }
    }
  }
  return issues;
}
