import { fail, type Exchange } from './pinterest-fake-http.js';

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 250;

/**
 * `{items, bookmark}` pages (9.6): `page_size` 1 to 250 (default 25), an opaque `bookmark` for the next page,
 * null on the last one. Answers the page, or false after sending a 400.
 */
export function sendPage<T>(exchange: Exchange, items: readonly T[], render: (item: T) => unknown): boolean {
  const sizeParam = exchange.url.searchParams.get('page_size');
  const size = sizeParam === null ? DEFAULT_PAGE_SIZE : Number(sizeParam);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    fail(exchange, 400, `page_size: must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
    return false;
  }
  const bookmark = exchange.url.searchParams.get('bookmark');
  let start = 0;
  if (bookmark) {
    const decoded = Number(
      Buffer.from(bookmark, 'base64url')
        .toString('utf8')
        .replace(/^offset:/u, ''),
    );
    if (!Number.isInteger(decoded) || decoded < 0) {
      fail(exchange, 400, 'bookmark: invalid bookmark.');
      return false;
    }
    start = decoded;
  }
  const end = start + size;
  exchange.send(200, {
    items: items.slice(start, end).map(render),
    bookmark: end < items.length ? Buffer.from(`offset:${end}`).toString('base64url') : null,
  });
  return true;
}
