/** Where an inbox pull stopped (every Meta connector polls the same way): the newest creation time seen and the ids seen at that instant. */
export interface InboxCursor {
  readonly since: string;
  readonly seen: readonly string[];
}

export function readCursor(cursor: string | null): InboxCursor | null {
  if (!cursor) {
    return null;
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<InboxCursor>;
    return typeof parsed.since === 'string' && Array.isArray(parsed.seen)
      ? { since: parsed.since, seen: parsed.seen.map(String) }
      : null;
  } catch {
    return null;
  }
}

export function writeCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

// Graph reports times to the second; comparing whole seconds keeps sources with finer times from hiding others.
const second = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;

/** Keeps what is newer than the cursor, oldest first, and moves the cursor to the newest item. */
export function advance<T extends { readonly remoteId: string; readonly createdAt: string }>(
  items: readonly T[],
  previous: InboxCursor | null,
): { fresh: T[]; cursor: InboxCursor | null } {
  const since = previous ? second(previous.since) : Number.NEGATIVE_INFINITY;
  const seen = new Set(previous?.seen ?? []);
  const fresh = items
    .filter((item) => {
      const time = second(item.createdAt);
      return time > since || (time === since && !seen.has(item.remoteId));
    })
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const newest = fresh.at(-1);
  if (!newest) {
    return { fresh, cursor: previous };
  }
  const newestTime = second(newest.createdAt);
  const atNewest = fresh.filter((item) => second(item.createdAt) === newestTime).map((item) => item.remoteId);
  const carried = newestTime === since ? [...seen] : [];
  return {
    fresh,
    cursor: { since: new Date(newestTime).toISOString(), seen: [...new Set([...carried, ...atNewest])] },
  };
}
