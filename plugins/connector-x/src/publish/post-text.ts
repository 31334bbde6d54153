import { findUrls, type PostInput } from '@chorus/connector-sdk';

/** X shows a card for a URL in the text: the link is appended unless the text already carries it. */
export function textWithLink(post: Pick<PostInput, 'text' | 'link'>): string {
  const url = post.link?.url;
  if (!url || post.text.includes(url)) {
    return post.text;
  }
  return post.text === '' ? url : `${post.text} ${url}`;
}

/**
 * Text compared for reconciliation: X shows every URL it finds, with or without a scheme (`example.com`), as a
 * t.co link and may trim, so URLs (as X finds them) and spacing are ignored.
 */
export function comparableText(text: string): string {
  const normalized = text.normalize('NFC');
  let comparable = '';
  let from = 0;
  for (const { start, end } of findUrls(normalized, { schemeless: true })) {
    comparable += `${normalized.slice(from, start)}<url>`;
    from = end;
  }
  comparable += normalized.slice(from);
  return comparable.replace(/\s+/gu, ' ').trim();
}
