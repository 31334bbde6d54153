/**
 * Where the last pull stopped: the creation second of the newest interaction delivered and the fullnames
 * delivered at that second. Times, not a `before=` anchor: Reddit answers an empty page when the anchor thing
 * was deleted, which would stall the inbox for good.
 */
export interface InboxCursor {
  readonly time: number;
  readonly names: readonly string[];
}

export function readCursor(cursor: string | null): InboxCursor | undefined {
  if (!cursor) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const time = typeof parsed.t === 'number' && Number.isFinite(parsed.t) ? parsed.t : 0;
    const names = Array.isArray(parsed.n)
      ? parsed.n.filter((name): name is string => typeof name === 'string' && /^t[14]_[a-z0-9]+$/u.test(name))
      : [];
    return { time, names };
  } catch {
    return undefined;
  }
}

export function writeCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.time, n: cursor.names })).toString('base64url');
}

/** The cursor after delivering `delivered` (oldest first) from `previous`. */
export function advance(
  previous: InboxCursor | undefined,
  delivered: readonly { readonly name: string; readonly time: number }[],
): InboxCursor {
  const last = delivered[delivered.length - 1];
  if (!last) {
    return previous ?? { time: 0, names: [] };
  }
  const atLast = delivered.filter((item) => item.time === last.time).map((item) => item.name);
  const carried = previous && previous.time === last.time ? previous.names : [];
  return { time: last.time, names: [...new Set([...carried, ...atLast])] };
}
