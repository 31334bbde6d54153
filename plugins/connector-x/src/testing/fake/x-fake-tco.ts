import { createHash } from 'node:crypto';
import { fakeFindUrls } from './x-fake-urls.js';

/** One URL of a post as API v2 shows it in `entities.urls`. */
export interface ShownUrl {
  readonly start: number;
  readonly end: number;
  readonly url: string;
  readonly expanded_url: string;
  readonly display_url: string;
}

/** A stable t.co link per URL, so that the same URL shows the same link in every answer. */
function tcoLink(url: string): string {
  return `https://t.co/${createHash('sha256').update(url).digest('base64url').slice(0, 10)}`;
}

/**
 * The text of a post as X shows it back: every URL, with or without a scheme, replaced by a t.co link, and
 * the URLs with their places in that text (`entities.urls`).
 */
export function shownText(text: string): { text: string; urls: ShownUrl[] } {
  let shown = '';
  let from = 0;
  const urls: ShownUrl[] = [];
  for (const { url, start } of fakeFindUrls(text)) {
    shown += text.slice(from, start);
    const link = tcoLink(url);
    const expanded = /^https?:\/\//iu.test(url) ? url : `http://${url}`;
    urls.push({
      start: shown.length,
      end: shown.length + link.length,
      url: link,
      expanded_url: expanded,
      display_url: url.replace(/^https?:\/\//iu, ''),
    });
    shown += link;
    from = start + url.length;
  }
  return { text: shown + text.slice(from), urls };
}
