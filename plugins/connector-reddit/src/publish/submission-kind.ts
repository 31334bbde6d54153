import type { PostInput } from '@chorus/connector-sdk';

/** The kinds of Reddit submission (network-apis.md 12.2), a gallery being its own endpoint. */
export type SubmissionKind = 'self' | 'link' | 'image' | 'video' | 'videogif' | 'gallery';

/**
 * Which submission a post becomes. Images with captions (their alt text) or more than one image are a gallery,
 * the only kind with a caption per item; a single image without one is an image post. A GIF file is an image
 * post, an MP4 loop a `videogif`.
 */
export function submissionKindOf(post: Pick<PostInput, 'link' | 'media'>): SubmissionKind {
  const media = post.media ?? [];
  const first = media[0];
  if (!first) {
    return post.link ? 'link' : 'self';
  }
  if (first.kind === 'video') {
    return 'video';
  }
  if (first.kind === 'gif') {
    return first.mimeType === 'video/mp4' ? 'videogif' : 'image';
  }
  return media.length > 1 || media.some((item) => (item.altText ?? '').trim() !== '') ? 'gallery' : 'image';
}
