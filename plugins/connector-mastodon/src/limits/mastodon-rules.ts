import { countText, type Limits, type PostInput, type ValidationIssue } from '@chorus/connector-sdk';
import { statusText } from '../publish/status-text.js';

/**
 * Rules of Mastodon alone: the content warning counts toward the text limit, and a link card's URL is part of
 * the text (Mastodon builds the card from the first link).
 */
export function mastodonRules(post: PostInput, limits: Limits): ValidationIssue[] {
  const spoiler = typeof post.settings?.spoilerText === 'string' ? post.settings.spoilerText : '';
  const text = statusText(post);
  if (spoiler === '' && text === post.text) {
    return [];
  }
  const issues: ValidationIssue[] = [];
  for (const rule of limits.text) {
    const alone = countText(post.text, rule);
    const together = countText(text, rule) + countText(spoiler, rule);
    if (alone <= rule.max && together > rule.max) {
      issues.push({
        path: spoiler ? ['settings', 'spoilerText'] : ['link'],
        code: 'text-too-long',
        limit: rule.max,
        actual: together,
        message: `Mastodon counts the ${spoiler ? 'content warning' : 'link'} with the text: ${together} characters; the limit is ${rule.max}. Remove ${together - rule.max}.`,
      });
    }
  }
  return issues;
}
