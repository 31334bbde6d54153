import type { PostInput } from '@chorus/connector-sdk';

/** X shows a card for a URL in the text: the link is appended unless the text already carries it. */
export function textWithLink(post: Pick<PostInput, 'text' | 'link'>): string {
  const url = post.link?.url;
  if (!url || post.text.includes(url)) {
    return post.text;
  }
  return post.text === '' ? url : `${post.text} ${url}`;
}

/** Text compared for reconciliation: X rewrites URLs (t.co) and may trim, so URLs and spacing are ignored. */
export function comparableText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/https?:\/\/\S+/giu, '<url>')
    .replace(/\s+/gu, ' ')
    .trim();
}
