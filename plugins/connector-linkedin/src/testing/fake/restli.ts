/** Rest.li 2.0 syntax the fake parses itself (network-apis.md 6.1), independently of the connector. */

/** `List(a,b)` with URL-encoded items, as in `shares=List(urn%3Ali%3Ashare%3A1)`; null when not a list. */
export function parseRestliList(raw: string | null): string[] | null {
  if (raw === null) {
    return null;
  }
  const match = /^List\((.*)\)$/u.exec(raw);
  if (!match) {
    return null;
  }
  return match[1] === '' ? [] : match[1]!.split(',').map((item) => decodeURIComponent(item));
}

/** `(timeRange:(start:1,end:2))` reduced to the two numbers the fake needs; null when malformed. */
export function parseTimeRange(raw: string | null): { start: number; end: number } | null {
  if (raw === null) {
    return null;
  }
  const start = /start:(\d+)/u.exec(raw);
  const end = /end:(\d+)/u.exec(raw);
  if (!raw.startsWith('(') || !raw.endsWith(')') || !start) {
    return null;
  }
  return { start: Number(start[1]), end: end ? Number(end[1]) : Number.MAX_SAFE_INTEGER };
}

/**
 * A URN path segment as LinkedIn requires it: URL-encoded (`urn%3Ali%3Ashare%3A1`). A raw `urn:li:...` in a
 * path is refused, as the real API answers 400 for it.
 */
export function decodePathUrn(segment: string): string | null {
  if (!segment.startsWith('urn%3A') && !segment.startsWith('urn%3a')) {
    return null;
  }
  return decodeURIComponent(segment);
}

/** Reads a raw query parameter without URLSearchParams' decoding, so that `List(...)` keeps its encoding. */
export function rawQueryParam(rawUrl: string, name: string): string | null {
  const query = rawUrl.split('?')[1] ?? '';
  for (const pair of query.split('&')) {
    const [key, value] = pair.split('=');
    if (key === name) {
      return value ?? '';
    }
  }
  return null;
}

const RESERVED = new Set(['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~']);

/**
 * What members see of a little-text commentary: escapes removed, mentions `@[Name](urn)` shown as their name,
 * hashtags `{hashtag|\#|tag}` as `#tag`. An unescaped reserved character that is not markup cuts the text
 * there, as LinkedIn silently truncates such posts.
 */
export function renderLittleText(commentary: string): { text: string; mentions: string[] } {
  const mentions: string[] = [];
  let text = '';
  let index = 0;
  while (index < commentary.length) {
    const char = commentary[index]!;
    if (char === '\\' && index + 1 < commentary.length && RESERVED.has(commentary[index + 1]!)) {
      text += commentary[index + 1];
      index += 2;
      continue;
    }
    const rest = commentary.slice(index);
    const mention = /^@\[([^\]]*)\]\((urn:li:(?:person|organization):[^)]+)\)/u.exec(rest);
    if (mention) {
      text += mention[1];
      mentions.push(mention[2]!);
      index += mention[0].length;
      continue;
    }
    const hashtag = /^\{hashtag\|\\#\|([^}]+)\}/u.exec(rest);
    if (hashtag) {
      text += `#${hashtag[1]}`;
      index += hashtag[0].length;
      continue;
    }
    if (RESERVED.has(char)) {
      break; // the silent truncation of 6.3
    }
    text += char;
    index += 1;
  }
  return { text, mentions };
}
