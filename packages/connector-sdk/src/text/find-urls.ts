import { findSchemelessUrls } from './schemeless-urls.js';

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?'"]+$/u;

export interface UrlMatch {
  readonly url: string;
  readonly start: number;
  readonly end: number;
}

export interface FindUrlsOptions {
  /** Also find URLs without a scheme (`example.com`, `www.x.co/p`) as twitter-text does (X). */
  readonly schemeless?: boolean;
}

/** http(s) URLs in a text, without trailing punctuation, as networks that give URLs a fixed weight see them. */
export function findUrls(text: string, options: FindUrlsOptions = {}): UrlMatch[] {
  const matches: UrlMatch[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    matches.push(trimmed(text, match.index, match.index + match[0].length));
  }
  if (options.schemeless) {
    for (const found of findSchemelessUrls(text)) {
      const url = trimmed(text, found.start, found.end);
      // Inside an http(s) URL already found (its host or path): the same URL.
      if (!matches.some((known) => url.start < known.end && known.start < url.end)) {
        matches.push(url);
      }
    }
    matches.sort((a, b) => a.start - b.start);
  }
  return matches;
}

function trimmed(text: string, start: number, end: number): UrlMatch {
  let url = text.slice(start, end).replace(TRAILING_PUNCTUATION, '');
  // A closing parenthesis belongs to the URL only when the URL opened one: "(see https://x.y/a)".
  while (url.endsWith(')') && count(url, '(') < count(url, ')')) {
    url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return { url, start, end: start + url.length };
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
