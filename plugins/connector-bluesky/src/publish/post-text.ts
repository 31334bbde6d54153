import type { PostInput } from '@chorus/connector-sdk';

/**
 * The text Bluesky receives. A link becomes a card, unless the post has media: a post has one embed, so the
 * link is then appended to the text (as a link facet) when the text does not already carry it.
 */
export function postText(post: Pick<PostInput, 'text' | 'link' | 'media'>): string {
  const media = post.media ?? [];
  if (!post.link || media.length === 0 || post.text.includes(post.link.url)) {
    return post.text;
  }
  return post.text.trim() === '' ? post.link.url : `${post.text}\n\n${post.link.url}`;
}
