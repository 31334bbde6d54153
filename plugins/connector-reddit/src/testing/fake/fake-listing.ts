import { httpError, type Exchange } from './fake-http.js';

export interface Listed {
  readonly name: string;
  readonly rendered: unknown;
}

/**
 * Reddit's Listing envelope (network-apis.md 12.7) over items already in listing order (newest first):
 * `limit` (default 25, at most 100), `after` (items past that fullname) or `before` (the nearest items ahead
 * of it); `data.after`/`data.before` name the page's edges when more lie beyond them. Answers the 400 itself.
 */
export function listingPage(exchange: Exchange, items: readonly Listed[]): unknown {
  const query = exchange.url.searchParams;
  const limit = Number(query.get('limit') ?? 25);
  if (!Number.isInteger(limit) || limit < 1) {
    httpError(exchange, 400, 'limit must be a positive integer');
    return undefined;
  }
  const size = Math.min(limit, 100);
  const after = query.get('after');
  const before = query.get('before');
  let start = 0;
  let end: number;
  if (after) {
    const index = items.findIndex((item) => item.name === after);
    // An anchor that no longer exists gives an empty page, as on Reddit.
    start = index < 0 ? items.length : index + 1;
    end = Math.min(items.length, start + size);
  } else if (before) {
    const index = items.findIndex((item) => item.name === before);
    end = index < 0 ? 0 : index;
    start = Math.max(0, end - size);
  } else {
    end = Math.min(items.length, size);
  }
  const page = items.slice(start, end);
  return {
    kind: 'Listing',
    data: {
      after: end < items.length && page.length > 0 ? page[page.length - 1]!.name : null,
      before: start > 0 && page.length > 0 ? page[0]!.name : null,
      dist: page.length,
      modhash: null,
      geo_filter: '',
      children: page.map((item) => item.rendered),
    },
  };
}

/** A Listing of exactly these things, without paging (/api/info, /by_id). */
export function plainListing(children: readonly unknown[]): unknown {
  return {
    kind: 'Listing',
    data: { after: null, before: null, dist: children.length, modhash: null, children },
  };
}
