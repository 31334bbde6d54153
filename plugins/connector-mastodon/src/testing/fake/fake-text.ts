// The fake's own reading of status text, independent of the SDK's counting so that each checks the other.
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const URL = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/gu;
const MENTION = /(^|[^\w@/])@(\w+)(?:@([\w.-]+\.\w+))?/gu;
const HASHTAG = /(^|[^\w&/])#(\w+)/gu;

/** Mastodon's StatusLengthValidator: graphemes of the content warning and the text, each URL as a fixed length, remote mentions without their domain. */
export function statusLength(text: string, spoilerText: string, charactersPerUrl: number): number {
  const countable = (spoilerText + text)
    .replace(URL, 'x'.repeat(charactersPerUrl))
    .replace(MENTION, (_match, before: string, username: string) => `${before}@${username}`);
  // Printable ASCII, tabs and line feeds are one grapheme a character: a busy fake skips the segmenter.
  return /^[\t\n\x20-\x7e]*$/u.test(countable) ? countable.length : [...segmenter.segment(countable)].length;
}

export interface Mention {
  readonly username: string;
  readonly domain: string | null;
}

export function mentionsIn(text: string): Mention[] {
  return [...text.matchAll(MENTION)].map((match) => ({ username: match[2]!, domain: match[3] ?? null }));
}

function escape(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;');
}

/** Status HTML as Mastodon renders it: paragraphs, line breaks, linked URLs (with hidden scheme), mentions and hashtags. */
export function renderStatusHtml(
  text: string,
  baseUrl: string,
  isLocalUser: (username: string) => boolean,
): string {
  const paragraphs = text.split(/\n{2,}/u).map((paragraph) => {
    let html = escape(paragraph);
    html = html.replace(URL, (url) => {
      const scheme = /^https?:\/\//u.exec(url)![0];
      const rest = url.slice(scheme.length);
      const visible = rest.length > 30 ? rest.slice(0, 30) : rest;
      const hidden = rest.slice(visible.length);
      const ellipsis = hidden ? ' class="ellipsis"' : '';
      return `<a href="${url}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${scheme}</span><span${ellipsis}>${visible}</span><span class="invisible">${hidden}</span></a>`;
    });
    html = html.replace(MENTION, (match, before: string, username: string, domain: string | undefined) =>
      domain === undefined && isLocalUser(username)
        ? `${before}<span class="h-card" translate="no"><a href="${baseUrl}/@${username}" class="u-url mention">@<span>${username}</span></a></span>`
        : match,
    );
    html = html.replace(
      HASHTAG,
      (_match, before: string, tag: string) =>
        `${before}<a href="${baseUrl}/tags/${tag.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`,
    );
    return `<p>${html.replace(/\n/gu, '<br />')}</p>`;
  });
  return paragraphs.join('');
}
