/**
 * Where the inbox stopped: the indexedAt of the newest notification seen and the ids seen at that instant
 * (several notifications can share one), so that the next pull returns only what is newer. Bluesky's own cursor
 * pages backwards in time, which is why the inbox keeps its own.
 */
export interface InboxPosition {
  readonly indexedAt: string;
  readonly uris: readonly string[];
}

const PREFIX = 'b1:';

export function encodeCursor(position: InboxPosition | null): string | null {
  return position === null ? null : PREFIX + Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | null): InboxPosition | null {
  if (cursor === null || !cursor.startsWith(PREFIX)) {
    return null;
  }
  try {
    const value = JSON.parse(
      Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8'),
    ) as Partial<InboxPosition>;
    return typeof value.indexedAt === 'string' && Array.isArray(value.uris)
      ? {
          indexedAt: value.indexedAt,
          uris: value.uris.filter((uri): uri is string => typeof uri === 'string'),
        }
      : null;
  } catch {
    return null;
  }
}

/** Whether a notification comes after the position. */
export function isAfter(position: InboxPosition | null, indexedAt: string, uri: string): boolean {
  if (position === null) {
    return true;
  }
  const difference = Date.parse(indexedAt) - Date.parse(position.indexedAt);
  return difference > 0 || (difference === 0 && !position.uris.includes(uri));
}

/** The position after a set of notifications: the newest instant, with every id seen at it. */
export function advance(
  position: InboxPosition | null,
  seen: readonly { readonly indexedAt: string; readonly uri: string }[],
): InboxPosition | null {
  let next = position;
  for (const item of seen) {
    if (next === null || Date.parse(item.indexedAt) > Date.parse(next.indexedAt)) {
      next = { indexedAt: item.indexedAt, uris: [item.uri] };
    } else if (Date.parse(item.indexedAt) === Date.parse(next.indexedAt) && !next.uris.includes(item.uri)) {
      next = { indexedAt: next.indexedAt, uris: [...next.uris, item.uri] };
    }
  }
  return next;
}
