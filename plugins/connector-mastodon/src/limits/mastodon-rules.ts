import { countText, type Limits, type PostInput, type ValidationIssue } from '@chorus/connector-sdk';
import { statusText } from '../publish/status-text.js';

/**
 * Rules of Mastodon alone: the content warning counts toward the text limit, and a link card's URL is part of
 * the text (Mastodon builds the card from the first link). The warning goes on every status of a publish (the
 * thread's parts and the first comment too), so each of them is counted with it.
 */
export function mastodonRules(post: PostInput, limits: Limits): ValidationIssue[] {
  const spoiler = typeof post.settings?.spoilerText === 'string' ? post.settings.spoilerText : '';
  const statuses: { path: (string | number)[]; written: string; sent: string }[] = [
    { path: spoiler ? ['settings', 'spoilerText'] : ['link'], written: post.text, sent: statusText(post) },
    ...(post.thread ?? []).map((part, index) => ({
      path: ['thread', index, 'text'],
      written: part.text,
      sent: part.text,
    })),
    ...(post.firstComment
      ? [{ path: ['firstComment', 'text'], written: post.firstComment.text, sent: post.firstComment.text }]
      : []),
  ];
  const issues: ValidationIssue[] = [];
  for (const status of statuses) {
    if (spoiler === '' && status.sent === status.written) {
      continue;
    }
    for (const rule of limits.text) {
      const alone = countText(status.written, rule);
      const together = countText(status.sent, rule) + countText(spoiler, rule);
      if (alone <= rule.max && together > rule.max) {
        const what = spoiler ? 'content warning' : 'link';
        issues.push({
          path: status.path,
          code: 'text-too-long',
          limit: rule.max,
          actual: together,
          message: `Mastodon counts the ${what} with the text: ${together} characters; the limit is ${rule.max}. Remove ${together - rule.max}.`,
        });
      }
    }
  }
  return issues;
}
