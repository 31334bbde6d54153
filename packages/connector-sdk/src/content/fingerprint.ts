import { createHash } from 'node:crypto';
import type { PostInput } from './post.js';

/**
 * A stable hash of what a post says (normalised text, link, media kinds and alt texts, poll options), for callers
 * that have no fingerprint of their own. Connectors match remote posts against the text, not against this hash.
 */
export function fingerprintPost(post: PostInput): string {
  const material = JSON.stringify({
    text: normaliseText(post.text),
    link: post.link?.url ?? null,
    media: (post.media ?? []).map((item) => [item.kind, item.altText ?? '']),
    poll: post.poll?.options ?? null,
    thread: (post.thread ?? []).map((part) => normaliseText(part.text)),
  });
  return createHash('sha256').update(material).digest('hex');
}

/** Unicode NFC and collapsed white space: how two renderings of one text are compared. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
