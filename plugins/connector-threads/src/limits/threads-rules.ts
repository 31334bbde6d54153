import type { Limits, MediaInput, PostInput, ValidationIssue } from '@chorus/connector-sdk';

/** What the manifest's generic limits cannot say about a Threads post (4.2); checked before any container. */
export function threadsRules(post: PostInput, _limits: Limits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (media: readonly MediaInput[], path: (string | number)[]) => {
    media.forEach((item, index) => {
      if (item.source.kind === 'bytes') {
        issues.push({
          path: [...path, 'media', index, 'source'],
          code: 'threads:public-url-required',
          message: 'Threads fetches media from a public URL; give this file one.',
        });
      }
    });
  };
  check(post.media ?? [], []);
  (post.thread ?? []).forEach((part, index) => check(part.media ?? [], ['thread', index]));
  // Once, whatever the number of media (4.2: link_attachment is for TEXT posts).
  if ((post.media ?? []).length > 0 && post.link) {
    issues.push({
      path: ['link'],
      code: 'threads:link-with-media',
      message: 'A Threads link card goes on text posts only.',
    });
  }
  return issues;
}
