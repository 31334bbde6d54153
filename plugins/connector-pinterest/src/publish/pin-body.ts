import type { PostInput } from '@chorus/connector-sdk';

/** The fields of a pin that carry the post's words and link, as `POST /v5/pins` takes them (9.2). */
export function pinText(post: PostInput): Record<string, string> {
  const fields: Record<string, string> = {};
  const title = post.settings?.title;
  if (typeof title === 'string' && title.trim() !== '') {
    fields.title = title;
  }
  if (post.text.trim() !== '') {
    fields.description = post.text;
  }
  if (post.link) {
    fields.link = post.link.url;
  }
  // One alt text per pin: the first item's (pinterest-rules.ts refuses alt text on later carousel images).
  const altText = post.media?.[0]?.altText;
  if (altText && altText.trim() !== '') {
    fields.alt_text = altText;
  }
  return fields;
}
