import { findUrls } from '@chorus/connector-sdk';

/** A link, mention or hashtag found in a text, by its range in string indices. */
export type RichTextSpan =
  | { readonly kind: 'link'; readonly start: number; readonly end: number; readonly uri: string }
  | { readonly kind: 'mention'; readonly start: number; readonly end: number; readonly handle: string }
  | { readonly kind: 'tag'; readonly start: number; readonly end: number; readonly tag: string };

// A mention starts the text or follows white space or "(", and names a domain-shaped handle.
const MENTION = /(^|[\s(])@([a-zA-Z0-9][a-zA-Z0-9.-]*[a-zA-Z0-9])/gu;
const HANDLE = /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/u;
// A hashtag starts the text or follows white space; "#" or the full-width "＃"; never the keycap emoji "#️⃣".
const TAG = /(^|\s)[#＃](?!\ufe0f|\u20e3)(\S+)/gu;
// Invisible characters end a tag (soft hyphen, word joiner, zero-width spaces and joiner, enclosing keycap).
const TAG_END = /\u00ad|\u2060|\u200a|\u200b|\u200c|\u200d|\u20e2/u;
const TRAILING_PUNCTUATION = /\p{P}+$/u;
const MAX_TAG_LENGTH = 64;

/**
 * Links (http and https), mentions (@handle) and hashtags in a text, in order and never overlapping. Bluesky
 * does not detect them itself: a client sends them as facets, or they stay plain text.
 */
export function detectRichText(text: string): RichTextSpan[] {
  const spans: RichTextSpan[] = findUrls(text).map((url) => ({
    kind: 'link' as const,
    start: url.start,
    end: url.end,
    uri: url.url,
  }));
  for (const match of text.matchAll(MENTION)) {
    const handle = match[2]!.replace(/[.-]+$/u, '');
    if (HANDLE.test(handle)) {
      const start = match.index + match[1]!.length;
      spans.push({ kind: 'mention', start, end: start + 1 + handle.length, handle: handle.toLowerCase() });
    }
  }
  for (const match of text.matchAll(TAG)) {
    const tag = match[2]!.split(TAG_END)[0]!.replace(TRAILING_PUNCTUATION, '');
    // "#1" is a number, not a tag: a tag needs something besides digits and punctuation.
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH || !/[^\d\p{P}]/u.test(tag)) {
      continue;
    }
    const start = match.index + match[1]!.length;
    spans.push({ kind: 'tag', start, end: start + 1 + tag.length, tag });
  }
  return withoutOverlaps(spans);
}

// Earlier spans win; a link that contains "@x.y" or "#frag" keeps them.
function withoutOverlaps(spans: RichTextSpan[]): RichTextSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RichTextSpan[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (!last || span.start >= last.end) {
      kept.push(span);
    }
  }
  return kept;
}
