import { countText, type Limits, type PostInput, type ValidationIssue } from '@chorus/connector-sdk';

const CASHTAG = /(^|\s)\$[A-Za-z]{1,6}\b/gu;

/**
 * X's own rules beyond the manifest (network-apis.md 5.0 and 5.2): up to 4 photos, or 1 GIF, or 1 video in a
 * post; at most one cashtag per post on self-serve access; every thread part within the text limit.
 */
export function xRules(post: PostInput, limits: Limits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const parts = [
    { text: post.text, media: post.media ?? [], path: [] as (string | number)[] },
    ...(post.thread ?? []).map((part, index) => ({
      text: part.text,
      media: part.media ?? [],
      path: ['thread', index] as (string | number)[],
    })),
  ];
  for (const part of parts) {
    const single = part.media.filter((item) => item.kind === 'gif' || item.kind === 'video');
    if (single.length > 0 && part.media.length > 1) {
      issues.push({
        path: [...part.path, 'media'],
        code: 'x-twitter:one-gif-or-video',
        message:
          'An X post carries up to 4 photos, or 1 GIF, or 1 video: split the media into several posts.',
        limit: 1,
        actual: part.media.length,
      });
    }
    const cashtags = (part.text.match(CASHTAG) ?? []).length;
    if (cashtags > 1) {
      issues.push({
        path: [...part.path, 'text'],
        code: 'x-twitter:too-many-cashtags',
        message: 'X accepts at most one cashtag ($TICKER) per post: remove the others.',
        limit: 1,
        actual: cashtags,
      });
    }
  }
  const rule = limits.text[0];
  const link = post.link?.url;
  if (rule && link && !post.text.includes(link)) {
    // The link is appended to the text, so it must fit with it.
    const length = countText(`${post.text} ${link}`, rule);
    if (length > rule.max) {
      issues.push({
        path: ['link'],
        code: 'text-too-long',
        message: `With the link appended the post is ${length} of ${rule.max} weighted characters: shorten the text.`,
        limit: rule.max,
        actual: length,
      });
    }
  }
  return issues;
}
