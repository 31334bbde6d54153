const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?'"]+$/u;

export interface UrlMatch {
  readonly url: string;
  readonly start: number;
  readonly end: number;
}

/** http(s) URLs in a text, without trailing punctuation, as networks that give URLs a fixed weight see them. */
export function findUrls(text: string): UrlMatch[] {
  const matches: UrlMatch[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0].replace(TRAILING_PUNCTUATION, '');
    // A closing parenthesis belongs to the URL only when the URL opened one: "(see https://x.y/a)".
    while (url.endsWith(')') && count(url, '(') < count(url, ')')) {
      url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
    }
    const start = match.index;
    matches.push({ url, start, end: start + url.length });
  }
  return matches;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
