import type { ContentKind } from '../manifest/capabilities.schema.js';
import type { PostInput } from './post.js';

/** The content kinds a post uses, to compare with what the manifest declares. */
export function contentKindsOf(post: PostInput): Set<ContentKind> {
  const kinds = new Set<ContentKind>(['text']);
  if (post.link) {
    kinds.add('link');
  }
  const media = [...(post.media ?? []), ...(post.thread ?? []).flatMap((part) => part.media ?? [])];
  for (const item of media) {
    kinds.add(item.kind);
  }
  if (post.thread && post.thread.length > 0) {
    kinds.add('thread');
  }
  if (post.firstComment) {
    kinds.add('first-comment');
  }
  if (post.poll) {
    kinds.add('poll');
  }
  return kinds;
}
