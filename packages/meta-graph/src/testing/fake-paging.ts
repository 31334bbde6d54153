/**
 * Cursor paging as Graph does it: opaque base64 cursors in `paging.cursors`, an absolute `paging.next` URL,
 * no `next` on the last page (network-apis.md 1.5).
 */
export function page<T>(items: readonly T[], query: URLSearchParams, selfUrl: string, defaultLimit = 25) {
  const limit = Math.min(Math.max(Number(query.get('limit') ?? defaultLimit) || defaultLimit, 1), 100);
  const after = query.get('after');
  const start = after ? decodeCursor(after) + 1 : 0;
  const data = items.slice(start, start + limit);
  const hasMore = start + limit < items.length;
  if (data.length === 0) {
    return { data };
  }
  const cursors = { before: encodeCursor(start), after: encodeCursor(start + data.length - 1) };
  const next = new URL(selfUrl);
  for (const [key, value] of query) {
    next.searchParams.set(key, value);
  }
  next.searchParams.set('limit', String(limit));
  next.searchParams.set('after', cursors.after);
  return { data, paging: { cursors, ...(hasMore ? { next: next.toString() } : {}) } };
}

function encodeCursor(index: number): string {
  return Buffer.from(`idx:${index}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^idx:(\d+)$/u.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : -1;
}
