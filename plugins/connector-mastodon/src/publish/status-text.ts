import type { PostInput } from '@chorus/connector-sdk';

/** The text Mastodon receives: the link is appended when the text does not already carry it (cards come from links). */
export function statusText(post: Pick<PostInput, 'text' | 'link'>): string {
  if (!post.link || post.text.includes(post.link.url)) {
    return post.text;
  }
  return post.text.trim() === '' ? post.link.url : `${post.text}\n\n${post.link.url}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text from a status's HTML: paragraphs and line breaks kept, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<\/p>\s*<p[^>]*>/giu, '\n\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) {
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      }
      if (name.startsWith('#')) {
        return String.fromCodePoint(Number(name.slice(1)));
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .trim();
}

/** How two renderings of one status are compared: mention domains dropped (HTML shows @user), white space collapsed. */
export function comparableText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/(^|[^\w@/])(@\w+)@[\w.-]+\.\w+/gu, '$1$2')
    .replace(/\s+/gu, ' ')
    .trim();
}
